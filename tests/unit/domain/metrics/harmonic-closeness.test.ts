import { describe, expect, it } from 'vitest';
import { computeHarmonicCloseness } from '../../../../server/domain/metrics/harmonic-closeness.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases, mismatches, nodeColumn } from './reference.js';
import { graphOf, PATH_4, TRIANGLE_PENDANT } from './tiny.js';

describe('computeHarmonicCloseness', () => {
  it('is Σ 1/d divided by n − 1', () => {
    // Path: a (1 + 1/2 + 1/3)/3 = 11/18, b (1 + 1 + 1/2)/3 = 5/6.
    expect(
      mismatches(
        computeHarmonicCloseness(graphOf(PATH_4)),
        { a: 11 / 18, b: 5 / 6, c: 5 / 6, d: 11 / 18 },
        1e-12,
      ),
    ).toEqual([]);
    // Triangle + pendant: c 3/3, a (1 + 1 + 1/2)/3, d (1 + 1/2 + 1/2)/3.
    expect(
      mismatches(
        computeHarmonicCloseness(graphOf(TRIANGLE_PENDANT)),
        { a: 5 / 6, b: 5 / 6, c: 1, d: 2 / 3 },
        1e-12,
      ),
    ).toEqual([]);
  });

  it('gives NetworkX harmonic_centrality with normalized: false', () => {
    expect(computeHarmonicCloseness(graphOf(PATH_4), { normalized: false })['b']).toBeCloseTo(2.5, 12);
  });

  it('needs no correction for disconnected graphs: unreachable nodes add 0', () => {
    // x–y in a graph of 6: 1/5.
    expect(computeHarmonicCloseness(graphOf([...PATH_4, ['x', 'y']]))['x']).toBeCloseTo(0.2, 12);
    expect(computeHarmonicCloseness(graphOf([], { nodes: ['a'] }))).toEqual({ a: 0 });
  });

  it('uses incoming distances in directed mode', () => {
    // a→b→c: c is reached from b (1) and a (2): (1 + 1/2)/2; a from nobody.
    const graph = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      { directed: true },
    );
    expect(computeHarmonicCloseness(graph)).toEqual({ a: 0, b: 0.5, c: 0.75 });
  });

  it.each(loadCases())('matches NetworkX / (n − 1) on $name', ({ graph, reference, weighted }) => {
    expect(
      mismatches(computeHarmonicCloseness(graph, { weighted }), nodeColumn(reference, 'harmonicCloseness')),
    ).toEqual([]);
  });

  it('rejects an invalid level', () => {
    expect(() => computeHarmonicCloseness(graphOf([['a', 'b', 0]]), { weighted: true })).toThrow(
      ValidationError,
    );
  });
});
