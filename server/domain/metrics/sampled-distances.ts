/**
 * Closeness, harmonic closeness, average path length and diameter estimated from k sampled sources
 * (Eppstein & Wang 2004, "Fast approximation of centrality", J. Graph Algorithms Appl. 8(1)), for the
 * approximate mode of large graphs: one search per sampled source serves every measure, as the exact
 * sweep does with every source (shortest-paths.ts). Sources are drawn uniformly with replacement from
 * all n nodes, seeded; k = ⌈ln(2n/δ)/(2ε²)⌉ (Hoeffding with a union bound over the nodes).
 *
 * Estimators and bounds (N = n/(n − 1); every bound holds, for all nodes at once, with probability
 * ≥ 1 − δ, each measure on its own). Each mean below is of k independent draws, and its confidence
 * half-width is the smaller of Hoeffding's and the empirical Bernstein one (confidence.ts):
 * - Closeness (Wasserman–Faust, as closeness.ts: c = R²/A with R = r/(n − 1) the share of the others
 *   that reach v and A = Σd(u, v)/(n − 1)): R̂ = mean of N·[sᵢ reaches v, sᵢ ≠ v], Â = mean of
 *   N·d(sᵢ, v) (0 when unreached), both unbiased; ĉ = R̂²/Â. With D an upper bound of every finite
 *   distance and ℓ the shortest tie length, draws of R lie in [0, N] and of A in [0, N·D]; with R and
 *   A in their intervals (failure δ/(2n) each), c lies in [max(R₋²/A₊, R₋/D), min(R₊²/A₋, R₊/ℓ)]
 *   (c ≥ R/D and ≤ R/ℓ because ℓ·R ≤ A ≤ D·R). The reported bound is the largest distance from an
 *   estimate to its interval's ends. In a connected unweighted graph this is Eppstein–Wang's
 *   ±ε·Δ on the average distance 1/c, carried through c = 1/(average distance).
 * - Harmonic closeness (normalized by n − 1): the mean of N/d(sᵢ, v) (0 when unreached), draws in
 *   [0, N/ℓ], unbiased; failure δ/n per node.
 * - Average path length (largest component L, steps in the undirected view, as path-length.ts): the
 *   sources that fall in L are uniform over L; each gives its mean distance to the rest of L, in
 *   [1, D_L]; their mean is unbiased, with one interval (failure δ) reported as lower/upper.
 *   Computed exactly when L has no more nodes than k (then it is cheaper).
 * - Diameter (of L, steps): every search from x gives ecc(x) ≤ diameter and, for every v,
 *   ecc(v) ≤ d(x, v) + ecc(x) (triangle inequality); the largest ecc seen and the largest of these
 *   upper bounds over v bracket the diameter. Then up to DIAMETER_REFINEMENTS more searches from the
 *   node with the highest upper bound (Takes & Kosters 2011, "Determining the diameter of small
 *   world networks"); when both ends meet, the diameter is exact (a proof, not an estimate).
 *
 * D (the range of A): in undirected mode, the diameter's upper bound (or the size − 1 of a smaller
 * component, if larger) times the longest tie length; in directed mode (size of the largest weak
 * component − 1) times the longest tie length, the only cheap bound, which makes the closeness bound
 * loose there.
 */
import { componentLabels } from './components.js';
import type { Adjacency, MetricContext } from './context.js';
import { confidenceHalfWidth, eppsteinWangSources } from './confidence.js';
import { openUnitInterval } from './options.js';
import { computePathLength } from './path-length.js';
import { sweepInput } from './shortest-paths.js';
import { BucketQueue, dial, dijkstra, MinHeap } from './sweep-kernel.js';
import { createRandom, DEFAULT_SEED } from '../random.js';
import { throwIfAborted, type RunOptions } from './parallel/run-options.js';

export interface SampledDistancesOptions {
  /** Relative error target of the sample size (see the docblock). Default 0.05. */
  epsilon?: number;
  /** Failure probability of each measure's bound. Default 0.1. */
  delta?: number;
  seed?: number;
  weighted?: boolean;
}

export const SAMPLED_DISTANCES_DEFAULTS = { epsilon: 0.05, delta: 0.1, seed: DEFAULT_SEED } as const;

/** Extra searches spent to close the diameter's bounds. */
export const DIAMETER_REFINEMENTS = 64;

/** How one measure was estimated (DATA-FORMAT.md `approximate.estimates`). */
export interface MeasureEstimate {
  method: string;
  /** Sampled pairs (betweenness), sampled sources, or for the diameter every search run. */
  samples: number;
  /** Probability that the bound holds (for every node at once). */
  confidence: number;
  /** Largest distance between an estimate and the exact value, when the bound holds. */
  errorBound?: number;
  /** Interval of a network value. */
  lower?: number;
  upper?: number;
}

export interface SampledDistances {
  /** NetworkX-normalized estimates in index order, as closeness.ts / harmonic-closeness.ts. */
  closeness: Float64Array;
  harmonic: Float64Array;
  /** The largest distance found (the lower end of the bounds); exact when `exactDiameter`. */
  diameter: number;
  averagePathLength: number;
  exactDiameter: boolean;
  exactPathLength: boolean;
  epsilon: number;
  estimates: Record<string, MeasureEstimate>;
}

/** Sources Eppstein–Wang need on this graph; undefined when k ≥ n (the exact sweep is cheaper). */
export function plannedSources(n: number, options: SampledDistancesOptions = {}): number | undefined {
  const epsilon = openUnitInterval('epsilon', options.epsilon ?? SAMPLED_DISTANCES_DEFAULTS.epsilon);
  const delta = openUnitInterval('delta', options.delta ?? SAMPLED_DISTANCES_DEFAULTS.delta);
  const k = eppsteinWangSources(n, epsilon, delta);
  return k >= n ? undefined : k;
}

/** Breadth-first distances from s (dist must be −1 everywhere; the caller resets the reached nodes). */
function bfsDistances(s: number, adjacency: Adjacency, dist: Int32Array, order: Int32Array): number {
  const { offsets, targets } = adjacency;
  dist[s] = 0;
  order[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++]!;
    const next = dist[v]! + 1;
    const end = offsets[v + 1]!;
    for (let p = offsets[v]!; p < end; p++) {
      const w = targets[p]!;
      if (dist[w]! < 0) {
        dist[w] = next;
        order[tail++] = w;
      }
    }
  }
  return tail;
}

/** Per target v, in one interleaved array (one cache line per node): Σc, Σc·d, Σc·d², Σc/d, Σc/d². */
const SUMS = 5;

/** Beamer et al.'s switch points: bottom-up when frontier arcs > unexplored arcs / α and frontier ≥ n / β. */
const BOTTOM_UP_ALPHA = 14;
const BOTTOM_UP_BETA = 24;

/**
 * Searches on the graph as given (arcs, lengths 1/level when weighted) that add, for every node v
 * reached from s ≠ v, `count` draws of d(s, v) to the sums of v.
 */
function createDistanceSearch(context: MetricContext, weighted: boolean, sums: Float64Array) {
  const { n } = context;
  const order = new Int32Array(n);
  if (!weighted) {
    const dist = new Int32Array(n).fill(-1);
    const { offsets, targets } = context.out;
    const inward = context.in;
    const arcs = targets.length;
    return {
      order,
      steps: dist as Int32Array | undefined,
      shortest: 1,
      longest: 1,
      /**
       * Direction-optimizing breadth-first search (Beamer, Asanović & Patterson 2012): a level is grown
       * top-down (the frontier's arcs) or, once the frontier's arcs outnumber a 14th of the unexplored
       * ones, bottom-up (each unreached node looks for one in-neighbour in the frontier, and stops at
       * the first), which skips most arcs on the wide middle levels of small-world graphs. Each node
       * is found once either way, so the sums (added as nodes are found; a level shares d) are the same.
       */
      run(s: number, count: number): number {
        dist[s] = 0;
        order[0] = s;
        let from = 0;
        let to = 1;
        let level = 0;
        let frontierArcs = offsets[s + 1]! - offsets[s]!;
        let unexploredArcs = arcs - frontierArcs;
        while (from < to) {
          const next = level + 1;
          const byDistance = count * next;
          const bySquare = byDistance * next;
          const inverse = count / next;
          const inverseSquare = inverse / next;
          let tail = to;
          if (frontierArcs * BOTTOM_UP_ALPHA > unexploredArcs && (to - from) * BOTTOM_UP_BETA >= n) {
            for (let v = 0; v < n; v++) {
              if (dist[v]! >= 0) continue;
              const end = inward.offsets[v + 1]!;
              for (let p = inward.offsets[v]!; p < end; p++) {
                if (dist[inward.targets[p]!] !== level) continue;
                dist[v] = next;
                order[tail++] = v;
                const at = v * SUMS;
                sums[at]! += count;
                sums[at + 1]! += byDistance;
                sums[at + 2]! += bySquare;
                sums[at + 3]! += inverse;
                sums[at + 4]! += inverseSquare;
                break;
              }
            }
          } else {
            for (let k = from; k < to; k++) {
              const v = order[k]!;
              const end = offsets[v + 1]!;
              for (let p = offsets[v]!; p < end; p++) {
                const w = targets[p]!;
                if (dist[w]! >= 0) continue;
                dist[w] = next;
                order[tail++] = w;
                const at = w * SUMS;
                sums[at]! += count;
                sums[at + 1]! += byDistance;
                sums[at + 2]! += bySquare;
                sums[at + 3]! += inverse;
                sums[at + 4]! += inverseSquare;
              }
            }
          }
          frontierArcs = 0;
          for (let k = to; k < tail; k++) frontierArcs += offsets[order[k]! + 1]! - offsets[order[k]!]!;
          unexploredArcs -= frontierArcs;
          from = to;
          to = tail;
          level = next;
        }
        return to;
      },
      reset: (reached: number) => {
        for (let k = 0; k < reached; k++) dist[order[k]!] = -1;
      },
    };
  }
  const input = sweepInput(context, true, false);
  const lengths = input.outLengths!;
  const dist = new Float64Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const done = new Uint8Array(n);
  let shortest = Infinity;
  let longest = 0;
  for (const length of lengths) {
    if (length < shortest) shortest = length;
    if (length > longest) longest = length;
  }
  const queue = input.buckets ? new BucketQueue(longest, input.out.targets.length + 1) : undefined;
  const heap = queue ? undefined : new MinHeap(input.out.targets.length + 1);
  return {
    order,
    steps: undefined as Int32Array | undefined,
    shortest: shortest / input.scale,
    longest: longest / input.scale,
    run(s: number, count: number): number {
      const reached = queue
        ? dial(s, input.out, lengths, dist, sigma, order, queue, done)
        : dijkstra(s, input.out, lengths, dist, sigma, order, heap!, done);
      for (let j = 1; j < reached; j++) {
        const v = order[j]!;
        const d = dist[v]! / input.scale;
        const at = v * SUMS;
        sums[at]! += count;
        sums[at + 1]! += count * d;
        sums[at + 2]! += count * d * d;
        sums[at + 3]! += count / d;
        sums[at + 4]! += count / (d * d);
      }
      return reached;
    },
    reset: (reached: number) => {
      for (let k = 0; k < reached; k++) {
        const v = order[k]!;
        dist[v] = -1;
        sigma[v] = 0;
        done[v] = 0;
      }
    },
  };
}

/**
 * The estimates of the docblock, or undefined when k ≥ n (exact is cheaper then).
 * @throws ValidationError when ε or δ is not in (0, 1).
 */
export function sampledDistances(
  context: MetricContext,
  options: SampledDistancesOptions = {},
  run: RunOptions = {},
): SampledDistances | undefined {
  const k = plannedSources(context.n, options);
  if (k === undefined) return undefined;
  const epsilon = options.epsilon ?? SAMPLED_DISTANCES_DEFAULTS.epsilon;
  const delta = options.delta ?? SAMPLED_DISTANCES_DEFAULTS.delta;
  const weighted = options.weighted ?? false;
  const { n, und } = context;
  const { label, sizes } = componentLabels(context);
  const largest = sizes[0] ?? 0;

  // Draw k sources with replacement; each distinct one is searched once and counted as often as drawn.
  const random = createRandom(options.seed ?? SAMPLED_DISTANCES_DEFAULTS.seed);
  const drawn = new Int32Array(n);
  for (let i = 0; i < k; i++) drawn[random.below(n)]!++;

  const N = n / (n - 1);
  const sums = new Float64Array(n * SUMS);
  // Path length of L: per sampled source in L, its mean distance to the rest of L.
  let inLargest = 0;
  let pathSum = 0;
  let pathSquares = 0;
  // Diameter of L: lower = largest eccentricity seen; upper[v] ≥ ecc(v).
  let lower = 0;
  const upper = new Float64Array(n).fill(Infinity);
  let searches = 0;

  const search = createDistanceSearch(context, weighted, sums);
  // The undirected step distances of L; the same search when the graph is undirected and unweighted.
  const shared = !context.directed && !weighted;
  const stepDist = new Int32Array(n).fill(-1);
  const stepOrder = new Int32Array(n);

  /** Steps search from s over the undirected view: updates the diameter bounds, returns Σd. */
  const stepSearch = (s: number, dist: Int32Array, order: Int32Array, reached: number): number => {
    const eccentricity = dist[order[reached - 1]!]!;
    if (eccentricity > lower) lower = eccentricity;
    let total = 0;
    for (let j = 0; j < reached; j++) {
      const v = order[j]!;
      const d = dist[v]!;
      total += d;
      const bound = d + eccentricity;
      if (bound < upper[v]!) upper[v] = bound;
    }
    upper[s] = eccentricity;
    return total;
  };

  const every = Math.max(1, Math.floor(n / 100));
  for (let s = 0; s < n; s++) {
    if (s % every === 0) {
      throwIfAborted(run.signal);
      run.onProgress?.({ phase: 'distances (sampled)', done: s, total: n });
    }
    const count = drawn[s]!;
    if (count === 0) continue;
    searches++;
    const reached = search.run(s, count);
    if (label[s] === 0 && largest > 1) {
      let total: number;
      if (shared) {
        total = stepSearch(s, search.steps!, search.order, reached);
      } else {
        const stepReached = bfsDistances(s, und, stepDist, stepOrder);
        total = stepSearch(s, stepDist, stepOrder, stepReached);
        for (let j = 0; j < stepReached; j++) stepDist[stepOrder[j]!] = -1;
      }
      const mean = total / (largest - 1);
      inLargest += count;
      pathSum += count * mean;
      pathSquares += count * mean * mean;
    }
    search.reset(reached);
  }
  run.onProgress?.({ phase: 'distances (sampled)', done: n, total: n });

  // Diameter: searches from the node of L with the highest upper bound until the bounds meet.
  const highestUpper = (): [number, number] => {
    let best = -1;
    let value = -Infinity;
    for (let v = 0; v < n; v++) {
      if (label[v] === 0 && upper[v]! > value) {
        value = upper[v]!;
        best = v;
      }
    }
    return [best, value];
  };
  let [candidate, upperMax] = largest > 1 ? highestUpper() : [-1, 0];
  for (let i = 0; i < DIAMETER_REFINEMENTS && upperMax > lower; i++) {
    throwIfAborted(run.signal);
    const reached = bfsDistances(candidate, und, stepDist, stepOrder);
    stepSearch(candidate, stepDist, stepOrder, reached);
    for (let j = 0; j < reached; j++) stepDist[stepOrder[j]!] = -1;
    searches++;
    [candidate, upperMax] = highestUpper();
  }
  if (upperMax <= lower) upperMax = lower;

  // Average path length of L.
  let averagePathLength: number;
  let exactPathLength = false;
  let pathBound = 0;
  if (largest < 2) {
    averagePathLength = 0;
    exactPathLength = true;
  } else if (largest <= k || inLargest < 2) {
    // At most k searches: as cheap as the sample, and exact (the diameter with it).
    const exact = computePathLength(context);
    averagePathLength = exact.averagePathLength;
    exactPathLength = true;
    lower = upperMax = exact.diameter;
  } else {
    averagePathLength = pathSum / inLargest;
    pathBound = confidenceHalfWidth(upperMax - 1, pathSum, pathSquares, inLargest, delta);
  }

  // Closeness and harmonic closeness.
  const exactDiameter = upperMax === lower;
  const steps = context.directed
    ? Math.max(0, largest - 1)
    : Math.max(largest > 1 ? upperMax : 0, (sizes[1] ?? 1) - 1);
  const D = steps * search.longest;
  const closeness = new Float64Array(n);
  const harmonicValues = new Float64Array(n);
  let closenessBound = 0;
  let harmonicBound = 0;
  for (let v = 0; v < n; v++) {
    const at = v * SUMS;
    const reach = sums[at]!;
    const distance = sums[at + 1]!;
    const distanceSquares = sums[at + 2]!;
    const harmonic = sums[at + 3]!;
    const harmonicSquares = sums[at + 4]!;
    const R = (N * reach) / k;
    const A = (N * distance) / k;
    const estimate = A > 0 ? (R * R) / A : 0;
    closeness[v] = estimate;
    const hR = confidenceHalfWidth(N, N * reach, N * N * reach, k, delta / (2 * n));
    const hA = confidenceHalfWidth(N * D, N * distance, N * N * distanceSquares, k, delta / (2 * n));
    const rLow = Math.max(0, R - hR);
    const rHigh = Math.min(1, R + hR);
    const aLow = Math.max(0, A - hA);
    const aHigh = A + hA;
    const low = rLow > 0 && D > 0 ? Math.max(aHigh > 0 ? (rLow * rLow) / aHigh : 0, rLow / D) : 0;
    const high = Math.min(rHigh / search.shortest, aLow > 0 ? (rHigh * rHigh) / aLow : Infinity);
    closenessBound = Math.max(closenessBound, estimate - low, high - estimate);

    harmonicValues[v] = (N * harmonic) / k;
    const hH = confidenceHalfWidth(N / search.shortest, N * harmonic, N * N * harmonicSquares, k, delta / n);
    harmonicBound = Math.max(harmonicBound, hH);
  }

  const confidence = 1 - delta;
  const estimates: Record<string, MeasureEstimate> = {
    closeness: { method: 'eppstein-wang-2004', samples: k, confidence, errorBound: closenessBound },
    harmonicCloseness: { method: 'eppstein-wang-2004', samples: k, confidence, errorBound: harmonicBound },
  };
  if (!exactPathLength) {
    estimates['averagePathLength'] = {
      method: 'sampled-sources',
      samples: inLargest,
      confidence,
      errorBound: pathBound,
      lower: Math.max(1, averagePathLength - pathBound),
      upper: Math.min(upperMax, averagePathLength + pathBound),
    };
  }
  if (!exactDiameter) {
    estimates['diameter'] = {
      method: 'eccentricity-bounds',
      samples: searches,
      confidence: 1,
      lower,
      upper: upperMax,
    };
  }
  return {
    closeness,
    harmonic: harmonicValues,
    diameter: lower,
    averagePathLength,
    exactDiameter,
    exactPathLength,
    epsilon,
    estimates,
  };
}
