// The NetworkX reference graphs shared by the isolation tests.
import { readFileSync } from 'node:fs';
import Graph from 'graphology';

// Expected values from NetworkX 2.8.8 (`adamic_adar_index` over all non-edges, `core_number`),
// computed by tests/fixtures/reference/isolation/adamic-adar.py with Debian's /usr/bin/python3;
// the JSON records the versions used.
export interface ReferenceGraph {
  nodes: string[];
  edges: Array<[string, string]>;
  adamicAdar: Array<[string, string, number]>;
  coreNumber: Record<string, number>;
}
export const reference = JSON.parse(
  readFileSync(new URL('../../../fixtures/reference/isolation/adamic-adar.json', import.meta.url), 'utf8'),
) as { graphs: Record<string, ReferenceGraph> };

export function undirected(nodes: string[], edges: Array<[string, string]>): Graph {
  const graph = new Graph({ type: 'undirected' });
  for (const node of nodes) graph.addNode(node);
  for (const [a, b] of edges) graph.addEdge(a, b);
  return graph;
}
