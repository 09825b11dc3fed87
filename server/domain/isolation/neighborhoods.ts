/**
 * The undirected neighbourhood of every node of a wave graph, and its connected components.
 * Isolation asks whether two organizations work together at all, so direction is dropped here:
 * in a directed graph a tie in either direction makes the two organizations neighbours
 * (the components are then the weakly connected ones, as in DATA-FORMAT.md §3).
 */
import type { AbstractGraph } from 'graphology-types';

/** Node → its distinct neighbours. Iteration follows the graph's node order. */
export type Neighborhoods = ReadonlyMap<string, ReadonlySet<string>>;

export function buildNeighborhoods(graph: AbstractGraph): Neighborhoods {
  const result = new Map<string, Set<string>>();
  graph.forEachNode((node) => result.set(node, new Set(graph.neighbors(node))));
  return result;
}

/** Connected components as node lists, ordered by their first node in the graph's node order. */
export function connectedComponents(neighborhoods: Neighborhoods): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const start of neighborhoods.keys()) {
    if (seen.has(start)) continue;
    const component = [start];
    seen.add(start);
    // `component` doubles as the BFS queue: it only ever grows while we read it.
    for (let i = 0; i < component.length; i += 1) {
      for (const next of neighborhoods.get(component[i] as string) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        component.push(next);
      }
    }
    components.push(component);
  }
  return components;
}
