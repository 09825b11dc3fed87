import { describe, expect, it } from 'vitest';
import { computeAverageDegree } from '../../../../server/domain/metrics/average-degree.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, PATH_4 } from './tiny.js';

describe('computeAverageDegree', () => {
  it('is 2m/n', () => {
    // Path of 4: degrees 1, 2, 2, 1 → 6/4.
    expect(computeAverageDegree(graphOf(PATH_4))).toBe(1.5);
    // Directed: in + out per node, a→b, b→c → (1 + 2 + 1)/3.
    expect(
      computeAverageDegree(
        graphOf(
          [
            ['a', 'b'],
            ['b', 'c'],
          ],
          { directed: true },
        ),
      ),
    ).toBeCloseTo(4 / 3, 12);
  });

  it('is 0 for an empty graph', () => {
    expect(computeAverageDegree(graphOf([]))).toBe(0);
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference }) => {
    expect(computeAverageDegree(graph)).toBeCloseTo(reference.network['averageDegree'] as number, 9);
  });

  it('rejects an invalid level', () => {
    expect(() => computeAverageDegree(graphOf([['a', 'b', Infinity]]))).toThrow(ValidationError);
  });
});
