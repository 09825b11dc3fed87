/**
 * The worker-thread sweep (parallel/sweep-pool.ts) against the single-thread one (shortest-paths.ts)
 * on generated graphs large enough to be cut into several chunks: the results must be identical
 * (same chunks, same order of addition), in every mode, with and without weights.
 */
import { describe, expect, it } from 'vitest';
import { barabasiAlbert, stochasticBlockModel, toGraph } from '../../../../bench/graphs/generate.js';
import {
  computeWaveMetrics,
  computeWaveMetricsAsync,
  createMetricContext,
  parallelShortestPathSweep,
} from '../../../../server/domain/metrics/index.js';
import { shortestPathSweep, sweepChunks } from '../../../../server/domain/metrics/shortest-paths.js';

const KEYS = ['betweenness', 'closeness', 'harmonic', 'eccentricity', 'outgoingDistanceSum'] as const;

describe('parallel shortest-path sweep', { timeout: 120_000 }, () => {
  it('cuts the sources into chunks that depend on n only', () => {
    expect(sweepChunks(172)).toEqual([[0, 172]]);
    expect(sweepChunks(2000)).toEqual([
      [0, 500],
      [500, 1000],
      [1000, 1500],
      [1500, 2000],
    ]);
    expect(sweepChunks(1_000_000)).toHaveLength(64);
  });

  for (const [name, directed, weighted] of [
    ['undirected', false, false],
    ['undirected weighted', false, true],
    ['directed', true, false],
    ['directed weighted', true, true],
  ] as const) {
    it(`gives the single-thread results on a 1 600-node SBM, ${name}`, async () => {
      const graph = toGraph(stochasticBlockModel(1600, 7), { directed, levels: weighted });
      const single = shortestPathSweep(createMetricContext(graph), weighted);
      const parallel = await parallelShortestPathSweep(createMetricContext(graph), weighted, { threads: 2 });
      for (const key of KEYS) {
        expect(parallel[key]).toEqual(single[key]);
        for (let v = 0; v < single[key].length; v++)
          expect(Math.abs(parallel[key][v]! - single[key][v]!)).toBeLessThanOrEqual(1e-12);
      }
      expect(single.betweenness.some((value) => value > 0)).toBe(true);
    });
  }

  it('gives the whole metric suite unchanged through computeWaveMetricsAsync, with progress', async () => {
    const graph = toGraph(barabasiAlbert(1600, 3));
    const progress: number[] = [];
    const options = { wave: 'w', mode: 'undirected' as const };
    const parallel = await computeWaveMetricsAsync(graph, options, {
      threads: 2,
      onProgress: ({ done, total }) => progress.push(done / total),
    });
    expect(parallel).toEqual(computeWaveMetrics(graph, options));
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('stops and rejects with an AbortError when cancelled', async () => {
    const graph = toGraph(stochasticBlockModel(3000, 2));
    const controller = new AbortController();
    const running = computeWaveMetricsAsync(
      graph,
      { wave: 'w', mode: 'undirected' },
      { threads: 2, signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const already = new AbortController();
    already.abort();
    await expect(
      computeWaveMetricsAsync(graph, { wave: 'w', mode: 'undirected' }, { signal: already.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
