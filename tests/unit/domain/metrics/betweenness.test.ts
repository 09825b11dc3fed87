import { describe, expect, it } from 'vitest';
import { computeBetweenness } from '../../../../server/domain/metrics/betweenness.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases, loadFixture, fixtureGraph, mismatches, nodeColumn } from './reference.js';
import { graphOf, PATH_4, TRIANGLE_PENDANT } from './tiny.js';

describe('computeBetweenness', () => {
  it('path of four: each middle node is on 2 of the 6 pairs', () => {
    // b is on a–c and a–d; normalized by 2/((n−1)(n−2)) = 1/3 → 2/3.
    expect(
      mismatches(computeBetweenness(graphOf(PATH_4)), { a: 0, b: 2 / 3, c: 2 / 3, d: 0 }, 1e-12),
    ).toEqual([]);
  });

  it('triangle + pendant: c bridges d to a and b', () => {
    expect(
      mismatches(computeBetweenness(graphOf(TRIANGLE_PENDANT)), { a: 0, b: 0, c: 2 / 3, d: 0 }, 1e-12),
    ).toEqual([]);
  });

  it('directed: counts ordered pairs, normalized by 1/((n−1)(n−2))', () => {
    // a→b→c: b is on the single pair (a, c) → 1/(2·1).
    const graph = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      { directed: true },
    );
    expect(computeBetweenness(graph)).toEqual({ a: 0, b: 0.5, c: 0 });
  });

  it('weighted: length 1/level, equal lengths split the pair', () => {
    // Square a–b–c–d–a with ab = bc = 4 (length 1/4) and cd = da = 1 (length 1).
    // a–c: via b (1/2) beats via d (2): b gets the pair. b–d: via a or via c, both 5/4: half each.
    // Other pairs are direct. Normalized by 1/3: b 1/3, a and c 1/6, d 0.
    const graph = graphOf([
      ['a', 'b', 4],
      ['b', 'c', 4],
      ['c', 'd', 1],
      ['d', 'a', 1],
    ]);
    expect(
      mismatches(
        computeBetweenness(graph, { weighted: true }),
        { a: 1 / 6, b: 1 / 3, c: 1 / 6, d: 0 },
        1e-12,
      ),
    ).toEqual([]);
    // Unweighted, the square is symmetric: every node is on half of one pair → 0.5/3.
    expect(mismatches(computeBetweenness(graph), { a: 1 / 6, b: 1 / 6, c: 1 / 6, d: 1 / 6 }, 1e-12)).toEqual(
      [],
    );
  });

  it('is 0 for every node of a graph with at most two nodes, and {} for an empty one', () => {
    expect(computeBetweenness(graphOf([['a', 'b']]))).toEqual({ a: 0, b: 0 });
    expect(computeBetweenness(graphOf([]))).toEqual({});
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference, weighted }) => {
    expect(mismatches(computeBetweenness(graph, { weighted }), nodeColumn(reference, 'betweenness'))).toEqual(
      [],
    );
  });

  it('keeps path counts exact on the 20×20 grid (32-bit counts drift there)', () => {
    const fixture = loadFixture('grid-20x20');
    const result = computeBetweenness(fixtureGraph(fixture));
    // Tighter than the suite's 1e-6: Float64 counts leave only rounding error.
    expect(mismatches(result, nodeColumn(fixture.cases[0]!, 'betweenness'), 1e-12)).toEqual([]);
  });

  it('rejects an invalid level', () => {
    expect(() => computeBetweenness(graphOf([['a', 'b', -2]]), { weighted: true })).toThrow(ValidationError);
  });
});
