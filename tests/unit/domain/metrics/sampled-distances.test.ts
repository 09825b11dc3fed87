/**
 * The approximate mode on generated graphs of a few thousand nodes: every estimate within the bound
 * the result states, against the exact engine (itself checked against NetworkX in
 * engine-reference.test.ts); seeded; `exact` still exact; and a too small sample misses a tighter
 * bound, so the checks can fail. The bidirectional path sampler draws paths uniformly (a grid whose
 * path counts are binomial coefficients).
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { barabasiAlbert, stochasticBlockModel, toGraph } from '../../../../bench/graphs/generate.js';
import { createBidirectionalSampler } from '../../../../server/domain/metrics/bidirectional-path-sample.js';
import { confidenceHalfWidth } from '../../../../server/domain/metrics/confidence.js';
import {
  computeWaveMetrics,
  createMetricContext,
  sampledDistances,
  type WaveMetricsOptions,
} from '../../../../server/domain/metrics/index.js';
import { createRandom } from '../../../../server/domain/random.js';

type Result = ReturnType<typeof computeWaveMetrics>;

const APPROXIMATE = { betweenness: 'approximate', epsilon: 0.05, distanceEpsilon: 0.1 } as const;

function largestError(
  exact: Result,
  estimate: Result,
  key: 'betweenness' | 'closeness' | 'harmonicCloseness',
) {
  let largest = 0;
  exact.nodes.forEach((node, i) => {
    expect(estimate.nodes[i]!.id).toBe(node.id);
    largest = Math.max(largest, Math.abs(node[key] - estimate.nodes[i]![key]));
  });
  return largest;
}

function expectWithinBounds(exact: Result, estimate: Result): void {
  const info = estimate.approximate!;
  const estimates = info.estimates!;
  expect(info.measures).toEqual(expect.arrayContaining(['betweenness', 'closeness', 'harmonicCloseness']));
  expect(largestError(exact, estimate, 'betweenness')).toBeLessThanOrEqual(info.errorBound);
  expect(largestError(exact, estimate, 'closeness')).toBeLessThanOrEqual(estimates['closeness']!.errorBound!);
  expect(largestError(exact, estimate, 'harmonicCloseness')).toBeLessThanOrEqual(
    estimates['harmonicCloseness']!.errorBound!,
  );
  const paths = estimates['averagePathLength'];
  if (paths) {
    expect(exact.network.averagePathLength).toBeGreaterThanOrEqual(paths.lower!);
    expect(exact.network.averagePathLength).toBeLessThanOrEqual(paths.upper!);
  } else {
    expect(estimate.network.averagePathLength).toBeCloseTo(exact.network.averagePathLength, 12);
  }
  const diameter = estimates['diameter'];
  if (diameter) {
    expect(exact.network.diameter).toBeGreaterThanOrEqual(diameter.lower!);
    expect(exact.network.diameter).toBeLessThanOrEqual(diameter.upper!);
    expect(estimate.network.diameter).toBe(diameter.lower);
  } else {
    expect(estimate.network.diameter).toBe(exact.network.diameter);
  }
  // Everything else is computed exactly either way.
  for (const key of ['density', 'transitivity', 'modularity', 'components', 'eiIndex'] as const)
    expect(estimate.network[key]).toBe(exact.network[key]);
}

describe('approximate mode on generated graphs', { timeout: 300_000 }, () => {
  const sbm = toGraph(stochasticBlockModel(3000, 5));
  const options: WaveMetricsOptions = { wave: 'w', mode: 'undirected' };
  const exact = computeWaveMetrics(sbm, { ...options, betweenness: 'exact' });

  it('estimates every distance measure within its stated bound (SBM, 3 000 nodes)', () => {
    const estimate = computeWaveMetrics(sbm, { ...options, ...APPROXIMATE });
    expect(estimate.approximate!.measures).toContain('averagePathLength');
    const closeness = estimate.approximate!.estimates!['closeness']!;
    expect(closeness).toMatchObject({ method: 'eppstein-wang-2004', confidence: 0.9 });
    // k = ⌈ln(2n/δ)/(2ε²)⌉ with n = 3000, δ = 0.1, ε = 0.1.
    expect(closeness.samples).toBe(Math.ceil(Math.log(60_000) / 0.02));
    expectWithinBounds(exact, estimate);
  });

  it('repeats with the same seed and draws other sources with another', () => {
    const once = computeWaveMetrics(sbm, { ...options, ...APPROXIMATE, seed: 9 });
    const again = computeWaveMetrics(sbm, { ...options, ...APPROXIMATE, seed: 9 });
    const other = computeWaveMetrics(sbm, { ...options, ...APPROXIMATE, seed: 10 });
    expect(again).toEqual(once);
    expect(other.nodes.map((node) => node.closeness)).not.toEqual(once.nodes.map((node) => node.closeness));
  });

  it('gives the exact values with betweenness: exact, and no approximate label', () => {
    expect(exact.approximate).toBeUndefined();
    const auto = computeWaveMetrics(sbm, options);
    // Below 20 000 nodes `auto` is exact: the same numbers.
    expect(auto).toEqual(exact);
  });

  it('can fail: a sample of a few sources misses the bound a larger sample states', () => {
    const large = computeWaveMetrics(sbm, { ...options, ...APPROXIMATE });
    const tiny = computeWaveMetrics(sbm, { ...options, ...APPROXIMATE, distanceEpsilon: 0.5 });
    expect(tiny.approximate!.estimates!['closeness']!.samples).toBe(Math.ceil(Math.log(60_000) / 0.5));
    const tighter = large.approximate!.estimates!['harmonicCloseness']!.errorBound!;
    expect(largestError(exact, tiny, 'harmonicCloseness')).toBeGreaterThan(tighter);
    // … yet stays within its own, wider, bound.
    expect(largestError(exact, tiny, 'harmonicCloseness')).toBeLessThanOrEqual(
      tiny.approximate!.estimates!['harmonicCloseness']!.errorBound!,
    );
  });

  it('stays within the bounds in directed mode and with tie levels as weights', () => {
    // The vertex-diameter bound is the component size here: ε 0.05 would need more samples than nodes.
    const LOOSER = { ...APPROXIMATE, epsilon: 0.1 };
    const ba = barabasiAlbert(2500, 3);
    const directed = toGraph(ba, { directed: true });
    const directedOptions: WaveMetricsOptions = { wave: 'w', mode: 'directed' };
    expectWithinBounds(
      computeWaveMetrics(directed, { ...directedOptions, betweenness: 'exact' }),
      computeWaveMetrics(directed, { ...directedOptions, ...LOOSER }),
    );
    const weighted = toGraph(ba, { levels: true });
    const weightedOptions: WaveMetricsOptions = { wave: 'w', mode: 'undirected', weighted: true };
    expectWithinBounds(
      computeWaveMetrics(weighted, { ...weightedOptions, betweenness: 'exact' }),
      computeWaveMetrics(weighted, { ...weightedOptions, ...LOOSER }),
    );
  });

  it('is undefined when the sample would be as large as the graph', () => {
    expect(sampledDistances(createMetricContext(sbm), { epsilon: 0.01 })).toBeUndefined();
  });
});

describe('bidirectional shortest-path sampler', () => {
  it('draws each shortest path of a grid with equal probability', () => {
    // 5 × 5 grid, corner 0 to corner 24: C(8, 4) = 70 shortest paths; the share through (i, j) is
    // C(i + j, i)·C(8 − i − j, 4 − i)/70.
    const graph = new Graph({ type: 'undirected' });
    for (let v = 0; v < 25; v++) graph.addNode(String(v).padStart(2, '0'));
    const id = (i: number, j: number) => String(5 * i + j).padStart(2, '0');
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        if (i < 4) graph.addEdge(id(i, j), id(i + 1, j));
        if (j < 4) graph.addEdge(id(i, j), id(i, j + 1));
      }
    const context = createMetricContext(graph);
    const sampler = createBidirectionalSampler(context.n, context.out, context.in);
    const random = createRandom(1);
    const draws = 20_000;
    const counts = new Float64Array(25);
    for (let k = 0; k < draws; k++) expect(sampler.sample(0, 24, random, (v) => counts[v]!++)).toBe(true);
    const binomial = (a: number, b: number): number =>
      b < 0 || b > a ? 0 : b === 0 ? 1 : (binomial(a - 1, b - 1) * a) / b;
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        if ((i === 0 && j === 0) || (i === 4 && j === 4)) continue;
        const share = (binomial(i + j, i) * binomial(8 - i - j, 4 - i)) / 70;
        // Standard error ≤ 0.0036 at 20 000 draws; 0.015 is beyond four of them.
        expect(Math.abs(counts[5 * i + j]! / draws - share)).toBeLessThan(0.015);
      }
  });

  it('follows arcs and reports unreachable targets', () => {
    const graph = new Graph({ type: 'directed' });
    for (const v of ['a', 'b', 'c']) graph.addNode(v);
    graph.addEdge('a', 'b');
    graph.addEdge('b', 'c');
    const context = createMetricContext(graph);
    const sampler = createBidirectionalSampler(context.n, context.out, context.in);
    const seen: number[] = [];
    expect(sampler.sample(0, 2, createRandom(1), (v) => seen.push(v))).toBe(true);
    expect(seen).toEqual([1]);
    expect(sampler.sample(2, 0, createRandom(1), () => undefined)).toBe(false);
  });
});

describe('confidence half-width', () => {
  it('is Hoeffding for spread-out draws and the empirical Bernstein bound for concentrated ones', () => {
    // Draws 0 and 1 half each (variance 0.25): Hoeffding √(ln(4/p)/(2k)) is the smaller.
    expect(confidenceHalfWidth(1, 500, 500, 1000, 0.1)).toBeCloseTo(Math.sqrt(Math.log(40) / 2000), 12);
    // Every draw equal: only the range term 7R·ln(8/p)/(3(k − 1)) is left.
    expect(confidenceHalfWidth(10, 5000, 25_000, 1000, 0.1)).toBeCloseTo((70 * Math.log(80)) / (3 * 999), 12);
  });
});
