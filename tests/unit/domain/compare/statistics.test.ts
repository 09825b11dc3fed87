import { describe, expect, it } from 'vitest';
import {
  fisherExactTwoSided,
  fisherIndices,
  logFactorials,
  logFactorialsAt,
  normalTwoSidedP,
  quantileSorted,
  rateRatio,
  Z_975,
} from '../../../../server/domain/compare/statistics.js';

describe('normalTwoSidedP', () => {
  // Expected: scipy.stats.norm.sf(z) * 2, SciPy 1.10.1.
  it.each([
    [0, 1],
    [0.5, 0.6170750774519738],
    [Z_975, 0.05],
    [-Z_975, 0.05],
    [3, 0.0026997960632601866],
    [6, 1.973175290075389e-9],
    [9, 2.2571768119076647e-19],
  ])('P(|Z| ≥ |%s|) = %s', (z, expected) => {
    expect(Math.abs(normalTwoSidedP(z) - expected) / expected).toBeLessThan(1e-12);
  });
});

describe('quantileSorted', () => {
  it("interpolates like R's type 7 (numpy's default)", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 14);
    expect(quantileSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 14);
    expect(quantileSorted([5], 0.025)).toBe(5);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('fisherExactTwoSided', () => {
  // Expected: scipy.stats.fisher_exact(table)[1], SciPy 1.10.1 (the same as R fisher.test).
  it.each([
    [[3, 1, 1, 3], 0.48571428571428565],
    [[1, 9, 11, 3], 0.0027594561852200836],
    [[0, 5, 5, 0], 0.007936507936507938],
    [[7, 17, 29, 514], 0.00036283633631995903],
    [[2, 0, 0, 2], 0.3333333333333333],
    [[10, 10, 10, 10], 1],
    [[0, 0, 0, 0], 1],
  ] as const)('table %j has p = %s', ([a, b, c, d], expected) => {
    expect(Math.abs(fisherExactTwoSided(a, b, c, d) - expected) / expected).toBeLessThan(1e-10);
  });
});

describe('logFactorialsAt', () => {
  it('gives the entries of the full table bit for bit, without the table', () => {
    const full = logFactorials(200_000);
    const indices = [0, 1, 2, 3, 17, 1000, 99_999, 100_000, 200_000, 3, 17];
    const sparse = logFactorialsAt(indices);
    for (const k of indices) expect(sparse[k]).toBe(full[k]);
    expect(sparse[5]).toBeUndefined();
  });

  it('gives the same Fisher p-values as the full table, and scipy on 50 million pairs at risk', () => {
    for (const [a, b, c, d] of [
      [7, 17, 29, 514],
      [1, 9, 11, 3],
      [0, 5, 5, 0],
      [500, 20_000, 3_000, 900_000],
    ] as const) {
      const full = logFactorials(a + b + c + d);
      const sparse = logFactorialsAt(fisherIndices(a, b, c, d));
      expect(fisherExactTwoSided(a, b, c, d, sparse)).toBe(fisherExactTwoSided(a, b, c, d, full));
    }
    // The meeting effect's table on 10 000 organizations; scipy.stats.fisher_exact, SciPy 1.10.1. The
    // running sum of 5·10⁷ logarithms carries ~1e-7 of rounding into ln p, hence 1e-5, not 1e-10.
    const p = fisherExactTwoSided(
      40,
      9_960,
      4_960,
      49_985_040,
      logFactorialsAt(fisherIndices(40, 9_960, 4_960, 49_985_040)),
    );
    expect(Math.abs(p - 3.6977926375510224e-49) / 3.6977926375510224e-49).toBeLessThan(1e-5);
  });
});

describe('rateRatio', () => {
  it('gives the Katz log interval', () => {
    // 10/50 against 5/100: RR = 4, SE(ln RR) = √(1/10 − 1/50 + 1/5 − 1/100) = √0.27.
    const { rateRatio: ratio, ci95 } = rateRatio(10, 50, 5, 100);
    expect(ratio).toBeCloseTo(4, 14);
    expect(ci95![0]).toBeCloseTo(4 * Math.exp(-Z_975 * Math.sqrt(0.27)), 12);
    expect(ci95![1]).toBeCloseTo(4 * Math.exp(Z_975 * Math.sqrt(0.27)), 12);
  });

  it('has no ratio against a zero rate and no interval with a zero count', () => {
    expect(rateRatio(3, 10, 0, 10)).toEqual({ rateRatio: null, ci95: null });
    expect(rateRatio(0, 10, 2, 10)).toEqual({ rateRatio: 0, ci95: null });
    expect(rateRatio(1, 0, 2, 10)).toEqual({ rateRatio: null, ci95: null });
  });
});
