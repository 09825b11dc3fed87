import { describe, expect, it } from 'vitest';
import { computeEigenvector } from '../../../../server/domain/metrics/eigenvector.js';
import { ValidationError } from '../../../../server/errors.js';
import { fixtureGraph, loadCases, loadFixture, mismatches, nodeColumn } from './reference.js';
import { graphOf, PATH_4 } from './tiny.js';

const norm = (values: Record<string, number>): number => Math.hypot(...Object.values(values));

describe('computeEigenvector', () => {
  it('star: the hub scores √3 times a leaf (principal eigenvector (√3, 1, 1, 1)/√6)', () => {
    const { values, converged } = computeEigenvector(
      graphOf([
        ['h', 'a'],
        ['h', 'b'],
        ['h', 'c'],
      ]),
    );
    expect(converged).toBe(true);
    // NetworkX's stopping rule (Σ|Δ| < n·1e-6) leaves errors around 1e-7.
    expect(
      mismatches(
        values,
        { h: 1 / Math.SQRT2, a: 1 / Math.sqrt(6), b: 1 / Math.sqrt(6), c: 1 / Math.sqrt(6) },
        1e-6,
      ),
    ).toEqual([]);
  });

  it('path of four: (1, φ, φ, 1) normalized', () => {
    const phi = (1 + Math.sqrt(5)) / 2;
    const end = 1 / Math.sqrt(2 + 2 * phi * phi);
    const { values } = computeEigenvector(graphOf(PATH_4));
    expect(mismatches(values, { a: end, b: phi * end, c: phi * end, d: end }, 1e-6)).toEqual([]);
  });

  it('stops at maxIterations with the last iterate, flagged', () => {
    // One step of x ← (A + I)x from 1/4: (2, 3, 3, 2)/4, then L2-normalized: (2, 3, 3, 2)/√26.
    const { values, converged, iterations } = computeEigenvector(graphOf(PATH_4), { maxIterations: 1 });
    expect({ converged, iterations }).toEqual({ converged: false, iterations: 1 });
    const s = Math.sqrt(26);
    expect(mismatches(values, { a: 2 / s, b: 3 / s, c: 3 / s, d: 2 / s }, 1e-12)).toEqual([]);
  });

  it('never throws on a bipartite graph where NetworkX fails: the 100th iterate, flagged', () => {
    const fixture = loadFixture('bipartite-chain');
    for (const reference of fixture.cases) {
      const { values, converged } = computeEigenvector(fixtureGraph(fixture), {
        weighted: reference.weighted,
      });
      expect(converged).toBe(false);
      expect(mismatches(values, nodeColumn(reference, 'eigenvector'))).toEqual([]);
      expect(norm(values)).toBeCloseTo(1, 12);
      expect(Object.values(values).every((value) => value >= 0)).toBe(true);
    }
  });

  it('gives 0 everywhere, flagged, when there is no tie', () => {
    expect(computeEigenvector(graphOf([], { nodes: ['a', 'b'] }))).toEqual({
      values: { a: 0, b: 0 },
      converged: false,
      iterations: 0,
    });
    expect(computeEigenvector(graphOf([]))).toEqual({ values: {}, converged: false, iterations: 0 });
  });

  it.each(loadCases())(
    'matches NetworkX on $name (or its documented fallback)',
    ({ graph, reference, weighted }) => {
      const { values, converged } = computeEigenvector(graph, { weighted });
      expect(converged).toBe(reference.network['eigenvectorConverged']);
      expect(mismatches(values, nodeColumn(reference, 'eigenvector'))).toEqual([]);
    },
  );

  it('rejects a bad iteration budget or tolerance, naming the option', () => {
    expect(() => computeEigenvector(graphOf(PATH_4), { maxIterations: 0 })).toThrow(ValidationError);
    expect(() => computeEigenvector(graphOf(PATH_4), { tolerance: -1 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ column: 'tolerance' })] }),
    );
  });
});
