/**
 * The JSON body of POST /api/uploads/preview and /commit, and the size limits of an upload.
 * The shape is checked by zod (400 naming the field); sizes and counts by `checkUploadLimits`
 * (413 naming the file), so a too-large upload is told apart from a malformed one.
 */
import { z } from 'zod';
import { DATASET_FORMATS, baseName } from '../../domain/io/formats.js';
import { PayloadTooLargeError } from '../errors.js';
import { formatSize } from '../format-size.js';

/** `{ name: text }` with string values only, copied so that no name can reach a prototype. */
const files = z
  .custom<Record<string, string>>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((text) => typeof text === 'string'),
    { error: 'files must be an object of file name → file text' },
  )
  .transform((value) => Object.fromEntries(Object.entries(value)))
  .refine((value) => Object.keys(value).length > 0, 'files is empty; send at least one file')
  .refine(
    (value) => Object.keys(value).every((name) => name.length <= 500 && baseName(name) !== ''),
    'every file needs a name (at most 500 characters)',
  )
  .meta({
    description: 'file name (a folder prefix is allowed; only the base name counts) → file text',
    type: 'object',
    minProperties: 1,
    propertyNames: { minLength: 1, maxLength: 500 },
    additionalProperties: { type: 'string' },
  });

export const UploadBody = z
  .object({
    files,
    format: z.enum(DATASET_FORMATS).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    replace: z.boolean().default(false),
  })
  .strict();

export interface UploadLimits {
  /** Most files in one upload. */
  maxFiles: number;
  /** Largest single file, in bytes of UTF-8 text. */
  maxFileBytes: number;
}

/** Throws a 413 naming the file (or the count) when an upload is over a limit. */
export function checkUploadLimits(files: Record<string, string>, limits: UploadLimits): void {
  const names = Object.keys(files);
  if (names.length > limits.maxFiles) {
    throw new PayloadTooLargeError(
      `Too many files: ${names.length}; at most ${limits.maxFiles} files per upload`,
      [{ file: 'body', column: 'files', reason: `at most ${limits.maxFiles} files per upload` }],
    );
  }
  const tooLarge = names.filter((name) => Buffer.byteLength(files[name] ?? '', 'utf8') > limits.maxFileBytes);
  if (tooLarge.length > 0) {
    throw new PayloadTooLargeError(
      `${tooLarge.join(', ')}: larger than the limit of ${formatSize(limits.maxFileBytes)} per file`,
      tooLarge.map((name) => ({
        file: name,
        reason: `larger than the limit of ${formatSize(limits.maxFileBytes)} per file`,
      })),
    );
  }
}
