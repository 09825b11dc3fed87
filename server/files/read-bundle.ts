/**
 * File-system adapter for the CSV bundle (DATA-FORMAT.md §1): reads the known files of a folder
 * as UTF-8 text and hands them to the pure `parseCsvBundle`. Problems with the folder or the
 * files themselves (not a folder, too large, not UTF-8, unreadable) are reported together in one
 * `ValidationError`, like the problems inside the files.
 */
import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ValidationError, type InputIssue } from '../errors.js';
import {
  BUNDLE_FILE_NAMES,
  DEFAULT_DATASET_NAME,
  bundleValidationError,
  parseCsvBundle,
  type BundleFiles,
} from '../domain/io/csv-bundle-reader.js';
import type { Dataset } from '../domain/types.js';

/** Largest file of a bundle that is read: 200 MB. */
export const MAX_BUNDLE_FILE_BYTES = 200 * 1024 * 1024;

export interface ReadBundleOptions {
  /** Largest accepted file in bytes; default MAX_BUNDLE_FILE_BYTES (200 MB). */
  maxFileBytes?: number;
}

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")';

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The absolute path of `dir`.
 * @throws ValidationError naming `dir` when it is not a folder or cannot be read.
 */
export async function assertFolder(dir: string): Promise<string> {
  const folder = resolve(dir);
  let code: string | undefined;
  try {
    if (!(await stat(folder)).isDirectory()) code = 'ENOTDIR';
  } catch (error) {
    code = errorCode(error) ?? 'unknown error';
  }
  if (code !== undefined) {
    const reason =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `${dir} is not a folder; a CSV bundle is a folder of CSV files`
        : `${dir} cannot be read (${code})`;
    throw new ValidationError(reason, [{ file: dir, reason }]);
  }
  return folder;
}

/** 209715200 → "200 MB", 61 → "61 bytes"; rounded up, so a file just over the limit never shows as equal to it. */
function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${bytes} bytes`;
  return `${Math.ceil(mb * 10) / 10} MB`;
}

/** Why `bytes` is not UTF-8 text, and the first offending line; undefined when it is. */
function encodingProblem(bytes: Buffer): { reason: string; line?: number } | undefined {
  // Excel's "Unicode text" is UTF-16 with a BOM: name it, since the fix is the same but the
  // cause is otherwise puzzling.
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return { reason: `the file is saved as UTF-16; ${SAVE_AS_UTF8}` };
  }
  if (isUtf8(bytes)) return undefined;
  // The replacement character marks the first undecodable byte (a real U+FFFD earlier in the file
  // would only make the line an under-estimate).
  const lenient = bytes.toString('utf8');
  const at = lenient.indexOf('\uFFFD');
  const line = lenient.slice(0, Math.max(at, 0)).split('\n').length;
  return {
    reason: `the file is not valid UTF-8 text (first bad byte on line ${line}); ${SAVE_AS_UTF8}`,
    line,
  };
}

export type FileRead = { text: string | undefined; issue?: InputIssue };

/**
 * Reads the file at `path` as UTF-8 text, reporting under the name `file`: absent → `text`
 * undefined and no issue; not a regular file, over `maxFileBytes`, not UTF-8 (UTF-16, Latin-1,
 * mixed) or unreadable → an issue. Shared by every file format's reader (`read-source.ts`).
 */
export async function readTextFile(path: string, file: string, maxFileBytes: number): Promise<FileRead> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { text: undefined, issue: { file, reason: `${file} is not a regular file` } };
    if (info.size > maxFileBytes) {
      const reason = `the file is ${formatSize(info.size)}; files over ${formatSize(maxFileBytes)} are refused`;
      return { text: undefined, issue: { file, reason } };
    }
    const bytes = await readFile(path);
    const problem = encodingProblem(bytes);
    if (problem !== undefined) return { text: undefined, issue: { file, ...problem } };
    return { text: bytes.toString('utf8') };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { text: undefined };
    const reason = `the file cannot be read (${errorCode(error) ?? 'unknown error'})`;
    return { text: undefined, issue: { file, reason } };
  }
}

function readBundleFile(dir: string, file: string, maxFileBytes: number): Promise<FileRead> {
  return readTextFile(join(dir, file), file, maxFileBytes);
}

/**
 * Reads the CSV bundle in folder `dir` and validates it. Absent optional files are undefined to
 * the parser; the dataset's default name is the folder's base name.
 *
 * @throws ValidationError when `dir` is not a folder, a file is over `maxFileBytes`, not UTF-8 or
 *   unreadable, or the bundle's contents are invalid (every problem listed in `issues`).
 */
export async function readBundleFolder(dir: string, options: ReadBundleOptions = {}): Promise<Dataset> {
  const maxFileBytes = options.maxFileBytes ?? MAX_BUNDLE_FILE_BYTES;
  const folder = await assertFolder(dir);

  const reads = await Promise.all(
    BUNDLE_FILE_NAMES.map((file) => readBundleFile(folder, file, maxFileBytes)),
  );
  const issues = reads.flatMap((read) => (read.issue === undefined ? [] : [read.issue]));
  if (issues.length > 0) throw bundleValidationError(issues);

  const files: BundleFiles = Object.fromEntries(
    BUNDLE_FILE_NAMES.map((file, index) => [file, reads[index]?.text]),
  );
  // The root folder has no base name.
  return parseCsvBundle(files, basename(folder) || DEFAULT_DATASET_NAME);
}
