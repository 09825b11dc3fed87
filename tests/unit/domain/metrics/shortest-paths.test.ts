import { describe, expect, it } from 'vitest';
import { createMetricContext } from '../../../../server/domain/metrics/context.js';
import { lengthScale, shortestPathSweep } from '../../../../server/domain/metrics/shortest-paths.js';
import { fixtureGraph, loadFixture } from './reference.js';
import { graphOf, PATH_4 } from './tiny.js';

describe('lengthScale', () => {
  it('is the least common multiple of integer levels', () => {
    expect(lengthScale(Float64Array.from([1, 2, 3, 4]))).toBe(12);
    expect(lengthScale(Float64Array.from([4, 4, 2]))).toBe(4);
    expect(lengthScale(Float64Array.from([]))).toBe(1);
    // Zachary's interaction counts 1–7.
    expect(lengthScale(Float64Array.from([1, 2, 3, 4, 5, 6, 7]))).toBe(420);
  });

  it('is 0 (use 1/level as is) for fractional levels or a scale too large to keep sums exact', () => {
    expect(lengthScale(Float64Array.from([1.5]))).toBe(0);
    expect(lengthScale(Float64Array.from([1009, 1013, 1019]))).toBe(0);
  });
});

describe('shortestPathSweep', () => {
  it('runs once per context and weighting', () => {
    const context = createMetricContext(graphOf(PATH_4));
    expect(shortestPathSweep(context, false)).toBe(shortestPathSweep(context, false));
    expect(shortestPathSweep(context, true)).not.toBe(shortestPathSweep(context, false));
  });

  it('gives per-source eccentricity and distance sums', () => {
    // From a: 1, 2, 3 (sum 6, eccentricity 3); from b: 1, 1, 2.
    const sweep = shortestPathSweep(createMetricContext(graphOf(PATH_4)), false);
    expect([...sweep.eccentricity]).toEqual([3, 2, 2, 3]);
    expect([...sweep.outgoingDistanceSum]).toEqual([6, 4, 4, 6]);
  });

  it('reports weighted distances in units of 1/level', () => {
    // a –4– b –2– c: d(a, c) = 1/4 + 1/2 = 3/4 whatever the internal scale (here 4).
    const sweep = shortestPathSweep(
      createMetricContext(
        graphOf([
          ['a', 'b', 4],
          ['b', 'c', 2],
        ]),
      ),
      true,
    );
    expect(sweep.eccentricity[0]).toBe(0.75);
  });

  it('gives the same answer on its heap (any lengths) and bucket-queue (integer lengths) paths', () => {
    // Levels 1, 2, 3, 4 become 0.5, 1, 2, 4 (fractional: heap) or 1, 2, 4, 8 (integer: buckets). Both
    // give lengths that are binary fractions, exact in floating point, and the second halves every
    // length: betweenness is unchanged, distances halve, so closeness doubles.
    const graph = fixtureGraph(loadFixture('survey-172-directed'));
    const fractional = graph.copy();
    const integral = graph.copy();
    const map: Record<number, number> = { 1: 0.5, 2: 1, 3: 2, 4: 4 };
    fractional.updateEachEdgeAttributes((_edge, attributes) => ({
      level: map[attributes['level'] as number]!,
    }));
    integral.updateEachEdgeAttributes((_edge, attributes) => ({
      level: 2 * map[attributes['level'] as number]!,
    }));
    const heap = shortestPathSweep(createMetricContext(fractional), true);
    const buckets = shortestPathSweep(createMetricContext(integral), true);
    // Equal up to summation order (nodes at equal distance settle in a different order).
    const gap = (a: Float64Array, b: Float64Array, factor: number): number =>
      Math.max(...a.map((value, i) => Math.abs(value * factor - b[i]!)));
    expect(gap(buckets.betweenness, heap.betweenness, 1)).toBeLessThan(1e-12);
    expect(gap(buckets.closeness, heap.closeness, 0.5)).toBeLessThan(1e-12);
    expect(heap.betweenness.some((value) => value > 0)).toBe(true);
  });
});
