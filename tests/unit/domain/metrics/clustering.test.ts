import { describe, expect, it } from 'vitest';
import { computeClustering } from '../../../../server/domain/metrics/clustering.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases, mismatches, nodeColumn } from './reference.js';
import { graphOf, PATH_4, TRIANGLE_PENDANT } from './tiny.js';

describe('computeClustering', () => {
  it('is the share of linked pairs of partners', () => {
    // a and b: their two partners are linked → 1. c: partners a, b, d; of the pairs ab, ad, bd only ab
    // is linked → 1/3. d: one partner → 0.
    expect(
      mismatches(computeClustering(graphOf(TRIANGLE_PENDANT)), { a: 1, b: 1, c: 1 / 3, d: 0 }, 1e-12),
    ).toEqual([]);
    expect(computeClustering(graphOf(PATH_4))).toEqual({ a: 0, b: 0, c: 0, d: 0 });
  });

  it('counts a tie in either direction in directed mode', () => {
    const graph = graphOf(
      [
        ['a', 'b'],
        ['b', 'a'],
        ['a', 'c'],
        ['c', 'b'],
      ],
      { directed: true },
    );
    expect(computeClustering(graph)).toEqual({ a: 1, b: 1, c: 1 });
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference }) => {
    expect(mismatches(computeClustering(graph), nodeColumn(reference, 'clustering'))).toEqual([]);
  });

  it('rejects an invalid level', () => {
    expect(() => computeClustering(graphOf([['a', 'b', 0]]))).toThrow(ValidationError);
  });
});
