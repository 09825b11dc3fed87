import { describe, expect, it } from 'vitest';
import { computeAverageClustering } from '../../../../server/domain/metrics/average-clustering.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, TRIANGLE_PENDANT } from './tiny.js';

describe('computeAverageClustering', () => {
  it('averages local clustering over every node, isolates as 0', () => {
    // (1 + 1 + 1/3 + 0)/4 = 7/12; an isolate e adds a 0: 7/15.
    expect(computeAverageClustering(graphOf(TRIANGLE_PENDANT))).toBeCloseTo(7 / 12, 12);
    expect(computeAverageClustering(graphOf(TRIANGLE_PENDANT, { nodes: ['e'] }))).toBeCloseTo(7 / 15, 12);
  });

  it('is 0 for an empty graph', () => {
    expect(computeAverageClustering(graphOf([]))).toBe(0);
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference }) => {
    expect(computeAverageClustering(graph)).toBeCloseTo(reference.network['averageClustering'] as number, 9);
  });

  it('rejects an invalid level', () => {
    expect(() => computeAverageClustering(graphOf([['a', 'b', 0]]))).toThrow(ValidationError);
  });
});
