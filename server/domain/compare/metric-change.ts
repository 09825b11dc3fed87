/**
 * Change of per-wave metric results between two waves, for any metric: every network metric as
 * {from, to, change} and every node metric with its change and change of rank (DATA-FORMAT.md §4
 * `compare`). Generic over the result shape of `computeWaveMetrics`, so a metric added to the registry
 * shows up here without touching this file.
 *
 * Conventions:
 * - change = to − from; null when either side is not a finite number (missing node, undefined metric);
 * - rank: 1-based, descending (the largest value ranks 1), ties share the smallest rank ("competition
 *   ranking", 1-2-2-4); organizations without a value are not ranked (rank null) and do not take a rank;
 * - rankChange = fromRank − toRank: positive means the organization moved up (e.g. from 7th to 3rd is +4);
 * - categorical node values (community labels by default) get from/to only: their change and ranks are
 *   null, since label 5 is not "more" than label 2.
 */

/** A metric value as produced by the metrics; anything else (strings, arrays) is not compared. */
export type MetricValue = number | null;

/** Any `{network, nodes}` result; keys whose values are not numbers (or null) are skipped. */
export interface MetricResultLike {
  network: object;
  nodes: ReadonlyArray<{ id: string }>;
}

type Entries = Record<string, unknown>;

export interface ValueChange {
  from: MetricValue;
  to: MetricValue;
  change: MetricValue;
}

export interface RankedChange extends ValueChange {
  fromRank: number | null;
  toRank: number | null;
  rankChange: number | null;
}

/** A label's before and after (community, brokerage role): no change or rank. */
export interface LabelChange {
  from: string | number | null;
  to: string | number | null;
  change: null;
  fromRank: null;
  toRank: null;
  rankChange: null;
}

export interface NodeChange {
  id: string;
  [metric: string]: RankedChange | LabelChange | string;
}

export interface MetricComparison {
  network: Record<string, ValueChange>;
  nodes: NodeChange[];
}

export interface CompareMetricOptions {
  /** Node metrics whose values are labels, not quantities. Default ['community', 'brokerageRole']. */
  categorical?: readonly string[];
}

export const COMPARE_METRIC_DEFAULTS = { categorical: ['community', 'brokerageRole'] } as const;

function asLabel(value: unknown): string | number | null {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : null;
}

function asValue(value: unknown): MetricValue {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

// Keys that hold numbers (or null) somewhere, in first-seen order: from's first, then to's extras.
function numericKeys(records: Iterable<object>, skip: string): string[] {
  const keys = new Set<string>();
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      if (key !== skip && (typeof value === 'number' || value === null)) keys.add(key);
    }
  }
  return [...keys];
}

/** `{from, to, change}` with change = to − from, null when either is missing. */
export function change(from: MetricValue, to: MetricValue): ValueChange {
  return { from, to, change: from === null || to === null ? null : to - from };
}

/** Competition ranks (1-2-2-4), largest first; null for organizations without a value. */
export function competitionRanks(values: readonly MetricValue[]): (number | null)[] {
  const order = values
    .map((value, index) => ({ value, index }))
    .filter((entry): entry is { value: number; index: number } => entry.value !== null)
    .sort((a, b) => b.value - a.value);
  const ranks: (number | null)[] = values.map(() => null);
  for (let position = 0; position < order.length; position++) {
    const entry = order[position];
    const previous = order[position - 1];
    ranks[entry.index] =
      previous !== undefined && previous.value === entry.value ? ranks[previous.index] : position + 1;
  }
  return ranks;
}

/**
 * Compares two per-wave metric results. Nodes are listed in `from`'s order, then the nodes only `to` has.
 */
export function compareMetricResults(
  from: MetricResultLike,
  to: MetricResultLike,
  options: CompareMetricOptions = {},
): MetricComparison {
  const categorical = new Set(options.categorical ?? COMPARE_METRIC_DEFAULTS.categorical);

  const fromNetwork = from.network as Entries;
  const toNetwork = to.network as Entries;
  const network = Object.fromEntries(
    numericKeys([fromNetwork, toNetwork], '').map((key) => [
      key,
      change(asValue(fromNetwork[key]), asValue(toNetwork[key])),
    ]),
  );

  const ids: string[] = [];
  const fromById = new Map<string, Entries>();
  const toById = new Map<string, Entries>();
  for (const node of from.nodes) {
    if (!fromById.has(node.id)) ids.push(node.id);
    fromById.set(node.id, node as Entries);
  }
  for (const node of to.nodes) {
    if (!fromById.has(node.id) && !toById.has(node.id)) ids.push(node.id);
    toById.set(node.id, node as Entries);
  }
  const metrics = numericKeys([...from.nodes, ...to.nodes], 'id');
  // Label metrics hold strings (a brokerage role), which numericKeys passes over.
  for (const key of categorical) {
    if (!metrics.includes(key) && [...from.nodes, ...to.nodes].some((node) => key in node)) metrics.push(key);
  }

  const nodes: NodeChange[] = ids.map((id) => ({ id }));
  for (const metric of metrics) {
    const before = ids.map((id) => asValue(fromById.get(id)?.[metric]));
    const after = ids.map((id) => asValue(toById.get(id)?.[metric]));
    if (categorical.has(metric)) {
      ids.forEach((id, i) => {
        nodes[i][metric] = {
          from: asLabel(fromById.get(id)?.[metric]),
          to: asLabel(toById.get(id)?.[metric]),
          change: null,
          fromRank: null,
          toRank: null,
          rankChange: null,
        };
      });
      continue;
    }
    const fromRanks = competitionRanks(before);
    const toRanks = competitionRanks(after);
    ids.forEach((_id, i) => {
      const fromRank = fromRanks[i];
      const toRank = toRanks[i];
      nodes[i][metric] = {
        ...change(before[i], after[i]),
        fromRank,
        toRank,
        rankChange: fromRank === null || toRank === null ? null : fromRank - toRank,
      };
    });
  }
  return { network, nodes };
}
