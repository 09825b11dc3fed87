/**
 * File-system adapter for `kopru export`: puts an `ExportOutput` (`server/domain/io/formats.ts`) at a
 * path without ever leaving a half-written file. A folder (the CSV bundle) goes through
 * `writeBundleFolder`; a single file is written and fsynced under a temporary sibling name, then
 * renamed over the target, so readers see the old file or the new one, never a prefix.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportOutput } from '../domain/io/formats.js';
import { ConflictError } from '../errors.js';
import { writeBundleFolder } from './write-bundle.js';

/** Writes one text file atomically; refuses (ConflictError) to replace a folder. */
export async function writeTextFileAtomically(target: string, text: string): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) throw new ConflictError(`${target} is a folder; give a file name for --out`);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(target)}.tmp-${randomUUID()}`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Writes `output` at `target`: the bundle's files into the folder `target`, or the one file.
 * @returns the absolute path written and the file names (one for a single file)
 */
export async function writeExport(
  output: ExportOutput,
  target: string,
): Promise<{ path: string; files: string[] }> {
  const full = path.resolve(target);
  if (output.kind === 'folder') {
    const result = await writeBundleFolder(full, output.files);
    return { path: result.dir, files: result.written };
  }
  await writeTextFileAtomically(full, output.text);
  return { path: full, files: [path.basename(full)] };
}
