/**
 * Approximate betweenness by sampling shortest paths: Riondato & Kornaropoulos (2016), "Fast
 * approximation of betweenness centrality through sampling", Data Min. Knowl. Discov. 30(2).
 *
 * r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ ordered pairs (u, v), u ≠ v, are drawn uniformly (c = 0.5,
 * VD an upper bound of the vertex diameter: the most nodes on a shortest path); for each, one shortest
 * u→v path is drawn uniformly (walking back from v, each predecessor z of t chosen with probability
 * σ_uz/σ_ut) and each of its inner nodes gains 1/r. With probability ≥ 1 − δ every estimate is then
 * within ε of b(w) = Σ_{u≠v} σ_uv(w)/σ_uv / (n(n−1)) (their Theorem 2). Köprü reports betweenness
 * normalized by (n−1)(n−2) (NetworkX), which is b·n/(n−2): the bound on our scale is ε·n/(n−2).
 *
 * VD bound (their §5.1): in an undirected unweighted graph, 2·ecc(x) + 1 for any x of each component
 * (a BFS per component); otherwise (directed, or lengths 1/level) the size of the largest weakly
 * connected component, which no shortest path can exceed. When r ≥ n the exact sweep is cheaper and
 * is used instead (`samples` null in the result). Seeded: the same seed gives the same estimates.
 *
 * Each unweighted sample is one balanced bidirectional search (bidirectional-path-sample.ts, as in
 * KADABRA), which on small-world graphs visits about √n nodes instead of the whole graph; with tie
 * lengths 1/level, a Dijkstra from u. Both draw the path uniformly, so the bound above is unchanged.
 */
import type { MetricContext } from './context.js';
import type { MeasureEstimate } from './sampled-distances.js';
import { componentLabels } from './components.js';
import { openUnitInterval } from './options.js';
import { sweepInput } from './shortest-paths.js';
import { BucketQueue, dial, dijkstra, MinHeap } from './sweep-kernel.js';
import { createRandom, DEFAULT_SEED, type Random } from '../random.js';
import { createBidirectionalSampler } from './bidirectional-path-sample.js';
import type { RunOptions } from './parallel/run-options.js';
import { throwIfAborted } from './parallel/run-options.js';

export interface ApproximateBetweennessOptions {
  /** Largest error of every estimate, on Riondato–Kornaropoulos' scale (see above). Default 0.01. */
  epsilon?: number;
  /** Probability that some estimate misses by more than ε. Default 0.1. */
  delta?: number;
  /** Seed of the sampling. Default 42. */
  seed?: number;
  weighted?: boolean;
}

export const APPROXIMATE_DEFAULTS = { epsilon: 0.01, delta: 0.1, seed: DEFAULT_SEED } as const;

/** What the results say about an approximate value (DATA-FORMAT.md: `approximate`). */
export interface ApproximationInfo {
  /** The measures that are estimates. */
  measures: string[];
  method: 'riondato-kornaropoulos-2016';
  epsilon: number;
  delta: number;
  samples: number;
  seed: number;
  vertexDiameterBound: number;
  /** ε on the scale of the reported (NetworkX-normalized) betweenness: ε·n/(n−2). */
  errorBound: number;
  /**
   * Per estimated measure (every entry of `measures`): its method, sample size and bound
   * (sampled-distances.ts). The fields above describe betweenness and stay for compatibility.
   */
  estimates?: Record<string, MeasureEstimate>;
}

/** Riondato–Kornaropoulos sample size for a vertex-diameter bound `vd`. */
export function riondatoKornaropoulosSamples(vd: number, epsilon: number, delta: number): number {
  const log = vd > 3 ? Math.floor(Math.log2(vd - 2)) : 0;
  return Math.ceil((0.5 / (epsilon * epsilon)) * (log + 1 + Math.log(1 / delta)));
}

/** Upper bound of the vertex diameter (see the docblock). */
export function vertexDiameterBound(context: MetricContext, weighted: boolean): number {
  const { label, sizes } = componentLabels(context);
  if (context.directed || weighted) return sizes[0] ?? 0;
  const { n, und } = context;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const seen = new Uint8Array(sizes.length);
  let bound = n > 0 ? 1 : 0;
  for (let s = 0; s < n; s++) {
    if (seen[label[s]!]) continue;
    seen[label[s]!] = 1;
    dist[s] = 0;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let p = und.offsets[v]!; p < und.offsets[v + 1]!; p++) {
        const w = und.targets[p]!;
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          queue[tail++] = w;
        }
      }
    }
    bound = Math.max(bound, 2 * dist[queue[tail - 1]!]! + 1);
  }
  return bound;
}

export interface ApproximateBetweenness {
  /** NetworkX-normalized estimates, index order. */
  values: Float64Array;
  info: ApproximationInfo;
}

/** The sample size this graph would need; `undefined` when r ≥ n (exact is cheaper). */
export function plannedSamples(
  context: MetricContext,
  options: ApproximateBetweennessOptions = {},
): { samples: number; bound: number } | undefined {
  const epsilon = openUnitInterval('epsilon', options.epsilon ?? APPROXIMATE_DEFAULTS.epsilon);
  const delta = openUnitInterval('delta', options.delta ?? APPROXIMATE_DEFAULTS.delta);
  const bound = vertexDiameterBound(context, options.weighted ?? false);
  const samples = riondatoKornaropoulosSamples(bound, epsilon, delta);
  return samples >= context.n ? undefined : { samples, bound };
}

/**
 * Estimated betweenness with r sampled paths, or undefined when the exact sweep is cheaper.
 * @throws ValidationError when ε or δ is not in (0, 1).
 */
export function approximateBetweenness(
  context: MetricContext,
  options: ApproximateBetweennessOptions = {},
  run: RunOptions = {},
): ApproximateBetweenness | undefined {
  const planned = plannedSamples(context, options);
  if (!planned) return undefined;
  const epsilon = options.epsilon ?? APPROXIMATE_DEFAULTS.epsilon;
  const delta = options.delta ?? APPROXIMATE_DEFAULTS.delta;
  const seed = options.seed ?? APPROXIMATE_DEFAULTS.seed;
  const weighted = options.weighted ?? false;
  const { samples, bound } = planned;
  const { n } = context;
  const random = createRandom(seed);
  const estimate = new Float64Array(n);
  const share = 1 / samples;
  const every = Math.max(1, Math.floor(samples / 100));
  const draw = weighted ? weightedPathDrawer(context) : bidirectionalDrawer(context);
  const visit = (node: number): void => {
    estimate[node]! += share;
  };

  for (let i = 0; i < samples; i++) {
    if (i % every === 0) {
      throwIfAborted(run.signal);
      run.onProgress?.({ phase: 'betweenness (sampled)', done: i, total: samples });
    }
    const u = random.below(n);
    let v = random.below(n - 1);
    if (v >= u) v++;
    draw(u, v, random, visit);
  }
  run.onProgress?.({ phase: 'betweenness (sampled)', done: samples, total: samples });
  const scale = n > 2 ? n / (n - 2) : 0;
  for (let w = 0; w < n; w++) estimate[w]! *= scale;
  return {
    values: estimate,
    info: {
      measures: ['betweenness'],
      method: 'riondato-kornaropoulos-2016',
      epsilon,
      delta,
      samples,
      seed,
      vertexDiameterBound: bound,
      errorBound: epsilon * scale,
    },
  };
}

type PathDrawer = (u: number, v: number, random: Random, visit: (node: number) => void) => void;

/** Unweighted: one balanced bidirectional search per pair (bidirectional-path-sample.ts). */
function bidirectionalDrawer(context: MetricContext): PathDrawer {
  const sampler = createBidirectionalSampler(context.n, context.out, context.in);
  return (u, v, random, visit) => void sampler.sample(u, v, random, visit);
}

/**
 * Lengths 1/level: Dijkstra (Dial's buckets for integer lengths) from u over the whole graph, then one
 * shortest u→v path drawn by walking back from v (each predecessor z of t with probability σ_uz/σ_ut).
 */
function weightedPathDrawer(context: MetricContext): PathDrawer {
  const { n } = context;
  const input = sweepInput(context, true, false);
  const inward = input.in;
  const lengths = input.inLengths!;
  const sigma = new Float64Array(n);
  const order = new Int32Array(n);
  const dist = new Float64Array(n).fill(-1);
  const done = new Uint8Array(n);
  const queue = input.buckets
    ? new BucketQueue(
        input.outLengths!.reduce((a, b) => Math.max(a, b), 0),
        input.out.targets.length + 1,
      )
    : undefined;
  const heap = queue ? undefined : new MinHeap(input.out.targets.length + 1);
  return (u, v, random, visit) => {
    const reached = queue
      ? dial(u, input.out, input.outLengths!, dist, sigma, order, queue, done)
      : dijkstra(u, input.out, input.outLengths!, dist, sigma, order, heap!, done);
    if (dist[v]! > 0) {
      let t = v;
      while (t !== u) {
        const dt = dist[t]!;
        let pick = random.float() * sigma[t]!;
        let chosen = -1;
        for (let p = inward.offsets[t]!; p < inward.offsets[t + 1]!; p++) {
          const z = inward.targets[p]!;
          const dz = dist[z]!;
          if (dz < 0 || dz + lengths[p]! !== dt) continue;
          chosen = z;
          pick -= sigma[z]!;
          if (pick < 0) break;
        }
        if (chosen !== u) visit(chosen);
        t = chosen;
      }
    }
    for (let k = 0; k < reached; k++) {
      const x = order[k]!;
      dist[x] = -1;
      sigma[x] = 0;
      done[x] = 0;
    }
  };
}
