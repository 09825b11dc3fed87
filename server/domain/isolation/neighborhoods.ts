/**
 * The undirected neighbourhood of every node of a wave graph. Isolation asks whether two
 * organizations work together at all, so direction is dropped here: in a directed graph a tie in
 * either direction makes the two organizations neighbours. Components come from the metrics'
 * components.ts (weakly connected ones, as in DATA-FORMAT.md §3).
 */
import type { AbstractGraph } from 'graphology-types';

/** Node → its distinct neighbours. Iteration follows the graph's node order. */
export type Neighborhoods = ReadonlyMap<string, ReadonlySet<string>>;

export function buildNeighborhoods(graph: AbstractGraph): Neighborhoods {
  const result = new Map<string, Set<string>>();
  graph.forEachNode((node) => result.set(node, new Set(graph.neighbors(node))));
  return result;
}
