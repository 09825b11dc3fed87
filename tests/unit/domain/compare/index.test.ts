import { describe, expect, it, vi } from 'vitest';
import { compareWaves, type WaveMetricsFunction } from '../../../../server/domain/compare/index.js';
import { computeWaveMetrics } from '../../../../server/domain/metrics/index.js';
import type { AnalysisMode } from '../../../../server/domain/types.js';
import { NotFoundError, ValidationError } from '../../../../server/errors.js';
import { readFixture, toDataset } from './helpers.js';

// Expected values: tests/fixtures/reference/scripts/compare_reference.py (NetworkX / NumPy).
const reference = readFixture<{
  dataset: Parameters<typeof toDataset>[0];
  comparisons: {
    from: string;
    to: string;
    mode: AnalysisMode;
    pearson: number | null;
    ties: Record<string, number | null>;
    density: { from: number; to: number };
    crossSectorTies: { from: number; to: number };
    isolates: { integrated: string[]; becameIsolated: string[] };
  }[];
}>('compare/waves.json');
const dataset = toDataset(reference.dataset);

describe('compareWaves', () => {
  it('assembles the contract keys of compare --format json', () => {
    const result = compareWaves(dataset, { from: 'pre', to: 'post', permutations: 200 }, computeWaveMetrics);
    expect(Object.keys(result)).toEqual([
      'from',
      'to',
      'mode',
      'network',
      'ties',
      'tieLists',
      'qap',
      'densityTest',
      'eiIndex',
      'crossSectorTies',
      'meetingEffect',
      'isolates',
      'nodes',
    ]);
    expect(result).toMatchObject({ from: 'pre', to: 'post', mode: 'undirected' });
    expect(Object.keys(result.ties)).toEqual(
      expect.arrayContaining(['added', 'removed', 'stable', 'jaccard', 'strengthened', 'weakened']),
    );
    expect(result.qap).toMatchObject({ permutations: 200, seed: 42 });
    expect(result.qap).toHaveProperty('correlation');
    expect(result.qap).toHaveProperty('pValue');
    expect(result.densityTest).toMatchObject({ samples: 200 });
    expect(Object.keys(result.densityTest)).toEqual(expect.arrayContaining(['difference', 'ci95', 'pValue']));
    expect(result.network.density).toEqual({
      from: expect.any(Number),
      to: expect.any(Number),
      change: expect.any(Number),
    });
    const expected = reference.comparisons.find((c) => c.mode === 'undirected' && c.to === 'post')!;
    expect(result.network.density!.change).toBeCloseTo(expected.density.to - expected.density.from, 14);
    expect(result.nodes[0]).toMatchObject({ id: 'org-01', degree: { fromRank: expect.any(Number) } });
    expect(result.meetingEffect.filter((r) => r.scope === 'all')).toHaveLength(8);
    expect(result.meetingEffect.filter((r) => r.scope === 'crossSector')).toHaveLength(8);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it.each(reference.comparisons.map((c) => [c.mode, c.from, c.to, c] as const))(
    'matches the reference (%s, %s → %s)',
    (mode, from, to, expected) => {
      const result = compareWaves(dataset, { from, to, mode, permutations: 100 });
      expect(result.ties).toEqual(expected.ties);
      expect(result.qap.correlation).toBeCloseTo(expected.pearson!, 12);
      expect(result.densityTest.difference).toBeCloseTo(expected.density.to - expected.density.from, 14);
      expect(result.crossSectorTies).toEqual({
        ...expected.crossSectorTies,
        change: expected.crossSectorTies.to - expected.crossSectorTies.from,
      });
      expect(result.isolates).toEqual(expected.isolates);
    },
  );

  it('finds nothing changed between a wave and itself', () => {
    const result = compareWaves(dataset, { from: 'pre', to: 'pre', permutations: 500 }, computeWaveMetrics);
    expect(result.ties).toMatchObject({ added: 0, removed: 0, strengthened: 0, weakened: 0, jaccard: 1 });
    expect(result.qap.correlation).toBe(1);
    expect(result.qap.pValue).toBe(1 / 501);
    expect(result.densityTest).toMatchObject({ difference: 0, pValue: 1 });
    expect(result.eiIndex.change).toBe(0);
    expect(Object.values(result.network).every((m) => m.change === 0)).toBe(true);
    expect(
      result.nodes.every((n) => n.degree && typeof n.degree !== 'string' && n.degree.rankChange === 0),
    ).toBe(true);
    expect(result.isolates).toEqual({ integrated: [], becameIsolated: [] });
  });

  it('reports the E-I change per group', () => {
    const result = compareWaves(dataset, { from: 'pre', to: 'post', permutations: 10 });
    expect(Object.keys(result.eiIndex.groups)).toEqual(['institution', 'ngo']);
    const { from, to, change } = result.eiIndex;
    expect(change).toBeCloseTo(to! - from!, 15);
  });

  it('hands the same options to the metrics of both waves', () => {
    const metrics = vi.fn<WaveMetricsFunction>(() => ({ network: { density: 0.5 }, nodes: [] }));
    const result = compareWaves(
      dataset,
      {
        from: 'pre',
        to: 'post',
        mode: 'directed',
        weighted: true,
        seed: 9,
        groupBy: 'kind',
        permutations: 10,
      },
      metrics,
    );
    expect(metrics).toHaveBeenCalledTimes(2);
    const options = { mode: 'directed', weighted: true, groupBy: 'kind', seed: 9 };
    expect(metrics.mock.calls[0]![1]).toEqual({ wave: 'pre', ...options });
    expect(metrics.mock.calls[1]![1]).toEqual({ wave: 'post', ...options });
    expect(metrics.mock.calls[0]![0].type).toBe('directed');
    expect(result.network).toEqual({ density: { from: 0.5, to: 0.5, change: 0 } });
  });

  it('leaves network and nodes empty without a metrics function', () => {
    const result = compareWaves(dataset, { from: 'pre', to: 'post', permutations: 10 });
    expect(result.network).toEqual({});
    expect(result.nodes).toEqual([]);
  });

  it('repeats exactly for a seed', () => {
    const options = { from: 'pre', to: 'other', permutations: 300, seed: 5 };
    expect(compareWaves(dataset, options)).toEqual(compareWaves(dataset, options));
  });

  it('gives the same seeded result whatever order the organizations and ties come in', () => {
    const shuffled = {
      ...dataset,
      organizations: [...dataset.organizations].reverse(),
      ties: [...dataset.ties].reverse(),
    };
    const options = { from: 'pre', to: 'post', permutations: 300, seed: 8 };
    const a = compareWaves(dataset, options);
    const b = compareWaves(shuffled, options);
    expect(b.qap).toEqual(a.qap);
    expect(b.densityTest).toEqual(a.densityTest);
    expect(b).toEqual(a);
  });

  it('rejects an unknown wave', () => {
    expect(() => compareWaves(dataset, { from: 'pre', to: 'later' })).toThrow(NotFoundError);
    expect(() => compareWaves(dataset, { from: 'before', to: 'pre' })).toThrow(/before/);
  });

  it.each([0, 100_001, 2.5, -3])('rejects permutations = %s, naming the parameter', (permutations) => {
    try {
      compareWaves(dataset, { from: 'pre', to: 'post', permutations });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.column)).toEqual(['permutations']);
    }
  });

  it('rejects a seed that is not an integer, an unknown mode and an unknown groupBy attribute', () => {
    expect(() => compareWaves(dataset, { from: 'pre', to: 'post', seed: 0.5 })).toThrow(ValidationError);
    const mode = 'sideways' as AnalysisMode;
    expect(() => compareWaves(dataset, { from: 'pre', to: 'post', mode })).toThrow(/mode/);
    expect(() => compareWaves(dataset, { from: 'pre', to: 'post', groupBy: 'sector' })).toThrow(/groupBy/);
  });
});
