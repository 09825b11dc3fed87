/**
 * Properties that must hold for any wave (fast-check): bounds of the normalized metrics, no NaN,
 * determinism for a seed, and independence from the order in which the graph was built.
 */
import fc from 'fast-check';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { computeWaveMetrics, type WaveMetrics } from '../../../../server/domain/metrics/index.js';
import type { AnalysisMode } from '../../../../server/domain/types.js';

interface Wave {
  directed: boolean;
  nodes: { id: string; kind: string; city: string }[];
  edges: { source: number; target: number; level: number }[];
}

const wave: fc.Arbitrary<Wave> = fc
  .record({
    directed: fc.boolean(),
    size: fc.integer({ min: 0, max: 24 }),
    kinds: fc.array(fc.constantFrom('ngo', 'institution'), { minLength: 24, maxLength: 24 }),
    cities: fc.array(fc.constantFrom('Hatay', 'Kilis', ''), { minLength: 24, maxLength: 24 }),
    edges: fc.array(
      fc.record({ source: fc.nat(), target: fc.nat(), level: fc.integer({ min: 1, max: 4 }) }),
      { maxLength: 80 },
    ),
  })
  .map(({ directed, size, kinds, cities, edges }) => ({
    directed,
    nodes: Array.from({ length: size }, (_, i) => ({ id: `org-${i}`, kind: kinds[i]!, city: cities[i]! })),
    edges:
      size < 2
        ? []
        : edges.map((edge) => ({ ...edge, source: edge.source % size, target: edge.target % size })),
  }));

function build({ directed, nodes, edges }: Wave, reverse = false): Graph {
  const graph = new Graph({ type: directed ? 'directed' : 'undirected', multi: false });
  for (const { id, ...attributes } of reverse ? [...nodes].reverse() : nodes) graph.addNode(id, attributes);
  for (const { source, target, level } of reverse ? [...edges].reverse() : edges) {
    if (source === target) continue;
    // A repeated tie keeps its highest level, as build-wave-graph does, so the order cannot matter.
    graph.updateEdge(nodes[source]!.id, nodes[target]!.id, (attributes) => ({
      level: Math.max(level, (attributes['level'] as number | undefined) ?? 0),
    }));
  }
  return graph;
}

function run(input: Wave, weighted: boolean, reverse = false): WaveMetrics {
  const mode: AnalysisMode = input.directed ? 'directed' : 'undirected';
  return computeWaveMetrics(build(input, reverse), { wave: 'w', mode, weighted, seed: 11 });
}

const within = (value: number, low: number, high: number): boolean =>
  value >= low - 1e-12 && value <= high + 1e-12;

describe('wave metrics properties', () => {
  it('stay within their bounds and are never NaN', () => {
    fc.assert(
      fc.property(wave, fc.boolean(), (input, weighted) => {
        const { network, groups, nodes } = run(input, weighted);
        expect(within(network.density, 0, 1)).toBe(true);
        expect(within(network.transitivity, 0, 1) && within(network.averageClustering, 0, 1)).toBe(true);
        expect(within(network.degreeCentralization, 0, 1)).toBe(true);
        expect(within(network.modularity, -0.5, 1)).toBe(true);
        for (const ei of [network.eiIndex, ...Object.values(groups.eiIndex)]) {
          expect(ei === null || within(ei, -1, 1)).toBe(true);
        }
        if (network.reciprocity !== undefined) expect(within(network.reciprocity, 0, 1)).toBe(true);
        let pagerank = 0;
        for (const node of nodes) {
          for (const [key, value] of Object.entries(node)) {
            // brokerageRole is a role name (or null); every other value is a finite number.
            if (key !== 'id' && key !== 'brokerageRole') expect(Number.isFinite(value)).toBe(true);
          }
          expect(node.brokerage).toBe(
            node.coordinator + node.consultant + node.representative + node.gatekeeper + node.liaison,
          );
          expect(within(node.betweenness, 0, 1)).toBe(true);
          expect(within(node.clustering, 0, 1)).toBe(true);
          expect(node.eigenvector).toBeGreaterThanOrEqual(0);
          if (!weighted)
            expect(within(node.closeness, 0, 1) && within(node.harmonicCloseness, 0, 1)).toBe(true);
          expect(node.kCore).toBeLessThanOrEqual(node.degree);
          pagerank += node.pagerank;
        }
        if (nodes.length > 0) expect(pagerank).toBeCloseTo(1, 9);
        for (const value of Object.values(network)) {
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are deterministic for a seed and do not depend on the order the graph was built in', () => {
    fc.assert(
      fc.property(wave, fc.boolean(), (input, weighted) => {
        const first = run(input, weighted);
        expect(run(input, weighted)).toEqual(first);
        const reversed = run(input, weighted, true);
        // Floating sums may be ordered differently only through node numbering, which is by id: equal.
        expect(reversed).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });
});
