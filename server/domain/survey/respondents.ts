/**
 * Who answered the network survey in a wave (`responses.csv`, DATA-FORMAT.md §1). The ties of a wave
 * are reported ties, so every treatment of non-response (treatments.ts) starts from this split.
 *
 * Rules, in order:
 * 1. an explicit status wins: `responded` is a respondent, `missing` is not — even if ties carry its
 *    name as reporter (a data inconsistency we do not try to repair);
 * 2. an organization without a status for the wave is a respondent when it reported at least one tie in
 *    that wave (it evidently answered), and a non-respondent otherwise. Such organizations are listed in
 *    `inferred`, so a result can say how much of the split rests on this guess. Without any `responses`
 *    row for the wave, the whole split is inferred this way; a respondent who named no partner is then
 *    indistinguishable from a non-respondent.
 *
 * Reference for the vocabulary (respondent, non-respondent, reported tie): Huisman (2009), "Imputation of
 * missing network data: some simple procedures", Journal of Social Structure 10(1).
 */
import { assertWave } from '../graph/build-wave-graph.js';
import type { Dataset } from '../types.js';

export type SurveyDataset = Pick<Dataset, 'organizations' | 'waves' | 'ties' | 'responses'>;

export interface WaveRespondents {
  wave: string;
  respondents: ReadonlySet<string>;
  nonRespondents: ReadonlySet<string>;
  /** Organizations without a status for this wave, classified by rule 2; sorted. */
  inferred: string[];
  /** Whether the wave has at least one `responses` row. */
  recorded: boolean;
}

/**
 * Splits the organizations into respondents and non-respondents of `wave`.
 * @throws NotFoundError when `wave` is not a wave of the dataset.
 */
export function respondentsOf(dataset: SurveyDataset, wave: string): WaveRespondents {
  assertWave(dataset, wave);
  const status = new Map<string, string>();
  for (const response of dataset.responses) {
    if (response.wave === wave) status.set(response.organization, response.status);
  }
  const reporters = new Set<string>();
  for (const tie of dataset.ties) if (tie.wave === wave) reporters.add(tie.source);

  const respondents = new Set<string>();
  const nonRespondents = new Set<string>();
  const inferred: string[] = [];
  for (const { id } of dataset.organizations) {
    const known = status.get(id);
    if (known === undefined) inferred.push(id);
    const responded = known === undefined ? reporters.has(id) : known === 'responded';
    (responded ? respondents : nonRespondents).add(id);
  }
  return { wave, respondents, nonRespondents, inferred: inferred.sort(), recorded: status.size > 0 };
}
