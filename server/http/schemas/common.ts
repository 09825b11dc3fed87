/**
 * zod schemas shared by every resource, and the one helper that turns a failed parse into a 400 naming
 * every offending parameter. Schemas are strict: an unknown parameter or field is an error, not ignored.
 * They are also the source of the OpenAPI document (`server/http/openapi/`), so keep them representable
 * in JSON Schema (a `z.custom` needs `.meta()` describing it).
 */
import { z } from 'zod';
import { ValidationError } from '../../errors.js';
import { NON_RESPONSE_TREATMENTS } from '../../domain/survey/treatments.js';
import { ANALYSIS_MODES, ORGANIZATION_KINDS } from '../../domain/types.js';

/** A wave's id; the examples are the demo's waves (they help API fuzzers reach real data). */
export const waveId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .meta({ examples: ['pre', 'post'] });
export const mode = z.enum(ANALYSIS_MODES);
export const kind = z.enum(ORGANIZATION_KINDS);
/** How the analyses treat organizations that did not answer the survey. */
export const treatment = z.enum(NON_RESPONSE_TREATMENTS);

/** A whole number written in decimal digits; `z.coerce` would accept '', ' ', '0x10' and '1e3'. */
export function integer(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .meta({ description: `a whole number from ${min} to ${max}` });
}

/** `true`/`false` (or `1`/`0`) in a query string. */
export const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** For the many routes that take no query parameter at all: any parameter is an error. */
export const NoQuery = z.object({}).strict();

/** What every error answer looks like. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, part = 'query'): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const column = unknownKeys.length > 0 ? unknownKeys.join(', ') : issue.path.join('.');
    const reason =
      unknownKeys.length > 0 ? `unknown ${part === 'body' ? 'field' : 'parameter'}` : issue.message;
    return { file: part, column, reason };
  });
  throw new ValidationError(
    `Invalid ${part}: ${issues.map((i) => `${i.column || part} (${i.reason})`).join('; ')}`,
    issues,
  );
}
