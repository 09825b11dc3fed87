/**
 * Half-widths of confidence intervals for a mean of k independent draws of a bounded variable, used by
 * the sampled distance measures (sampled-distances.ts). Two classical inequalities, and the smaller of
 * the two is returned, each given half of the failure probability (so the minimum holds with
 * probability ≥ 1 − p):
 * - Hoeffding (1963): P(|mean − μ| ≥ t) ≤ 2·exp(−2kt²/R²) for draws in an interval of length R, so
 *   t = R·√(ln(4/p)/(2k)) at failure p/2. This is the bound of Eppstein & Wang (2004).
 * - Empirical Bernstein (Maurer & Pontil 2009, "Empirical Bernstein bounds and sample variance
 *   penalization", COLT, Theorem 4), applied to X and R − X: with V the unbiased sample variance,
 *   |mean − μ| ≤ √(2V·ln(8/p)/k) + 7R·ln(8/p)/(3(k − 1)) at failure p/2. Much tighter when the draws
 *   vary little (distances concentrate around their mean on small-world graphs).
 */

/**
 * @param range length R of an interval that holds every draw
 * @param sum Σx over the k draws
 * @param squares Σx² over the k draws
 * @param k number of draws (≥ 1)
 * @param p failure probability of this one interval
 */
export function confidenceHalfWidth(
  range: number,
  sum: number,
  squares: number,
  k: number,
  p: number,
): number {
  if (range <= 0) return 0;
  const hoeffding = range * Math.sqrt(Math.log(4 / p) / (2 * k));
  if (k < 2) return hoeffding;
  const mean = sum / k;
  // Unbiased sample variance; rounding can make it slightly negative when every draw is equal.
  const variance = Math.max(0, (squares - k * mean * mean) / (k - 1));
  const log = Math.log(8 / p);
  const bernstein = Math.sqrt((2 * variance * log) / k) + (7 * range * log) / (3 * (k - 1));
  return Math.min(hoeffding, bernstein);
}

/** Eppstein–Wang's sample size: k = ⌈ln(2n/δ)/(2ε²)⌉ makes Hoeffding's half-width ε·R for all n nodes at once. */
export function eppsteinWangSources(n: number, epsilon: number, delta: number): number {
  return Math.ceil(Math.log((2 * Math.max(n, 1)) / delta) / (2 * epsilon * epsilon));
}
