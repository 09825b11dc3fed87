import { describe, expect, it } from 'vitest';
import { computeDegree } from '../../../../server/domain/metrics/degree.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases, mismatches, nodeColumn } from './reference.js';
import { graphOf, TRIANGLE_PENDANT } from './tiny.js';

describe('computeDegree', () => {
  it('counts partners; no in/out or strength unless asked for', () => {
    expect(computeDegree(graphOf(TRIANGLE_PENDANT))).toEqual({ degree: { a: 2, b: 2, c: 3, d: 1 } });
  });

  it('sums levels as strength when weighted', () => {
    // c has ties of level 2 (to a), 1 (to b) and 4 (to d): strength 7.
    const graph = graphOf([
      ['a', 'b', 3],
      ['b', 'c', 1],
      ['a', 'c', 2],
      ['c', 'd', 4],
    ]);
    expect(computeDegree(graph, { weighted: true }).strength).toEqual({ a: 5, b: 4, c: 7, d: 4 });
  });

  it('gives in, out and in + out in directed mode', () => {
    // a→b (2), b→a (3), b→c (1).
    const graph = graphOf(
      [
        ['a', 'b', 2],
        ['b', 'a', 3],
        ['b', 'c', 1],
      ],
      { directed: true },
    );
    const result = computeDegree(graph, { weighted: true });
    expect(result.inDegree).toEqual({ a: 1, b: 1, c: 1 });
    expect(result.outDegree).toEqual({ a: 1, b: 2, c: 0 });
    expect(result.degree).toEqual({ a: 2, b: 3, c: 1 });
    expect(result.strength).toEqual({ a: 5, b: 6, c: 1 });
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference, weighted, fixture }) => {
    const result = computeDegree(graph, { weighted });
    expect(mismatches(result.degree, nodeColumn(reference, 'degree'))).toEqual([]);
    if (fixture.directed) {
      expect(mismatches(result.inDegree!, nodeColumn(reference, 'inDegree'))).toEqual([]);
      expect(mismatches(result.outDegree!, nodeColumn(reference, 'outDegree'))).toEqual([]);
    }
    if (weighted) expect(mismatches(result.strength!, nodeColumn(reference, 'strength'))).toEqual([]);
  });

  it('rejects an invalid level', () => {
    expect(() => computeDegree(graphOf([['a', 'b', 0]]), { weighted: true })).toThrow(ValidationError);
  });
});
