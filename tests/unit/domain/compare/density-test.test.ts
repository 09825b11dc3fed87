import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDensityChange } from '../../../../server/domain/compare/density-test.js';
import { quantileSorted } from '../../../../server/domain/compare/statistics.js';
import { buildWaveGraph, type WaveGraph } from '../../../../server/domain/graph/build-wave-graph.js';
import { createRandom } from '../../../../server/domain/random.js';
import type { AnalysisMode } from '../../../../server/domain/types.js';
import { ValidationError } from '../../../../server/errors.js';
import { readFixture, toDataset, waveGraph } from './helpers.js';

// Densities: networkx.density (tests/fixtures/reference/scripts/compare_reference.py).
const reference = readFixture<{
  dataset: Parameters<typeof toDataset>[0];
  comparisons: { from: string; to: string; mode: AnalysisMode; density: { from: number; to: number } }[];
}>('compare/waves.json');
const dataset = toDataset(reference.dataset);

/**
 * The bootstrap written the slow, obvious way: materialize each resampled network cell by cell. It draws
 * organizations in the same order as the implementation (ids ascending), so both see the same samples.
 */
function bruteForceDifferences(from: WaveGraph, to: WaveGraph, samples: number, seed: number): number[] {
  const ids = from.nodes().sort();
  const n = ids.length;
  const random = createRandom(seed);
  const tied = (graph: WaveGraph, a: string, b: string) =>
    graph.type === 'directed' ? graph.hasDirectedEdge(a, b) : graph.hasEdge(a, b);
  const differences: number[] = [];
  for (let s = 0; s < samples; s++) {
    const drawn = Array.from({ length: n }, () => ids[random.below(n)]!);
    let cells = 0;
    let before = 0;
    let after = 0;
    for (let k = 0; k < n; k++) {
      for (let l = 0; l < n; l++) {
        if (k === l || drawn[k] === drawn[l]) continue;
        cells++;
        if (tied(from, drawn[k]!, drawn[l]!)) before++;
        if (tied(to, drawn[k]!, drawn[l]!)) after++;
      }
    }
    differences.push((after - before) / cells);
  }
  return differences;
}

describe('testDensityChange', () => {
  it('gives the exact density difference on a hand-checkable pair of waves', () => {
    const nodes = ['a', 'b', 'c', 'd'];
    // 1 of 6 pairs tied, then 3 of 6.
    const result = testDensityChange(
      waveGraph(nodes, [['a', 'b']]),
      waveGraph(nodes, [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
      ]),
      { samples: 200 },
    );
    expect(result.difference).toBeCloseTo(2 / 6, 15);
    expect(result.samples).toBe(200);
  });

  it.each(reference.comparisons.map((c) => [c.mode, c.from, c.to, c] as const))(
    'matches the NetworkX density difference (%s, %s → %s)',
    (mode, from, to, expected) => {
      const result = testDensityChange(
        buildWaveGraph(dataset, from, mode),
        buildWaveGraph(dataset, to, mode),
        {
          samples: 50,
        },
      );
      expect(result.difference).toBeCloseTo(expected.density.to - expected.density.from, 14);
    },
  );

  it.each(['undirected', 'directed'] as const)(
    'equals the cell-by-cell bootstrap on the same draws (%s)',
    (mode) => {
      const from = buildWaveGraph(dataset, 'pre', mode);
      const to = buildWaveGraph(dataset, 'post', mode);
      const result = testDensityChange(from, to, { samples: 300, seed: 5 });
      const brute = bruteForceDifferences(from, to, 300, 5);
      const mean = brute.reduce((a, b) => a + b, 0) / brute.length;
      const se = Math.sqrt(brute.reduce((a, b) => a + (b - mean) ** 2, 0) / (brute.length - 1));
      const sorted = [...brute].sort((a, b) => a - b);
      expect(result.standardError).toBeCloseTo(se, 14);
      expect(result.ci95![0]).toBeCloseTo(quantileSorted(sorted, 0.025), 14);
      expect(result.ci95![1]).toBeCloseTo(quantileSorted(sorted, 0.975), 14);
    },
  );

  it('puts the observed difference inside its interval and finds the pre → post growth significant', () => {
    const result = testDensityChange(buildWaveGraph(dataset, 'pre'), buildWaveGraph(dataset, 'post'));
    const [low, high] = result.ci95!;
    expect(low).toBeLessThanOrEqual(result.difference!);
    expect(high).toBeGreaterThanOrEqual(result.difference!);
    expect(low).toBeGreaterThan(0);
    expect(result.standardError).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(0.05);
    expect(result.pValue).toBeGreaterThan(0);
    expect(result).toMatchObject({ samples: 5000, seed: 42 });
  });

  it('finds no change between a wave and itself', () => {
    const graph = buildWaveGraph(dataset, 'pre');
    expect(testDensityChange(graph, graph, { samples: 100 })).toEqual({
      difference: 0,
      ci95: [0, 0],
      pValue: 1,
      standardError: 0,
      samples: 100,
      seed: 42,
    });
  });

  it('repeats exactly for a seed', () => {
    const from = buildWaveGraph(dataset, 'pre', 'directed');
    const to = buildWaveGraph(dataset, 'other', 'directed');
    expect(testDensityChange(from, to, { seed: 3, samples: 500 })).toEqual(
      testDensityChange(from, to, { seed: 3, samples: 500 }),
    );
  });

  it('has no density with fewer than two organizations', () => {
    const one = waveGraph(['a'], []);
    expect(testDensityChange(one, one)).toMatchObject({ difference: null, ci95: null, pValue: null });
  });

  it('rejects a sample count out of range, naming it', () => {
    const graph = waveGraph(['a', 'b'], []);
    expect(() => testDensityChange(graph, graph, { samples: 0 })).toThrow(ValidationError);
    expect(() => testDensityChange(graph, graph, { samples: 2.5 })).toThrow(/samples/);
  });

  it('keeps the difference inside [−1, 1] and p in [0, 1] on random waves', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'];
    const pairs = nodes.flatMap((s, i) => nodes.slice(i + 1).map((t) => [s, t] as [string, string]));
    const wave = fc.subarray(pairs).map((ties) => waveGraph(nodes, ties));
    fc.assert(
      fc.property(wave, wave, fc.integer(), (from, to, seed) => {
        const result = testDensityChange(from, to, { samples: 50, seed });
        expect(Math.abs(result.difference!)).toBeLessThanOrEqual(1);
        if (result.pValue !== null) {
          expect(result.pValue).toBeGreaterThanOrEqual(0);
          expect(result.pValue).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});
