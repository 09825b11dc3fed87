import { describe, expect, it } from 'vitest';
import { computePageRank } from '../../../../server/domain/metrics/pagerank.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases, mismatches, nodeColumn } from './reference.js';
import { graphOf, PATH_4 } from './tiny.js';

describe('computePageRank', () => {
  it('path of four: ends 10/57, middles 37/114', () => {
    // By symmetry ends p, middles q, 2p + 2q = 1. p = 0.15/4 + 0.85·q/2 and
    // q = 0.15/4 + 0.85·(p + q/2) → 1.425 q = 0.4625 → q = 37/114, p = 1/2 − q = 10/57.
    const { values, converged } = computePageRank(graphOf(PATH_4));
    expect(converged).toBe(true);
    expect(mismatches(values, { a: 10 / 57, b: 37 / 114, c: 37 / 114, d: 10 / 57 }, 1e-9)).toEqual([]);
  });

  it('spreads a dangling node uniformly (a→b: a 20/57, b 37/57)', () => {
    // b has no outgoing tie: its score goes to a and b equally. x_a = 0.075 + 0.85·x_b/2 with
    // x_a + x_b = 1 → 1.425 x_a = 0.5.
    const { values } = computePageRank(graphOf([['a', 'b']], { directed: true }));
    expect(mismatches(values, { a: 20 / 57, b: 37 / 57 }, 1e-9)).toEqual([]);
  });

  it('is uniform without ties, and empty for an empty graph', () => {
    expect(computePageRank(graphOf([], { nodes: ['a', 'b', 'c', 'd'] })).values).toEqual({
      a: 0.25,
      b: 0.25,
      c: 0.25,
      d: 0.25,
    });
    expect(computePageRank(graphOf([]))).toEqual({ values: {}, converged: true, iterations: 0 });
  });

  it('follows ties in proportion to their level when weighted', () => {
    // Star a–b (3), a–c (1): b receives 3/4 of a's score, c 1/4, so b outranks c.
    const { values } = computePageRank(
      graphOf([
        ['a', 'b', 3],
        ['a', 'c', 1],
      ]),
      { weighted: true },
    );
    expect(values['b']!).toBeGreaterThan(values['c']!);
    expect(Object.values(values).reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
  });

  it.each(loadCases())('matches NetworkX (tol 1e-13) on $name', ({ graph, reference, weighted }) => {
    expect(
      mismatches(computePageRank(graph, { weighted }).values, nodeColumn(reference, 'pagerank')),
    ).toEqual([]);
  });

  it('rejects a damping outside (0, 1) and a bad tolerance, naming the option', () => {
    expect(() => computePageRank(graphOf(PATH_4), { damping: 1 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ column: 'damping' })] }),
    );
    expect(() => computePageRank(graphOf(PATH_4), { tolerance: 0 })).toThrow(ValidationError);
    expect(() => computePageRank(graphOf(PATH_4), { maxIterations: 2.5 })).toThrow(ValidationError);
  });
});
