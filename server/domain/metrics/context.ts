/**
 * The compressed sparse row (CSR) form of a graph that every metric reads, built once per analysis.
 *
 * Nodes are numbered 0…n−1 in ascending id order, so results come out already sorted and do not
 * depend on the order in which the graph was built (Louvain, which is order-sensitive, then repeats
 * exactly for a given seed). Three adjacencies are kept, each a flat Int32Array of offsets and of
 * neighbours plus a Float64Array of tie levels:
 * - `out`: arcs as given (for an undirected graph, both directions of every tie);
 * - `in`: arcs reversed (the same object as `out` for an undirected graph);
 * - `und`: the undirected view (an arc in either direction is a tie; its level is the highest of
 *   the two, as in the `undirected` analysis mode of DATA-FORMAT.md §2).
 * Rows are sorted by neighbour index. Self-loops are dropped; parallel edges keep the highest level.
 *
 * The context also memoizes results shared by several metrics (one shortest-path sweep feeds
 * betweenness, closeness and harmonic closeness), so `computeWaveMetrics` does each pass once.
 */
import { ValidationError } from '../../errors.js';
import type { MetricGraph } from './types.js';

export interface Adjacency {
  /** Row i is `targets[offsets[i]] … targets[offsets[i + 1] − 1]`. Length n + 1. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Tie level of each entry of `targets`. */
  readonly levels: Float64Array;
}

export interface MetricContext {
  readonly graph: MetricGraph;
  readonly directed: boolean;
  /** Number of nodes. */
  readonly n: number;
  /** Number of edges after dropping self-loops and merging parallel edges (arcs when directed). */
  readonly m: number;
  /** Node ids in ascending order; index i of every array below is `ids[i]`. */
  readonly ids: readonly string[];
  readonly out: Adjacency;
  readonly in: Adjacency;
  readonly und: Adjacency;
  /** Computes `compute()` once per context and key. */
  memo<T>(key: string, compute: () => T): T;
  /** What `memo` holds for `key`, if it has been computed. */
  cached<T>(key: string): T | undefined;
}

/** Compares strings by UTF-16 code units, the order of Python's `sorted` on ASCII ids. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDirected(graph: MetricGraph): boolean {
  if (graph.type === 'directed') return true;
  if (graph.type === 'undirected') return false;
  if (graph.undirectedSize === 0) return true;
  if (graph.directedSize === 0) return false;
  throw new ValidationError('The graph mixes directed and undirected ties; metrics need one kind.', [
    { column: 'mode', reason: 'mixed graph' },
  ]);
}

function readLevel(value: unknown, edge: string): number {
  if (value === undefined || value === null) return 1;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ValidationError(`Tie ${edge} has level ${String(value)}; a level must be a positive number.`, [
      { column: 'level', reason: `invalid level ${String(value)} on tie ${edge}` },
    ]);
  }
  return value;
}

/**
 * Builds sorted, de-duplicated rows from arc lists. `symmetric` adds the reverse of every arc.
 * Parallel arcs keep the highest level.
 */
function buildAdjacency(
  n: number,
  sources: Int32Array,
  targets: Int32Array,
  levels: Float64Array,
  symmetric: boolean,
): Adjacency {
  const count = sources.length;
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) {
    degree[sources[e]!]!++;
    if (symmetric) degree[targets[e]!]!++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + degree[i]!;
  const rawTargets = new Int32Array(start[n]!);
  const rawLevels = new Float64Array(start[n]!);
  const fill = start.slice(0, n);
  for (let e = 0; e < count; e++) {
    const u = sources[e]!;
    const v = targets[e]!;
    rawTargets[fill[u]!] = v;
    rawLevels[fill[u]!++] = levels[e]!;
    if (symmetric) {
      rawTargets[fill[v]!] = u;
      rawLevels[fill[v]!++] = levels[e]!;
    }
  }

  // Sort each row by neighbour, then merge duplicates (a mutual pair in the undirected view).
  const offsets = new Int32Array(n + 1);
  const outTargets = new Int32Array(start[n]!);
  const outLevels = new Float64Array(start[n]!);
  const order: number[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    order.length = 0;
    for (let p = start[i]!; p < start[i + 1]!; p++) order.push(p);
    order.sort((a, b) => rawTargets[a]! - rawTargets[b]!);
    for (const p of order) {
      const v = rawTargets[p]!;
      if (k > offsets[i]! && outTargets[k - 1] === v) {
        if (rawLevels[p]! > outLevels[k - 1]!) outLevels[k - 1] = rawLevels[p]!;
        continue;
      }
      outTargets[k] = v;
      outLevels[k++] = rawLevels[p]!;
    }
  }
  offsets[n] = k;
  return { offsets, targets: outTargets.slice(0, k), levels: outLevels.slice(0, k) };
}

/** Builds the CSR form of `graph` (see the file's docblock). O(n log n + m log m). */
export function createMetricContext(graph: MetricGraph): MetricContext {
  const directed = isDirected(graph);
  const ids = graph.nodes().sort(compareIds);
  const n = ids.length;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));

  const sources: number[] = [];
  const targets: number[] = [];
  const levels: number[] = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    if (source === target) return;
    sources.push(index.get(source)!);
    targets.push(index.get(target)!);
    levels.push(readLevel(attributes['level'], edge));
  });
  const s = Int32Array.from(sources);
  const t = Int32Array.from(targets);
  const l = Float64Array.from(levels);

  const out = buildAdjacency(n, s, t, l, !directed);
  const inAdjacency = directed ? buildAdjacency(n, t, s, l, false) : out;
  const und = directed ? buildAdjacency(n, s, t, l, true) : out;
  const m = directed ? out.targets.length : out.targets.length / 2;

  const cache = new Map<string, unknown>();
  return {
    graph,
    directed,
    n,
    m,
    ids,
    out,
    in: inAdjacency,
    und,
    memo<T>(key: string, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
    cached<T>(key: string): T | undefined {
      return cache.get(key) as T | undefined;
    },
  };
}

/** Degree of node i in an adjacency (distinct neighbours). */
export function rowLength(adjacency: Adjacency, i: number): number {
  return adjacency.offsets[i + 1]! - adjacency.offsets[i]!;
}

/** Maps per-node values (index order = ascending id) to a record keyed by id. */
export function toNodeValues(context: MetricContext, values: ArrayLike<number>): Record<string, number> {
  const record: Record<string, number> = {};
  const { ids } = context;
  for (let i = 0; i < ids.length; i++) {
    // Assigning `__proto__` would set the prototype instead of adding a key.
    if (ids[i] === '__proto__') {
      Object.defineProperty(record, ids[i]!, {
        value: values[i]!,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      record[ids[i]!] = values[i]!;
    }
  }
  return record;
}

/** What every `compute<Metric>` accepts: a graph, or a context already built for it (to share work). */
export type MetricInput = MetricGraph | MetricContext;

export function isMetricContext(input: MetricInput): input is MetricContext {
  return typeof (input as Partial<MetricContext>).memo === 'function' && 'und' in input;
}

/** The context of `input`, built when `input` is a graph. */
export function contextOf(input: MetricInput): MetricContext {
  return isMetricContext(input) ? input : createMetricContext(input);
}
