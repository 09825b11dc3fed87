/**
 * Treatments of survey non-response, applied to a wave's reported ties before any analysis. A survey
 * network is made of reported ties: A → B means A said it works with B. Organizations that did not answer
 * (respondents.ts) reported nothing, so their ties exist only where a respondent named them. How to read
 * that gap changes the numbers; the sensitivity table (sensitivity.ts) shows by how much.
 *
 * - `as-reported` (default): the ties as reported.
 * - `union`: a tie exists if either side reported it — every reported tie is made mutual, both directions
 *   at the higher of the two reported levels. In undirected mode this is exactly the mode's own rule, so
 *   the numbers equal `as-reported`. In directed mode it differs: every reported arc gains its reverse, so
 *   reciprocity becomes 1, in-degree equals out-degree, the arc count doubles the pair count (and density
 *   equals the undirected density). It goes further than Huisman's "reconstruction", which imputes only
 *   the ties of non-respondents: here respondent–respondent pairs reported by one side are symmetrized too.
 * - `reciprocated`: a reported tie is kept only when the partner confirmed it (reported it too) or could
 *   not have (did not respond). Decision: pairs with a non-respondent are KEPT as the respondent reported
 *   them, not dropped. Dropping them would read silence as denial and turn every non-respondent into an
 *   isolate, which is the very bias a non-response treatment should expose; the analysis mode
 *   `reciprocated` (DATA-FORMAT.md §2) is the strict version and still applies on top if asked for.
 *   Levels stay as each side reported them.
 * - `drop-non-respondents`: the organizations that did not respond in the wave are removed from the
 *   dataset altogether, with their ties (in every wave), attendance and responses: the network among
 *   respondents. Removing them everywhere keeps the rule "every organization exists in every wave", so
 *   applying the treatment for both waves of a comparison leaves the panel that answered both times.
 *
 * Only the given wave's ties change (except for the removals of `drop-non-respondents`). Pass several
 * waves at once to treat each of them; respondents are then judged on the untreated data, which matters
 * when an organization's response is inferred from the ties it reported (respondents.ts, rule 2).
 *
 * Reference: Huisman (2009), "Imputation of missing network data: some simple procedures", Journal of
 * Social Structure 10(1); Stork & Richards (1992), "Nonrespondents in communication network studies",
 * Group & Organization Management 17(2).
 */
import { ValidationError } from '../../errors.js';
import type { Dataset, Tie } from '../types.js';
import { respondentsOf, type WaveRespondents } from './respondents.js';

export const NON_RESPONSE_TREATMENTS = [
  'as-reported',
  'union',
  'reciprocated',
  'drop-non-respondents',
] as const;
export type NonResponseTreatment = (typeof NON_RESPONSE_TREATMENTS)[number];

export const DEFAULT_TREATMENT: NonResponseTreatment = 'as-reported';

/** Throws ValidationError naming `treatment` when the value is not one of {@link NON_RESPONSE_TREATMENTS}. */
export function assertTreatment(value: unknown): asserts value is NonResponseTreatment {
  if (!(NON_RESPONSE_TREATMENTS as readonly unknown[]).includes(value)) {
    throw new ValidationError(
      `Unknown treatment "${String(value)}" (treatments: ${NON_RESPONSE_TREATMENTS.join(', ')})`,
      [{ column: 'treatment', reason: `unknown treatment ${String(value)}` }],
    );
  }
}

// A control character cannot occur in an id read from a file, so the key is unambiguous.
const arcKey = (source: string, target: string): string => `${source}\u0000${target}`;

/** The wave's reported arcs, one per ordered pair at its highest level (duplicates and self-ties dropped). */
function reportedArcs(ties: readonly Tie[], wave: string): Map<string, Tie> {
  const arcs = new Map<string, Tie>();
  for (const tie of ties) {
    if (tie.wave !== wave || tie.source === tie.target) continue;
    const key = arcKey(tie.source, tie.target);
    const seen = arcs.get(key);
    if (seen === undefined || tie.level > seen.level) arcs.set(key, tie);
  }
  return arcs;
}

function unionTies(arcs: Map<string, Tie>): Tie[] {
  const out: Tie[] = [];
  for (const tie of arcs.values()) {
    const reverse = arcs.get(arcKey(tie.target, tie.source));
    const level = Math.max(tie.level, reverse?.level ?? 0);
    out.push(level === tie.level ? tie : { ...tie, level });
    // The mirror is added by the arc that was reported; a confirmed pair adds none (its reverse exists).
    if (reverse === undefined) {
      out.push({ source: tie.target, target: tie.source, wave: tie.wave, level, extra: {} });
    }
  }
  return out;
}

function reciprocatedTies(arcs: Map<string, Tie>, responded: WaveRespondents): Tie[] {
  return [...arcs.values()].filter(
    (tie) => arcs.has(arcKey(tie.target, tie.source)) || !responded.respondents.has(tie.target),
  );
}

function treatWave(dataset: Dataset, split: WaveRespondents, treatment: 'union' | 'reciprocated'): Dataset {
  const arcs = reportedArcs(dataset.ties, split.wave);
  const treated = treatment === 'union' ? unionTies(arcs) : reciprocatedTies(arcs, split);
  return { ...dataset, ties: [...dataset.ties.filter((tie) => tie.wave !== split.wave), ...treated] };
}

function dropOrganizations(dataset: Dataset, dropped: ReadonlySet<string>): Dataset {
  if (dropped.size === 0) return dataset;
  const kept = (id: string): boolean => !dropped.has(id);
  return {
    ...dataset,
    organizations: dataset.organizations.filter((org) => kept(org.id)),
    ties: dataset.ties.filter((tie) => kept(tie.source) && kept(tie.target)),
    attendance: dataset.attendance.filter((row) => kept(row.organization)),
    responses: dataset.responses.filter((row) => kept(row.organization)),
  };
}

/**
 * The dataset with `treatment` applied to the ties of `wave` (or of each of several waves), ready for any
 * analysis of that wave. The input is not modified; `as-reported` returns it unchanged.
 * @throws NotFoundError for a wave that is not in the dataset; ValidationError for an unknown treatment.
 */
export function applyTreatment(
  dataset: Dataset,
  wave: string | readonly string[],
  treatment: NonResponseTreatment,
): Dataset {
  assertTreatment(treatment);
  const waves = typeof wave === 'string' ? [wave] : [...new Set(wave)];
  const splits = waves.map((id) => respondentsOf(dataset, id));
  if (treatment === 'as-reported') return dataset;
  if (treatment === 'drop-non-respondents') {
    return dropOrganizations(dataset, new Set(splits.flatMap((split) => [...split.nonRespondents])));
  }
  return splits.reduce((current, split) => treatWave(current, split, treatment), dataset);
}
