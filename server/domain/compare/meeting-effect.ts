/**
 * Meeting effect: did organizations that met at the project's events between two waves form new ties
 * more often than organizations that did not meet? A before/after comparison of tie formation rates
 * (a cohort "risk ratio" design), not a causal estimate: organizations chose which events to attend.
 *
 * At risk: the pairs with no tie in the `from` wave (ordered pairs in directed mode, unordered otherwise).
 * For each event type, and for any event ("any"):
 * - co-attending pairs: at-risk pairs that both attended at least one event of that type dated between
 *   the two waves' dates (both dates included; an event's start `date` counts, not its `endDate`);
 * - other pairs: at-risk pairs that attended no event together between the waves — the same reference
 *   group for every type, so pairs that met only at events of another type are in neither group;
 * - new: the pair is tied in the `to` wave.
 * rateRatio = rateCoAttending / rateOther. ci95 is the Katz log interval of the rate ratio; pValue is
 * Fisher's exact two-sided test of the 2×2 table (co-attending vs other × new vs not). Fisher's test is
 * the exact form of the label-permutation test (shuffling "co-attended" among the pairs of the two groups
 * gives the hypergeometric law it sums), so it needs no seed and has no Monte Carlo error.
 *
 * `crossSectorOnly` restricts every count to NGO–institution pairs (node attribute `kind`).
 */
import { assertWave, type WaveGraph } from '../graph/build-wave-graph.js';
import type { Dataset } from '../types.js';
import { fisherExactTwoSided, fisherIndices, logFactorialsAt, rateRatio } from './statistics.js';
import { indexWavePair, possiblePairs } from './wave-pair.js';

/** Event types reported even when no event of the type took place (then with empty groups). */
export const MEETING_EVENT_TYPES = [
  'consultation_meeting',
  'cooperation_meeting',
  'network_meeting',
  'workshop',
  'training',
  'visit',
] as const;

export const ANY_EVENT = 'any';

export type MeetingScope = 'all' | 'crossSector';

export interface MeetingEffectOptions {
  /** Id of the earlier wave: its ties define the pairs at risk. */
  from: string;
  /** Id of the later wave: its ties define which at-risk pairs formed a tie. */
  to: string;
  /** Count NGO–institution pairs only. Default false. */
  crossSectorOnly?: boolean;
}

export interface MeetingEffectRow {
  /** An event type, or "any" for any event between the waves. */
  eventType: string;
  scope: MeetingScope;
  coAttendingPairs: number;
  coAttendingNew: number;
  otherPairs: number;
  otherNew: number;
  /** coAttendingNew / coAttendingPairs; null when no pair co-attended. */
  rateCoAttending: number | null;
  /** otherNew / otherPairs; null when every at-risk pair co-attended something. */
  rateOther: number | null;
  /** null when rateOther is 0 or either group is empty. */
  rateRatio: number | null;
  /** Katz log interval; null when coAttendingNew or otherNew is 0. */
  ci95: [number, number] | null;
  /** Fisher exact, two-sided; null when either group is empty. */
  pValue: number | null;
}

function isCrossSector(a: unknown, b: unknown): boolean {
  return (a === 'ngo' && b === 'institution') || (a === 'institution' && b === 'ngo');
}

/**
 * Meeting effect rows: "any" first, then {@link MEETING_EVENT_TYPES}, then any other type of an event
 * between the waves (alphabetically). Events without a type count for "any" only.
 * @throws NotFoundError when `from` or `to` is not a wave of the dataset.
 */
export function computeMeetingEffect(
  dataset: Pick<Dataset, 'waves' | 'events' | 'attendance'>,
  fromGraph: WaveGraph,
  toGraph: WaveGraph,
  options: MeetingEffectOptions,
): MeetingEffectRow[] {
  assertWave(dataset, options.from);
  assertWave(dataset, options.to);
  const crossSectorOnly = options.crossSectorOnly ?? false;
  const scope: MeetingScope = crossSectorOnly ? 'crossSector' : 'all';
  const { directed, ids, indexOf, from, to } = indexWavePair(fromGraph, toGraph);
  const n = ids.length;

  const kinds = ids.map((id) =>
    fromGraph.hasNode(id) ? fromGraph.getNodeAttribute(id, 'kind') : toGraph.getNodeAttribute(id, 'kind'),
  );
  const inScope = (i: number, j: number): boolean => !crossSectorOnly || isCrossSector(kinds[i], kinds[j]);
  // Numeric pair keys: ordered in directed mode, smaller index first otherwise.
  const keyOf = (i: number, j: number): number => (directed || i < j ? i * n + j : j * n + i);

  const tiedBefore = new Set<number>();
  for (let e = 0; e < from.count; e++) {
    const i = from.source[e];
    const j = from.target[e];
    if (inScope(i, j)) tiedBefore.add(keyOf(i, j));
  }
  const formed = new Set<number>();
  for (let e = 0; e < to.count; e++) {
    const key = keyOf(to.source[e], to.target[e]);
    if (inScope(to.source[e], to.target[e]) && !tiedBefore.has(key)) formed.add(key);
  }

  let totalPairs = possiblePairs(n, directed);
  if (crossSectorOnly) {
    const ngos = kinds.filter((k) => k === 'ngo').length;
    const institutions = kinds.filter((k) => k === 'institution').length;
    totalPairs = ngos * institutions * (directed ? 2 : 1);
  }
  const atRisk = totalPairs - tiedBefore.size;

  // Co-attending at-risk pairs per event type, only events dated between the two waves.
  const dateOf = (waveId: string): string => dataset.waves.find((w) => w.id === waveId)!.date;
  const [start, end] = [dateOf(options.from), dateOf(options.to)].sort() as [string, string];
  const between = new Map<string, string>();
  for (const event of dataset.events) {
    if (event.date >= start && event.date <= end) between.set(event.id, event.type ?? '');
  }
  const attendees = new Map<string, Set<number>>();
  for (const { organization, event } of dataset.attendance) {
    const index = indexOf.get(organization);
    if (index === undefined || !between.has(event)) continue;
    let set = attendees.get(event);
    if (set === undefined) attendees.set(event, (set = new Set()));
    set.add(index);
  }
  const coAttending = new Map<string, Set<number>>([[ANY_EVENT, new Set()]]);
  for (const [event, members] of attendees) {
    const type = between.get(event)!;
    const targets = [coAttending.get(ANY_EVENT)!];
    if (type !== '' && type !== ANY_EVENT) {
      let set = coAttending.get(type);
      if (set === undefined) coAttending.set(type, (set = new Set()));
      targets.push(set);
    }
    const list = [...members];
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x];
        const j = list[y];
        if (!inScope(i, j)) continue;
        const keys = directed ? [keyOf(i, j), keyOf(j, i)] : [keyOf(i, j)];
        for (const key of keys) {
          if (tiedBefore.has(key)) continue;
          for (const target of targets) target.add(key);
        }
      }
    }
  }

  const anyPairs = coAttending.get(ANY_EVENT)!;
  let anyNew = 0;
  for (const key of anyPairs) if (formed.has(key)) anyNew++;
  const otherPairs = atRisk - anyPairs.size;
  const otherNew = formed.size - anyNew;

  const extraTypes = [...coAttending.keys()]
    .filter((t) => t !== ANY_EVENT && !(MEETING_EVENT_TYPES as readonly string[]).includes(t))
    .sort();
  const counts = [ANY_EVENT, ...MEETING_EVENT_TYPES, ...extraTypes].map((eventType) => {
    const pairs = coAttending.get(eventType) ?? new Set<number>();
    let coAttendingNew = 0;
    for (const key of pairs) if (formed.has(key)) coAttendingNew++;
    return { eventType, coAttendingPairs: pairs.size, coAttendingNew };
  });
  const tested = counts.filter(({ coAttendingPairs }) => coAttendingPairs > 0 && otherPairs > 0);
  const table = ({ coAttendingPairs, coAttendingNew }: (typeof counts)[number]) =>
    [coAttendingNew, coAttendingPairs - coAttendingNew, otherNew, otherPairs - otherNew] as const;
  // ln k! only where the Fisher tests read it: a full table has atRisk ≈ n²/2 entries (statistics.ts).
  const logFactorial = logFactorialsAt(tested.flatMap((row) => fisherIndices(...table(row))));

  return counts.map((row) => {
    const { eventType, coAttendingPairs, coAttendingNew } = row;
    const bothGroups = coAttendingPairs > 0 && otherPairs > 0;
    const ratio = bothGroups ? rateRatio(coAttendingNew, coAttendingPairs, otherNew, otherPairs) : null;
    return {
      eventType,
      scope,
      coAttendingPairs,
      coAttendingNew,
      otherPairs,
      otherNew,
      rateCoAttending: coAttendingPairs > 0 ? coAttendingNew / coAttendingPairs : null,
      rateOther: otherPairs > 0 ? otherNew / otherPairs : null,
      rateRatio: ratio?.rateRatio ?? null,
      ci95: ratio?.ci95 ?? null,
      pValue: bothGroups ? fisherExactTwoSided(...table(row), logFactorial) : null,
    };
  });
}
