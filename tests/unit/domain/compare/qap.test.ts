import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeQap, qapOnIndex } from '../../../../server/domain/compare/qap.js';
import { buildWaveGraph, type WaveGraph } from '../../../../server/domain/graph/build-wave-graph.js';
import { ValidationError } from '../../../../server/errors.js';
import { perturb, stochasticBlockModel, toGraph } from '../../../../bench/graphs/generate.js';
import { createRandom, fillIdentity } from '../../../../server/domain/random.js';
import type { AnalysisMode } from '../../../../server/domain/types.js';
import { readFixture, toDataset, waveGraph } from './helpers.js';

// Pearson r: numpy.corrcoef over NetworkX adjacency matrices (tests/fixtures/reference/scripts/compare_reference.py).
const reference = readFixture<{
  dataset: Parameters<typeof toDataset>[0];
  comparisons: {
    from: string;
    to: string;
    mode: AnalysisMode;
    pearson: number | null;
    pearsonWeighted: number | null;
  }[];
}>('compare/waves.json');
// QAP p-values: R sna qaptest with 20 000 permutations (tests/fixtures/reference/scripts/qap_sna.R).
const sna = readFixture<{
  comparisons: {
    from: string;
    to: string;
    mode: AnalysisMode;
    gcor: number;
    qapReps: number;
    qapPgreq: number;
  }[];
}>('compare/qap-sna.json');
const dataset = toDataset(reference.dataset);
// The bench's seeded graphs carry the attributes QAP reads (level); the wave-graph type asks for more.
const generated = (...args: Parameters<typeof toGraph>): WaveGraph =>
  toGraph(...args) as unknown as WaveGraph;

describe('computeQap', () => {
  it('gives the hand-computed correlation and permutation law on four organizations', () => {
    // Cells ab ac ad bc bd cd: x = 1 0 0 1 0 0, y = 1 0 0 0 0 1; cov = 1 − 2·2/6, var = 2 − 4/6 each: r = 1/4.
    // A permutation maps y onto one of the 3 perfect matchings of K4, each equally likely; 2 of them share a
    // pair with the path a–b–c, so P(r_perm ≥ r) = 2/3.
    const nodes = ['a', 'b', 'c', 'd'];
    const result = computeQap(
      waveGraph(nodes, [
        ['a', 'b'],
        ['b', 'c'],
      ]),
      waveGraph(nodes, [
        ['a', 'b'],
        ['c', 'd'],
      ]),
      { permutations: 20_000, seed: 7 },
    );
    expect(result.correlation).toBeCloseTo(0.25, 12);
    expect(result.pValue).toBeCloseTo(2 / 3, 1);
    expect(Math.abs(result.pValue! - 2 / 3)).toBeLessThan(4 * Math.sqrt(2 / 9 / 20_000));
  });

  it('correlates a network with itself at r = 1 and the smallest p-value', () => {
    const graph = buildWaveGraph(dataset, 'pre');
    const result = computeQap(graph, graph, { permutations: 1000 });
    expect(result.correlation).toBe(1);
    // Only automorphisms reach r = 1; a random relabelling of a 40-organization wave practically never is one.
    expect(result.pValue).toBe(1 / 1001);
    expect(result).toMatchObject({ permutations: 1000, seed: 42 });
  });

  it.each(reference.comparisons.map((c) => [c.mode, c.from, c.to, c] as const))(
    'matches numpy Pearson r (%s, %s → %s), binary and weighted',
    (mode, from, to, expected) => {
      const a = buildWaveGraph(dataset, from, mode);
      const b = buildWaveGraph(dataset, to, mode);
      expect(computeQap(a, b, { permutations: 1 }).correlation).toBeCloseTo(expected.pearson!, 12);
      expect(computeQap(a, b, { permutations: 1, weighted: true }).correlation).toBeCloseTo(
        expected.pearsonWeighted!,
        12,
      );
    },
  );

  it.each(sna.comparisons.map((c) => [c.mode, c.from, c.to, c] as const))(
    'agrees with sna qaptest within Monte Carlo error (%s, %s → %s)',
    (mode, from, to, expected) => {
      const result = computeQap(buildWaveGraph(dataset, from, mode), buildWaveGraph(dataset, to, mode), {
        permutations: 5000,
      });
      expect(result.correlation).toBeCloseTo(expected.gcor, 12);
      const p = expected.qapPgreq;
      // Both estimates are binomial proportions: allow 4 standard errors of their difference, and the 1/(1+N)
      // floor of ours.
      const se = Math.sqrt(p * (1 - p) * (1 / 5000 + 1 / expected.qapReps));
      expect(Math.abs(result.pValue! - p)).toBeLessThanOrEqual(4 * se + 1 / 5001);
    },
  );

  it('repeats exactly for a seed and changes with it', () => {
    const a = buildWaveGraph(dataset, 'pre');
    const b = buildWaveGraph(dataset, 'other');
    const first = computeQap(a, b, { permutations: 2000, seed: 11 });
    expect(computeQap(a, b, { permutations: 2000, seed: 11 })).toEqual(first);
    expect(computeQap(a, b, { permutations: 2000, seed: 12 }).pValue).not.toBe(first.pValue);
  });

  it('gives the same result on the sparse path as on the dense one', () => {
    const a = buildWaveGraph(dataset, 'pre', 'directed');
    const b = buildWaveGraph(dataset, 'other', 'directed');
    expect(qapOnIndex(a, b, 500, 3, true, 0)).toEqual(qapOnIndex(a, b, 500, 3, true, 10_000));
  });

  it('gives bit for bit the same result row by row as in tie order, on integer levels', () => {
    // Against an SBM on shuffled labels (a p-value in the middle, so the comparison of every
    // permutation's sum counts) and against its own perturbed copy (a high correlation).
    const list = stochasticBlockModel(300, 5);
    const label = createRandom(1).shuffle(fillIdentity(new Int32Array(300)));
    const other = stochasticBlockModel(300, 6);
    const shuffled = {
      ...other,
      sources: other.sources.map((v) => label[v]!),
      targets: other.targets.map((v) => label[v]!),
    };
    for (const directed of [false, true]) {
      const a = generated(list, { directed, levels: true });
      for (const b of [
        generated(shuffled, { directed, levels: true }),
        generated(perturb(list), { directed, levels: true }),
      ]) {
        for (const weighted of [false, true]) {
          const rowByRow = qapOnIndex(a, b, 300, 9, weighted, 10_000, 0);
          expect(rowByRow).toEqual(qapOnIndex(a, b, 300, 9, weighted, 10_000, Infinity));
          expect(rowByRow).toEqual(qapOnIndex(a, b, 300, 9, weighted, 0, Infinity));
        }
      }
      const independent = qapOnIndex(a, generated(shuffled, { directed }), 300, 9, false, 0, 0);
      expect(independent.pValue).toBeGreaterThan(0.05);
    }
    for (const mode of ['undirected', 'directed', 'reciprocated'] as const) {
      const a = buildWaveGraph(dataset, 'pre', mode);
      const b = buildWaveGraph(dataset, 'other', mode);
      expect(qapOnIndex(a, b, 500, 3, true, 10_000, 0)).toEqual(
        qapOnIndex(a, b, 500, 3, true, 10_000, Infinity),
      );
    }
  });

  it('keeps the tie order for fractional levels, dense and sparse alike', () => {
    const list = stochasticBlockModel(200, 6);
    const a = generated(list, { levels: true });
    const b = generated(perturb(list), { levels: true });
    b.forEachEdge((edge, { level }) => b.setEdgeAttribute(edge, 'level', level + 0.1));
    const dense = qapOnIndex(a, b, 300, 4, true, 10_000, 0);
    expect(dense).toEqual(qapOnIndex(a, b, 300, 4, true, 0, 0));
    expect(dense).toEqual(qapOnIndex(a, b, 300, 4, true, 10_000, Infinity));
  });

  it('has no correlation when a wave has no variance, and says why', () => {
    const nodes = ['a', 'b', 'c'];
    const empty = waveGraph(nodes, []);
    const some = waveGraph(nodes, [['a', 'b']]);
    const complete = waveGraph(nodes, [
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'c'],
    ]);
    for (const [from, to] of [
      [empty, some],
      [some, complete],
      [empty, empty],
    ] as const) {
      const result = computeQap(from, to);
      expect(result.correlation).toBeNull();
      expect(result.pValue).toBeNull();
      expect(result.reason).toMatch(/no variance/);
    }
    expect(computeQap(waveGraph(['a'], []), waveGraph(['a'], [])).reason).toMatch(/fewer than 2/);
  });

  it.each([0, -1, 1.5, 100_001, Number.NaN])(
    'rejects permutations = %s, naming the parameter',
    (permutations) => {
      const graph = waveGraph(['a', 'b'], [['a', 'b']]);
      const call = () => computeQap(graph, graph, { permutations });
      expect(call).toThrow(ValidationError);
      expect(call).toThrow(/permutations/);
      try {
        call();
      } catch (error) {
        expect((error as ValidationError).issues[0]?.column).toBe('permutations');
      }
    },
  );

  it('accepts the bounds 1 and 100 000', () => {
    const graph = waveGraph(['a', 'b', 'c'], [['a', 'b']]);
    expect(computeQap(graph, graph, { permutations: 1 }).pValue).toBeGreaterThan(0);
    expect(computeQap(graph, graph, { permutations: 100_000 }).permutations).toBe(100_000);
  });

  it('always returns a p-value in (0, 1] and r in [−1, 1]', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'];
    const pairs = nodes.flatMap((s, i) => nodes.slice(i + 1).map((t) => [s, t] as [string, string]));
    const wave = fc.subarray(pairs).map((ties) => waveGraph(nodes, ties));
    fc.assert(
      fc.property(
        wave,
        wave,
        fc.integer({ min: 1, max: 200 }),
        fc.integer(),
        (from, to, permutations, seed) => {
          const { correlation, pValue } = computeQap(from, to, { permutations, seed });
          if (correlation === null) return;
          expect(correlation).toBeGreaterThanOrEqual(-1);
          expect(correlation).toBeLessThanOrEqual(1);
          expect(pValue).toBeGreaterThan(0);
          expect(pValue).toBeLessThanOrEqual(1);
          expect(pValue).toBeGreaterThanOrEqual(1 / (1 + permutations));
        },
      ),
      { numRuns: 200 },
    );
  });
});
