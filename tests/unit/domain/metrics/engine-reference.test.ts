/**
 * The shortest-path engine on a 500-node stochastic block model against NetworkX and igraph
 * (tests/fixtures/reference/engine/sbm-500.json, written by scripts/engine_reference.py from the edge
 * list our generator writes; see that script for versions and commands): exact values on one thread
 * and on worker threads to 1e-9, and sampled betweenness within its stated error bound.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { stochasticBlockModel } from '../../../../bench/graphs/generate.js';
import {
  approximateBetweenness,
  computeWaveMetrics,
  createMetricContext,
  parallelShortestPathSweep,
} from '../../../../server/domain/metrics/index.js';
import { riondatoKornaropoulosSamples } from '../../../../server/domain/metrics/approximate-betweenness.js';

const DIR = fileURLToPath(new URL('../../../fixtures/reference/engine/', import.meta.url));
const fixture = JSON.parse(readFileSync(`${DIR}sbm-500.json`, 'utf8')) as {
  n: number;
  diameter: number;
  averagePathLength: number;
  nodes: Record<
    string,
    { betweenness: number; betweennessIgraph: number; closeness: number; harmonic: number }
  >;
};
const edges = readFileSync(`${DIR}sbm-500.edges.csv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));

function fixtureGraph(): Graph {
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < fixture.n; i++)
    graph.addNode(String(i), { kind: i % 3 ? 'ngo' : 'institution', city: '' });
  for (const [source, target] of edges) graph.addEdge(source!, target!, { level: 1 });
  return graph;
}

const TOLERANCE = 1e-9;

describe('shortest-path engine on a 500-node SBM (NetworkX, igraph)', { timeout: 120_000 }, () => {
  it('is the graph the generator makes', () => {
    const generated = stochasticBlockModel(500, 11);
    expect(edges).toHaveLength(generated.sources.length);
    expect(edges.slice(0, 3)).toEqual(
      [0, 1, 2].map((e) => [String(generated.sources[e]), String(generated.targets[e])]),
    );
  });

  it('gives NetworkX and igraph betweenness, NetworkX closeness and harmonic closeness to 1e-9', () => {
    const result = computeWaveMetrics(fixtureGraph(), { wave: 'w', mode: 'undirected' });
    expect(result.approximate).toBeUndefined();
    for (const node of result.nodes) {
      const expected = fixture.nodes[node.id]!;
      expect(Math.abs(node.betweenness - expected.betweenness)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(node.betweenness - expected.betweennessIgraph)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(node.closeness - expected.closeness)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(node.harmonicCloseness - expected.harmonic)).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(result.network.diameter).toBe(fixture.diameter);
    expect(Math.abs(result.network.averagePathLength - fixture.averagePathLength)).toBeLessThanOrEqual(
      TOLERANCE,
    );
  });

  it('gives the same values on worker threads', async () => {
    const context = createMetricContext(fixtureGraph());
    const sweep = await parallelShortestPathSweep(context, false, { threads: 2 });
    context.ids.forEach((id, i) => {
      expect(Math.abs(sweep.betweenness[i]! - fixture.nodes[id]!.betweenness)).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(sweep.closeness[i]! - fixture.nodes[id]!.closeness)).toBeLessThanOrEqual(TOLERANCE);
    });
  });

  it('estimates betweenness within ε·n/(n−2) of the exact values, with the Riondato–Kornaropoulos sample size', () => {
    const context = createMetricContext(fixtureGraph());
    const estimate = approximateBetweenness(context, { epsilon: 0.1, delta: 0.1, seed: 42 })!;
    const { info, values } = estimate;
    // Vertex diameter = diameter + 1 nodes; the bound 2·ecc + 1 must cover it.
    expect(info.vertexDiameterBound).toBeGreaterThanOrEqual(fixture.diameter + 1);
    expect(info.samples).toBe(riondatoKornaropoulosSamples(info.vertexDiameterBound, 0.1, 0.1));
    expect(info.errorBound).toBeCloseTo((0.1 * 500) / 498, 12);
    let sum = 0;
    context.ids.forEach((id, i) => {
      expect(Math.abs(values[i]! - fixture.nodes[id]!.betweenness)).toBeLessThanOrEqual(info.errorBound);
      sum += values[i]!;
    });
    // Each sample adds (d(u, v) − 1)/r: the estimates sum to about (average path length − 1)·n/(n−2).
    const expectedSum = ((fixture.averagePathLength - 1) * 500) / 498;
    expect(Math.abs(sum - expectedSum)).toBeLessThan(0.1 * expectedSum);
    // The organizations with the highest exact betweenness are found among the highest estimates.
    const rank = (scores: (id: string, i: number) => number) =>
      context.ids.map((id, i) => [id, scores(id, i)] as const).sort((a, b) => b[1] - a[1]);
    const topExact = rank((id) => fixture.nodes[id]!.betweenness)
      .slice(0, 5)
      .map(([id]) => id);
    const topEstimated = new Set(
      rank((_id, i) => values[i]!)
        .slice(0, 50)
        .map(([id]) => id),
    );
    expect(topExact.filter((id) => topEstimated.has(id)).length).toBeGreaterThanOrEqual(4);
    // Seeded: the same seed repeats, another seed draws other paths.
    expect(approximateBetweenness(context, { epsilon: 0.1, seed: 42 })!.values).toEqual(values);
    expect(approximateBetweenness(context, { epsilon: 0.1, seed: 7 })!.values).not.toEqual(values);
  });

  it('falls back to the exact sweep when sampling would take more searches than there are nodes', () => {
    const context = createMetricContext(fixtureGraph());
    expect(approximateBetweenness(context, { epsilon: 0.01 })).toBeUndefined();
    const result = computeWaveMetrics(context, {
      wave: 'w',
      mode: 'undirected',
      betweenness: 'approximate',
      epsilon: 0.01,
    });
    expect(result.approximate).toBeUndefined();
    expect(result.nodes[0]!.betweenness).toBeCloseTo(fixture.nodes[result.nodes[0]!.id]!.betweenness, 12);
  });

  it('labels the sampled values in the wave metrics', () => {
    const result = computeWaveMetrics(fixtureGraph(), {
      wave: 'w',
      mode: 'undirected',
      betweenness: 'approximate',
      epsilon: 0.1,
    });
    expect(result.approximate).toMatchObject({
      measures: ['betweenness'],
      epsilon: 0.1,
      delta: 0.1,
      seed: 42,
    });
    // Closeness stays exact.
    for (const node of result.nodes)
      expect(Math.abs(node.closeness - fixture.nodes[node.id]!.closeness)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('refuses ε or δ outside (0, 1)', () => {
    const context = createMetricContext(fixtureGraph());
    expect(() => approximateBetweenness(context, { epsilon: 0 })).toThrow(/epsilon must be between 0 and 1/);
    expect(() => approximateBetweenness(context, { delta: 1 })).toThrow(/delta must be between 0 and 1/);
  });
});
