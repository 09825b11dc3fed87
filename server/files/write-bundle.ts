/**
 * File-system adapter that puts a serialized CSV bundle (`serializeCsvBundle`) into a folder without
 * ever leaving a half-written bundle behind: the files are written and fsynced in a temporary sibling
 * folder, which then replaces the target with two renames (target → backup, temporary → target).
 * A crash leaves either the old bundle, the new one, or (between the renames) the old one under the
 * backup name — never a mix of old and new files.
 *
 * Replacing a folder keeps what is not part of a bundle (a README.md, a .gitkeep, sub-folders): those
 * entries are copied into the new folder before the swap. Stale bundle files that the new bundle does
 * not have (an old `events.csv`) are not carried over, since they would describe another dataset.
 *
 * Refuses (ConflictError) to replace a path that is not a folder, or a non-empty folder without an
 * `organizations.csv`: whatever is there is not a bundle and may be somebody's work.
 */
import { randomUUID } from 'node:crypto';
import { cp, lstat, mkdir, open, readdir, realpath, rename, rm, stat, chmod } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BUNDLE_FILE_NAMES } from '../domain/io/csv-bundle-reader.js';
import { ConflictError } from '../errors.js';

/** The file whose presence makes a non-empty folder replaceable. */
export const BUNDLE_MARKER_FILE = 'organizations.csv';

export interface WriteBundleResult {
  /** Absolute path of the bundle folder. */
  dir: string;
  /** Bundle files written, in the order given. */
  written: string[];
  /** Entries of the replaced folder carried over unchanged (e.g. README.md). */
  kept: string[];
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function assertFileNames(files: Readonly<Record<string, string>>): void {
  const names = Object.keys(files);
  if (!names.includes(BUNDLE_MARKER_FILE)) {
    throw new Error(`a CSV bundle needs ${BUNDLE_MARKER_FILE}; got ${names.join(', ') || 'no files'}`);
  }
  for (const name of names) {
    // Names come from code, not users, but a path separator here would write outside the folder.
    if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
      throw new Error(`invalid bundle file name ${JSON.stringify(name)}`);
    }
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The folder to replace (symlinks followed) and its entries, or undefined when nothing is there. */
async function inspectTarget(
  dir: string,
  shown: string,
): Promise<{ path: string; mode: number; entries: string[] } | undefined> {
  try {
    await lstat(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  const path = await realpath(dir);
  const info = await stat(path);
  if (!info.isDirectory())
    throw new ConflictError(`${shown} exists and is not a folder; choose another --out`);
  const entries = (await readdir(path)).sort();
  if (entries.length > 0 && !entries.includes(BUNDLE_MARKER_FILE)) {
    throw new ConflictError(
      `${shown} is not empty and does not look like a CSV bundle (no ${BUNDLE_MARKER_FILE}); ` +
        'refusing to overwrite it — choose an empty or new folder',
    );
  }
  return { path, mode: info.mode & 0o7777, entries };
}

/**
 * Writes `files` (file name → text) as the bundle folder `dir`, creating it and its parents when
 * missing and replacing a previous bundle there as a whole.
 * @param dir folder path, resolved against the process's working directory when relative
 * @param files must contain `organizations.csv`; names are plain file names
 * @throws ConflictError when `dir` is a file, or a non-empty folder that does not look like a bundle
 */
export async function writeBundleFolder(
  dir: string,
  files: Readonly<Record<string, string>>,
): Promise<WriteBundleResult> {
  assertFileNames(files);
  const existing = await inspectTarget(resolve(dir), dir);
  const target = existing?.path ?? resolve(dir);
  const parent = dirname(target);
  const base = basename(target);
  await mkdir(parent, { recursive: true });

  const stage = join(parent, `.${base}.tmp-${randomUUID()}`);
  await mkdir(stage);
  try {
    const written = Object.keys(files);
    for (const name of written) await writeDurably(join(stage, name), files[name] ?? '');

    const replaced = new Set<string>([...BUNDLE_FILE_NAMES, ...written]);
    const kept = (existing?.entries ?? []).filter((entry) => !replaced.has(entry));
    for (const entry of kept) {
      await cp(join(target, entry), join(stage, entry), {
        recursive: true,
        preserveTimestamps: true,
        verbatimSymlinks: true,
      });
    }

    if (existing) {
      // mkdir applied the umask; a replaced folder keeps its own permissions.
      await chmod(stage, existing.mode);
      const backup = join(parent, `.${base}.old-${randomUUID()}`);
      await rename(target, backup);
      try {
        await rename(stage, target);
      } catch (error) {
        await rename(backup, target);
        throw error;
      }
      await rm(backup, { recursive: true, force: true });
    } else {
      await rename(stage, target);
    }
    return { dir: target, written, kept };
  } finally {
    // After a successful swap the stage no longer exists; after a failure it must not linger.
    await rm(stage, { recursive: true, force: true });
  }
}
