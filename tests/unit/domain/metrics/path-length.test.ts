import { describe, expect, it } from 'vitest';
import { computePathLength } from '../../../../server/domain/metrics/path-length.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, PATH_4, TRIANGLE_PENDANT } from './tiny.js';

describe('computePathLength', () => {
  it('measures the largest component in steps', () => {
    // Path of 4: distances ab 1, ac 2, ad 3, bc 1, bd 2, cd 1 → diameter 3, mean 10/6.
    const path = computePathLength(graphOf(PATH_4));
    expect(path.diameter).toBe(3);
    expect(path.averagePathLength).toBeCloseTo(5 / 3, 12);
    // Triangle + pendant: ab 1, ac 1, ad 2, bc 1, bd 2, cd 1 → 2 and 8/6; the pair x–y is ignored.
    const triangle = computePathLength(graphOf([...TRIANGLE_PENDANT, ['x', 'y']]));
    expect(triangle.diameter).toBe(2);
    expect(triangle.averagePathLength).toBeCloseTo(4 / 3, 12);
  });

  it('ignores levels, and direction in directed mode', () => {
    // a→b←c: on the undirected view a path of three, diameter 2, mean (1 + 2 + 1)/3.
    const result = computePathLength(
      graphOf(
        [
          ['a', 'b', 4],
          ['c', 'b', 1],
        ],
        { directed: true },
      ),
    );
    expect(result.diameter).toBe(2);
    expect(result.averagePathLength).toBeCloseTo(4 / 3, 12);
  });

  it('is 0 and 0 when the largest component has one node or none', () => {
    expect(computePathLength(graphOf([], { nodes: ['a', 'b'] }))).toEqual({
      diameter: 0,
      averagePathLength: 0,
    });
    expect(computePathLength(graphOf([]))).toEqual({ diameter: 0, averagePathLength: 0 });
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference }) => {
    const result = computePathLength(graph);
    expect(result.diameter).toBe(reference.network['diameter']);
    expect(result.averagePathLength).toBeCloseTo(reference.network['averagePathLength'] as number, 9);
  });

  it('rejects an invalid level', () => {
    expect(() => computePathLength(graphOf([['a', 'b', 0]]))).toThrow(ValidationError);
  });
});
