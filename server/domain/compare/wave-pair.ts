/**
 * What every two-wave comparison needs before it can count anything: one node index shared by both
 * wave graphs, each wave's ties as flat typed arrays over that index, and the convention for naming a
 * pair (ordered in directed mode, lexicographically sorted in undirected and reciprocated modes, so the
 * same tie has the same name in both waves — the same convention as `tieKey` in build-wave-graph).
 */
import type { WaveGraph } from '../graph/build-wave-graph.js';

/** A tie as a pair of organization ids: `[source, target]` in directed mode, `[smaller, larger]` otherwise. */
export type Pair = [string, string];

/** One wave's ties over a shared node index, each tie once (undirected: the pair once, not both directions). */
export interface IndexedTies {
  source: Int32Array;
  target: Int32Array;
  /** Tie level (1–4); 1 when the graph carries no level. */
  level: Float64Array;
  count: number;
}

export interface IndexedWavePair {
  directed: boolean;
  /**
   * Node ids of both graphs in ascending order, so seeded permutations and bootstraps repeat whatever order
   * the graphs were built in (a bundle and the database list organizations differently).
   */
  ids: string[];
  indexOf: Map<string, number>;
  from: IndexedTies;
  to: IndexedTies;
}

/**
 * The two graphs must be of the same kind: comparing a directed wave with an undirected one would
 * silently compare ordered with unordered pairs.
 */
export function assertSameDirection(from: WaveGraph, to: WaveGraph): boolean {
  const directed = from.type === 'directed';
  if (directed !== (to.type === 'directed')) {
    throw new TypeError(`Cannot compare a ${from.type} wave graph with a ${to.type} one`);
  }
  if (from.type === 'mixed' || to.type === 'mixed') throw new TypeError('Mixed graphs cannot be compared');
  return directed;
}

export function pairOf(source: string, target: string, directed: boolean): Pair {
  if (directed || source < target) return [source, target];
  return [target, source];
}

/** Sorts pairs by first then second id, so lists are stable whatever order the graph stored them in. */
export function comparePairs(a: Pair, b: Pair): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

export function levelOf(attributes: { level?: unknown }): number {
  const level = attributes.level;
  return typeof level === 'number' && Number.isFinite(level) ? level : 1;
}

function indexTies(graph: WaveGraph, indexOf: Map<string, number>): IndexedTies {
  const count = graph.size;
  const ties: IndexedTies = {
    source: new Int32Array(count),
    target: new Int32Array(count),
    level: new Float64Array(count),
    count,
  };
  let e = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    ties.source[e] = indexOf.get(source)!;
    ties.target[e] = indexOf.get(target)!;
    ties.level[e] = levelOf(attributes);
    e++;
  });
  return ties;
}

export function indexWavePair(from: WaveGraph, to: WaveGraph): IndexedWavePair {
  const directed = assertSameDirection(from, to);
  const ids = [...new Set([...from.nodes(), ...to.nodes()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  return { directed, ids, indexOf, from: indexTies(from, indexOf), to: indexTies(to, indexOf) };
}

/** Number of pairs a tie can exist on among `n` nodes: ordered in directed mode, unordered otherwise. */
export function possiblePairs(n: number, directed: boolean): number {
  return directed ? n * (n - 1) : (n * (n - 1)) / 2;
}
