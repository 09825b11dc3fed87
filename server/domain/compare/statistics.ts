/**
 * Small numerical building blocks of the change statistics: the standard normal tail (for bootstrap
 * z-tests), sample quantiles (R's default type 7, for percentile intervals), Fisher's exact test on a
 * 2×2 table (two-sided by summing the tables no more probable than the observed one, like R `fisher.test`)
 * and the Katz log rate-ratio interval (Katz, Baptista, Azen & Pike 1978).
 */

/** z of a two-sided 95 % interval, Φ⁻¹(0.975). */
export const Z_975 = 1.959963984540054;

// erfc(x) for x ≥ 0: the Maclaurin series of erf below 2.5 (no cancellation trouble there), a continued
// fraction (evaluated with the modified Lentz method) above, where the series would lose digits.
function erfc(x: number): number {
  if (x < 2.5) {
    let term = x;
    let sum = x;
    const xx = x * x;
    for (let k = 1; k < 200; k++) {
      term *= -xx / k;
      const next = term / (2 * k + 1);
      sum += next;
      if (Math.abs(next) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** Quantile of sorted values with R's default (type 7) linear interpolation. */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * probability;
  const low = Math.floor(h);
  const high = Math.min(n - 1, low + 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/** ln(k!) by k, as {@link logFactorials} or {@link logFactorialsAt} give it. */
export type LogFactorialTable = { readonly [k: number]: number };

/** ln(k!) for k = 0…max, as a table: the hypergeometric probabilities of one test share it. */
export function logFactorials(max: number): Float64Array {
  const table = new Float64Array(max + 1);
  for (let k = 2; k <= max; k++) table[k] = table[k - 1] + Math.log(k);
  return table;
}

/**
 * The entries of {@link logFactorials} at the given indices only, bit for bit (the same running sum,
 * in the same order), without the table: the meeting effect's tests have as many cells as pairs at
 * risk, n(n − 1)/2 — 50 million on 10 000 nodes (a 400 MB table), 1.25 billion on 50 000 (10 GB) —
 * while a test reads a few thousand of them.
 */
export function logFactorialsAt(indices: Iterable<number>): LogFactorialTable {
  const wanted = [...new Set(indices)].sort((a, b) => a - b);
  const table: Record<number, number> = {};
  let sum = 0;
  let k = 1;
  for (const index of wanted) {
    for (; k < index;) sum += Math.log(++k);
    table[index] = index < 2 ? 0 : sum;
  }
  return table;
}

/** The indices {@link fisherExactTwoSided} reads for the table [[a, b], [c, d]]. */
export function fisherIndices(a: number, b: number, c: number, d: number): number[] {
  const row1 = a + b;
  const row2 = c + d;
  const column1 = a + c;
  const total = row1 + row2;
  const indices = [row1, row2, column1, total - column1, total];
  for (let x = Math.max(0, column1 - row2); x <= Math.min(row1, column1); x++)
    indices.push(x, row1 - x, column1 - x, row2 - column1 + x);
  return indices;
}

/**
 * Two-sided Fisher exact p-value of the 2×2 table [[a, b], [c, d]]: the probability, under fixed margins,
 * of every table no more probable than the observed one (with R's relative tolerance 1e-7 so that tables
 * equally probable up to rounding count as equal).
 * @param logFactorial a {@link logFactorials} table reaching at least a + b + c + d, or a
 *   {@link logFactorialsAt} of {@link fisherIndices}.
 */
export function fisherExactTwoSided(
  a: number,
  b: number,
  c: number,
  d: number,
  logFactorial: LogFactorialTable = logFactorials(a + b + c + d),
): number {
  const row1 = a + b;
  const row2 = c + d;
  const column1 = a + c;
  const total = row1 + row2;
  if (total === 0) return 1;
  const lf = (k: number): number => logFactorial[k];
  const constant = lf(row1) + lf(row2) + lf(column1) + lf(total - column1) - lf(total);
  const logP = (x: number): number =>
    constant - lf(x) - lf(row1 - x) - lf(column1 - x) - lf(row2 - column1 + x);
  const observed = logP(a);
  const limit = observed + Math.log1p(1e-7);
  let p = 0;
  for (let x = Math.max(0, column1 - row2); x <= Math.min(row1, column1); x++) {
    const lp = logP(x);
    if (lp <= limit) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

/**
 * Rate ratio (a/n1) / (c/n2) with the Katz log interval exp(ln RR ± z·√(1/a − 1/n1 + 1/c − 1/n2)).
 * The ratio is null when the reference rate is 0; the interval is null when a or c is 0 (its log is then
 * unbounded).
 */
export function rateRatio(
  a: number,
  n1: number,
  c: number,
  n2: number,
): { rateRatio: number | null; ci95: [number, number] | null } {
  if (n1 === 0 || n2 === 0 || c === 0) return { rateRatio: null, ci95: null };
  const ratio = a / n1 / (c / n2);
  if (a === 0) return { rateRatio: ratio, ci95: null };
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  const log = Math.log(ratio);
  return { rateRatio: ratio, ci95: [Math.exp(log - Z_975 * se), Math.exp(log + Z_975 * se)] };
}
