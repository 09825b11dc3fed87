/**
 * GDS's raw scores converted to Köprü's conventions (server/neo4j/gds/gds-wave-measures.ts). The raw
 * values are what GDS 2.13.9 streamed for the path of ten nodes 0–9 (gds.betweenness.stream, run by
 * hand on the embedded database); the expected ones are NetworkX's:
 * `nx.betweenness_centrality(nx.path_graph(10))` gives 0.2222… for node 1 and 0.5555… for node 4.
 */
import { describe, expect, it } from 'vitest';
import { toKopruConventions } from '../../../server/neo4j/gds/gds-wave-measures.js';

const RAW_PATH_10 = [0, 8, 14, 18, 20, 20, 18, 14, 8, 0];

describe('toKopruConventions', () => {
  it('normalizes betweenness by (n − 1)(n − 2)/2, as NetworkX does for undirected graphs', () => {
    const raw = Object.fromEntries(RAW_PATH_10.map((score, i) => [String(i), score]));
    const { betweenness } = toKopruConventions({ betweenness: raw }, 10);
    expect(betweenness?.['1']).toBeCloseTo(2 / 9, 15);
    expect(betweenness?.['4']).toBeCloseTo(5 / 9, 15);
    expect(betweenness?.['0']).toBe(0);
  });

  it('gives 0 betweenness below three nodes, and PageRank scores that sum to 1', () => {
    expect(toKopruConventions({ betweenness: { a: 0, b: 0 } }, 2).betweenness).toEqual({ a: 0, b: 0 });
    // GDS leaves an isolate its teleport share 0.15 and sums to about n; only the proportions count.
    const { pagerank } = toKopruConventions({ pagerank: { a: 0.15, b: 1.2, c: 1.65 } }, 3);
    expect(pagerank?.a).toBeCloseTo(0.05, 15);
    expect(pagerank?.b).toBeCloseTo(0.4, 15);
    expect(pagerank?.c).toBeCloseTo(0.55, 15);
  });

  it('leaves the measures that need no conversion as they are', () => {
    const closeness = { a: 0.5, b: 1 };
    expect(toKopruConventions({ closeness }, 2).closeness).toBe(closeness);
  });
});
