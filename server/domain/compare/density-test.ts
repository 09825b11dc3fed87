/**
 * Paired comparison of the densities of two waves over the same organizations: UCINET's "Compare
 * densities — paired (same nodes)", the node bootstrap of Snijders & Borgatti (1999), "Non-parametric
 * standard errors and tests for network statistics", Connections 22(2).
 *
 * difference = density(to) − density(from), densities as in DATA-FORMAT.md §3 (binary: levels ignored).
 * Each bootstrap sample draws n organizations with replacement and takes both waves' densities on the
 * sampled organizations — the same draw for both waves, which is what makes the test paired. Two draws of
 * the same organization have no tie value between them (the diagonal); those cells are left out of the
 * numerator and the denominator.
 *
 * - standardError: standard deviation (n − 1 denominator) of the bootstrap differences;
 * - ci95: percentile interval, the 2.5 % and 97.5 % quantiles of the bootstrap differences (R type 7);
 * - pValue: two-sided, from the bootstrap z = difference / standardError against the standard normal, as
 *   UCINET's paired bootstrap t-statistic does. 1 when every bootstrap difference is 0 (identical waves).
 *
 * Why each sample costs O(n + ties): with c_a the number of times organization a was drawn, the sampled
 * network has Σ_{ties (a,b)} c_a·c_b tied ordered cells out of n² − Σ c_a² defined ones.
 */
import type { WaveGraph } from '../graph/build-wave-graph.js';
import { createRandom, DEFAULT_SEED } from '../random.js';
import { assertPermutations, assertSeed } from './qap.js';
import { normalTwoSidedP, quantileSorted } from './statistics.js';
import { indexWavePair, possiblePairs } from './wave-pair.js';

export const DENSITY_TEST_DEFAULTS = {
  samples: 5000,
  seed: DEFAULT_SEED,
} as const;

export interface DensityTestOptions {
  /** Bootstrap samples, an integer from 1 to 100 000. Default 5000. */
  samples?: number;
  /** Seed of the resampling stream. Default 42. */
  seed?: number;
}

export interface DensityTestResult {
  /** density(to) − density(from); null with fewer than 2 organizations. */
  difference: number | null;
  /** Percentile bootstrap interval of the difference; null when no sample was usable. */
  ci95: [number, number] | null;
  /** Two-sided bootstrap z-test p-value; null when undefined (see `reason`). */
  pValue: number | null;
  standardError: number | null;
  /** Bootstrap samples drawn. */
  samples: number;
  seed: number;
  /** Why a value is null. Absent when every value is a number. */
  reason?: string;
}

/**
 * Snijders–Borgatti paired bootstrap test of the density change between two wave graphs.
 * @throws ValidationError when `samples` or `seed` is out of range.
 */
export function testDensityChange(
  from: WaveGraph,
  to: WaveGraph,
  options: DensityTestOptions = {},
): DensityTestResult {
  const samples = options.samples ?? DENSITY_TEST_DEFAULTS.samples;
  const seed = options.seed ?? DENSITY_TEST_DEFAULTS.seed;
  assertPermutations(samples, 'samples');
  assertSeed(seed);

  const { directed, ids, from: before, to: after } = indexWavePair(from, to);
  const n = ids.length;
  if (n < 2) {
    return {
      difference: null,
      ci95: null,
      pValue: null,
      standardError: null,
      samples,
      seed,
      reason: 'density is undefined with fewer than 2 organizations',
    };
  }
  const difference = (after.count - before.count) / possiblePairs(n, directed);

  // An undirected tie stands for two ordered cells; counting it once and doubling keeps one formula.
  const cellsPerTie = directed ? 1 : 2;
  const counts = new Int32Array(n);
  const differences = new Float64Array(samples);
  const random = createRandom(seed);
  let used = 0;
  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[random.below(n)]++;
    let sumSquares = 0;
    for (let a = 0; a < n; a++) sumSquares += counts[a] * counts[a];
    const defined = n * n - sumSquares;
    // Every draw hit the same organization: no defined cell, no density. Possible only for tiny n.
    if (defined === 0) continue;
    let tiedBefore = 0;
    for (let e = 0; e < before.count; e++) tiedBefore += counts[before.source[e]] * counts[before.target[e]];
    let tiedAfter = 0;
    for (let e = 0; e < after.count; e++) tiedAfter += counts[after.source[e]] * counts[after.target[e]];
    differences[used++] = (cellsPerTie * (tiedAfter - tiedBefore)) / defined;
  }

  if (used < 2) {
    return {
      difference,
      ci95: null,
      pValue: null,
      standardError: null,
      samples,
      seed,
      reason: 'fewer than 2 usable bootstrap samples',
    };
  }
  const drawn = differences.subarray(0, used);
  let mean = 0;
  for (let s = 0; s < used; s++) mean += drawn[s];
  mean /= used;
  let squares = 0;
  for (let s = 0; s < used; s++) squares += (drawn[s] - mean) ** 2;
  const standardError = Math.sqrt(squares / (used - 1));
  drawn.sort();
  const ci95: [number, number] = [quantileSorted(drawn, 0.025), quantileSorted(drawn, 0.975)];

  // Rounding leaves a standard error of ~1e-18 where every sample gave the same difference.
  const scale = Math.max(Math.abs(mean), Math.abs(difference), Number.MIN_VALUE);
  if (standardError <= 1e-12 * scale || standardError === 0) {
    if (Math.abs(difference) <= 1e-15)
      return { difference, ci95, pValue: 1, standardError: 0, samples, seed };
    return {
      difference,
      ci95,
      pValue: null,
      standardError: 0,
      samples,
      seed,
      reason: 'every bootstrap sample gave the same non-zero difference: no z-test',
    };
  }
  return {
    difference,
    ci95,
    pValue: normalTwoSidedP(difference / standardError),
    standardError,
    samples,
    seed,
  };
}
