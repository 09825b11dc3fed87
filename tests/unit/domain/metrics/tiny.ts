/** Small hand-made graphs for the hand-checkable tests. */
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';

export type TinyEdge = [source: string, target: string, level?: number];

/**
 * A graph from an edge list. Nodes are those of the edges plus `nodes` (ids, or ids with attributes);
 * every node gets `kind: 'ngo'` and `city: ''` unless its attributes say otherwise.
 */
export function graphOf(
  edges: TinyEdge[],
  options: { directed?: boolean; nodes?: string[] | Record<string, Attributes> } = {},
): Graph {
  const graph = new Graph({ type: options.directed ? 'directed' : 'undirected', multi: false });
  const extra = Array.isArray(options.nodes)
    ? Object.fromEntries(options.nodes.map((id) => [id, {}]))
    : (options.nodes ?? {});
  for (const [id, attributes] of Object.entries(extra))
    graph.addNode(id, { kind: 'ngo', city: '', ...attributes });
  for (const [source, target, level = 1] of edges) {
    for (const id of [source, target]) if (!graph.hasNode(id)) graph.addNode(id, { kind: 'ngo', city: '' });
    graph.addEdge(source, target, { level });
  }
  return graph;
}

/** a – b – c – d. */
export const PATH_4: TinyEdge[] = [
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'd'],
];

/** Triangle a, b, c with the pendant d hanging from c. */
export const TRIANGLE_PENDANT: TinyEdge[] = [
  ['a', 'b'],
  ['b', 'c'],
  ['a', 'c'],
  ['c', 'd'],
];
