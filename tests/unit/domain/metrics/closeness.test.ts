import { describe, expect, it } from 'vitest';
import { computeCloseness } from '../../../../server/domain/metrics/closeness.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases, mismatches, nodeColumn } from './reference.js';
import { graphOf, PATH_4, TRIANGLE_PENDANT } from './tiny.js';

describe('computeCloseness', () => {
  it('is (n−1)/Σd on a connected graph', () => {
    // Path: a 3/(1+2+3) = 1/2, b 3/(1+1+2) = 3/4. Triangle + pendant: c 3/3, a 3/4, d 3/5.
    expect(
      mismatches(computeCloseness(graphOf(PATH_4)), { a: 0.5, b: 0.75, c: 0.75, d: 0.5 }, 1e-12),
    ).toEqual([]);
    expect(
      mismatches(computeCloseness(graphOf(TRIANGLE_PENDANT)), { a: 0.75, b: 0.75, c: 1, d: 0.6 }, 1e-12),
    ).toEqual([]);
  });

  it('applies the Wasserman–Faust correction: an isolated pair is not the most central', () => {
    // Path of 4 plus the pair x–y, n = 6. x: r = 1, Σd = 1 → (1/1)·(1/5) = 0.2.
    // b: r = 3, Σd = 4 → (3/4)·(3/5) = 0.45. Isolate z: 0.
    const result = computeCloseness(graphOf([...PATH_4, ['x', 'y']], { nodes: ['z'] }));
    expect(result['x']).toBeCloseTo(1 / 6, 12);
    expect(result['b']).toBeCloseTo((3 / 4) * (3 / 6), 12);
    expect(result['z']).toBe(0);
  });

  it('uses incoming distances in directed mode (as NetworkX)', () => {
    // a⇄b, b→c. c is reached from b (1) and a (2): (2/3)·(2/2). a only from b: (1/1)·(1/2).
    const graph = graphOf(
      [
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'c'],
      ],
      { directed: true },
    );
    expect(mismatches(computeCloseness(graph), { a: 0.5, b: 0.5, c: 2 / 3 }, 1e-12)).toEqual([]);
  });

  it('weighted: distances are sums of 1/level', () => {
    // a –4– b –2– c: from b, 1/4 and 1/2 → 2/(3/4) = 8/3.
    expect(
      computeCloseness(
        graphOf([
          ['a', 'b', 4],
          ['b', 'c', 2],
        ]),
        { weighted: true },
      )['b'],
    ).toBeCloseTo(8 / 3, 12);
  });

  it('is 0 for lone nodes', () => {
    expect(computeCloseness(graphOf([], { nodes: ['a'] }))).toEqual({ a: 0 });
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference, weighted }) => {
    expect(mismatches(computeCloseness(graph, { weighted }), nodeColumn(reference, 'closeness'))).toEqual([]);
  });

  it('rejects an invalid level', () => {
    expect(() => computeCloseness(graphOf([['a', 'b', 0]]), { weighted: true })).toThrow(ValidationError);
  });
});
