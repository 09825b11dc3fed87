import { describe, expect, it } from 'vitest';
import { computeTransitivity } from '../../../../server/domain/metrics/transitivity.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, PATH_4, TRIANGLE_PENDANT } from './tiny.js';

describe('computeTransitivity', () => {
  it('is 3 × triangles / connected triples', () => {
    // Triangle + pendant: one triangle; triples Σ C(deg, 2) = 1 + 1 + 3 + 0 = 5 → 3/5.
    expect(computeTransitivity(graphOf(TRIANGLE_PENDANT))).toBeCloseTo(0.6, 12);
    // No triangle in a path.
    expect(computeTransitivity(graphOf(PATH_4))).toBe(0);
  });

  it('uses the undirected view in directed mode', () => {
    // a→b, b→c, c→a is a triangle whatever the directions.
    expect(
      computeTransitivity(
        graphOf(
          [
            ['a', 'b'],
            ['b', 'c'],
            ['c', 'a'],
          ],
          { directed: true },
        ),
      ),
    ).toBe(1);
  });

  it('is 0 without ties', () => {
    expect(computeTransitivity(graphOf([]))).toBe(0);
    expect(computeTransitivity(graphOf([], { nodes: ['a', 'b'] }))).toBe(0);
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference }) => {
    expect(computeTransitivity(graph)).toBeCloseTo(reference.network['transitivity'] as number, 9);
  });

  it('rejects an invalid level', () => {
    expect(() => computeTransitivity(graphOf([['a', 'b', 0]]))).toThrow(ValidationError);
  });
});
