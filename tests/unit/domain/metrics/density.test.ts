import { describe, expect, it } from 'vitest';
import { computeDensity } from '../../../../server/domain/metrics/density.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, PATH_4, TRIANGLE_PENDANT } from './tiny.js';

describe('computeDensity', () => {
  it('is 2m/(n(n−1)) undirected', () => {
    // Path of 4: 2·3/(4·3) = 1/2. Triangle + pendant: 2·4/12 = 2/3.
    expect(computeDensity(graphOf(PATH_4))).toBeCloseTo(1 / 2, 12);
    expect(computeDensity(graphOf(TRIANGLE_PENDANT))).toBeCloseTo(2 / 3, 12);
  });

  it('is m/(n(n−1)) directed', () => {
    // a→b, b→a, b→c: 3/(3·2) = 1/2.
    expect(
      computeDensity(
        graphOf(
          [
            ['a', 'b'],
            ['b', 'a'],
            ['b', 'c'],
          ],
          { directed: true },
        ),
      ),
    ).toBeCloseTo(0.5, 12);
  });

  it('is 0 below two nodes and without ties', () => {
    expect(computeDensity(graphOf([]))).toBe(0);
    expect(computeDensity(graphOf([], { nodes: ['a'] }))).toBe(0);
    expect(computeDensity(graphOf([], { nodes: ['a', 'b', 'c'] }))).toBe(0);
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference }) => {
    expect(computeDensity(graph)).toBeCloseTo(reference.network['density'] as number, 9);
  });

  it('rejects an invalid level', () => {
    expect(() => computeDensity(graphOf([['a', 'b', Number.NaN]]))).toThrow(ValidationError);
  });
});
