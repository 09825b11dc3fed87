/**
 * The `--treatment` flag: how the analyses treat organizations that did not answer the survey
 * (server/domain/survey/treatments.ts). Shared by `sensitivity`, `report` and, once wired, `metrics`
 * and `compare` (apply it with `applyTreatment(dataset, waves, treatment)` before analysing).
 */
import { NON_RESPONSE_TREATMENTS, type NonResponseTreatment } from '../../domain/survey/treatments.js';
import { UsageError } from '../command.js';

export const TREATMENT_FLAG = { treatment: { type: 'string' } } as const;

export const TREATMENT_USAGE =
  '  --treatment T     non-respondents: as-reported (default), union, reciprocated, drop-non-respondents';

export function parseTreatment(value: string | undefined): NonResponseTreatment | undefined {
  if (value === undefined) return undefined;
  if ((NON_RESPONSE_TREATMENTS as readonly string[]).includes(value)) return value as NonResponseTreatment;
  throw new UsageError(`--treatment must be one of ${NON_RESPONSE_TREATMENTS.join(', ')}, not "${value}"`);
}
