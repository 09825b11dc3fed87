/**
 * One shortest-path sweep over every source, shared by betweenness, closeness and harmonic closeness.
 *
 * Betweenness follows Brandes (2001), "A faster algorithm for betweenness centrality", J. Math. Sociol.
 * 25(2): a BFS (or Dijkstra when weighted) from each source counts shortest paths, then dependencies are
 * accumulated in reverse order of distance. The same search gives, for every node t, the distances from
 * all sources that reach it, which is what closeness (Freeman 1978; Wasserman & Faust 1994, p. 201 for
 * the correction) and harmonic closeness (Marchiori & Latora 2000) need in NetworkX's convention: in a
 * directed graph they use incoming distances, d(s → t).
 *
 * Path counts are Float64: on lattice-like graphs they exceed 2^31 quickly (LIBRARY-NOTES.md), and a
 * double holds integers exactly up to 2^53 and degrades gracefully beyond.
 *
 * Weighted: a tie's length is 1/level (Newman 2001; Opsahl, Agneessens & Skvoretz 2010 with α = 1), so
 * a path through two integrated partnerships (level 4) is shorter than one information-sharing tie.
 * With integer levels we compute with lengths L/level, L the least common multiple of the levels present
 * (12 for 1–4), which are integers: sums are then exact and equal-length paths are recognized exactly,
 * where floating-point sums can tell 1/4 + 1/3 + 1/3 from 1/3 + 1/3 + 1/4 and drop one of the paths
 * (the weighted-float-ties fixture). Distances are divided by L at the end. Integer lengths also allow
 * Dial's (1969) bucket queue instead of a heap. Non-integer levels fall back to a heap and lengths
 * 1/level in floating point, with NetworkX's exact-equality behaviour.
 */
import type { Adjacency, MetricContext } from './context.js';

export interface PathSweep {
  /** Brandes betweenness, normalized by 1/((n−1)(n−2)) over ordered pairs (0 when n ≤ 2). */
  betweenness: Float64Array;
  /** Wasserman–Faust closeness over incoming distances (NetworkX `closeness_centrality`). */
  closeness: Float64Array;
  /** Σ 1/d(s, t) over sources s ≠ t that reach t; not normalized. */
  harmonic: Float64Array;
  /** Per source s: the largest d(s, t) over the nodes it reaches (its eccentricity within its component). */
  eccentricity: Float64Array;
  /** Per source s: Σ d(s, t) over the nodes it reaches. */
  outgoingDistanceSum: Float64Array;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Largest scale kept: distance sums (≤ n² × scale) then stay exact in a double up to ~90 000 nodes. */
const MAX_SCALE = 2 ** 20;

/**
 * The factor L such that L/level is an integer for every level present, or 0 when there is none
 * (non-integer levels, or an LCM too large to keep sums exact).
 */
export function lengthScale(levels: Float64Array): number {
  let scale = 1;
  const seen = new Set<number>();
  for (const level of levels) {
    if (seen.has(level)) continue;
    seen.add(level);
    if (!Number.isInteger(level)) return 0;
    scale = (scale / gcd(scale, level)) * level;
    if (scale > MAX_SCALE) return 0;
  }
  return scale;
}

function lengthsOf(adjacency: Adjacency, scale: number): Float64Array {
  const lengths = new Float64Array(adjacency.levels.length);
  for (let p = 0; p < lengths.length; p++) {
    lengths[p] = scale > 0 ? scale / adjacency.levels[p]! : 1 / adjacency.levels[p]!;
  }
  return lengths;
}

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped when popped. */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(1, capacity));
    this.nodes = new Int32Array(Math.max(1, capacity));
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Removes the minimum and returns its node; the caller reads the key first with `peekKey`. */
  pop(): number {
    const top = this.nodes[0]!;
    const key = this.keys[--this.size]!;
    const node = this.nodes[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.keys[i] = this.keys[child]!;
      this.nodes[i] = this.nodes[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }

  peekKey(): number {
    return this.keys[0]!;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const nodes = new Int32Array(this.nodes.length * 2);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}

/** Longest integer length for which the bucket queue is used (karate's weights 1–7 give 420). */
const MAX_BUCKETS = 4096;

/**
 * Dial's (1969) bucket queue for integer lengths 1…C: tentative distances always lie in [d, d + C],
 * so C + 1 circular buckets of singly linked entries hold them, and popping is a scan to the next
 * non-empty bucket. Entries are never removed early: stale ones are skipped when their bucket is read.
 */
class BucketQueue {
  readonly span: number;
  readonly head: Int32Array;
  private next: Int32Array;
  private node: Int32Array;
  private key: Float64Array;
  private used = 0;

  constructor(longest: number, capacity: number) {
    this.span = longest + 1;
    this.head = new Int32Array(this.span).fill(-1);
    this.next = new Int32Array(Math.max(1, capacity));
    this.node = new Int32Array(Math.max(1, capacity));
    this.key = new Float64Array(Math.max(1, capacity));
  }

  reset(): void {
    this.head.fill(-1);
    this.used = 0;
  }

  push(key: number, node: number): void {
    if (this.used === this.node.length) this.grow();
    const bucket = key % this.span;
    const entry = this.used++;
    this.node[entry] = node;
    this.key[entry] = key;
    this.next[entry] = this.head[bucket]!;
    this.head[bucket] = entry;
  }

  /** Takes the whole list of bucket `key mod span` (all its entries have that key) and returns its first entry. */
  take(key: number): number {
    const bucket = key % this.span;
    const first = this.head[bucket]!;
    this.head[bucket] = -1;
    return first;
  }

  entryNode(entry: number): number {
    return this.node[entry]!;
  }

  entryKey(entry: number): number {
    return this.key[entry]!;
  }

  entryNext(entry: number): number {
    return this.next[entry]!;
  }

  private grow(): void {
    const size = this.node.length * 2;
    const next = new Int32Array(size);
    const node = new Int32Array(size);
    const key = new Float64Array(size);
    next.set(this.next);
    node.set(this.node);
    key.set(this.key);
    this.next = next;
    this.node = node;
    this.key = key;
  }
}

/**
 * Runs the sweep on the graph as given (arcs in directed mode), unweighted or with lengths 1/level.
 * Memoized per context: betweenness, closeness and harmonic closeness share one run.
 */
export function shortestPathSweep(context: MetricContext, weighted: boolean): PathSweep {
  return context.memo(sweepKey(weighted), () => sweep(context, weighted));
}

/** The sweep if it already ran on this context (lets a cheaper consumer reuse it but not trigger it). */
export function cachedShortestPathSweep(context: MetricContext, weighted: boolean): PathSweep | undefined {
  return context.cached(sweepKey(weighted));
}

function sweepKey(weighted: boolean): string {
  return `shortest-paths:${weighted ? 'weighted' : 'binary'}`;
}

/** Per-run accumulators; allocated once so the per-source functions stay monomorphic and hot. */
interface Accumulators {
  betweenness: Float64Array;
  distanceSum: Float64Array;
  reachedBy: Float64Array;
  harmonic: Float64Array;
  eccentricity: Float64Array;
  outgoingDistanceSum: Float64Array;
}

function sweep(context: MetricContext, weighted: boolean): PathSweep {
  const { n, out } = context;
  const inward = context.in;
  const totals: Accumulators = {
    betweenness: new Float64Array(n),
    distanceSum: new Float64Array(n),
    reachedBy: new Float64Array(n),
    harmonic: new Float64Array(n),
    eccentricity: new Float64Array(n),
    outgoingDistanceSum: new Float64Array(n),
  };
  const closeness = new Float64Array(n);
  const dist = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);

  if (weighted) {
    const found = lengthScale(out.levels);
    const outLengths = lengthsOf(out, found);
    const inLengths = inward === out ? outLengths : lengthsOf(inward, found);
    const scale = found === 0 ? 1 : found;
    const done = new Uint8Array(n);
    // Integer lengths up to 12 (levels 1–4): a bucket queue beats a heap several times over.
    const longest = outLengths.reduce((max, length) => Math.max(max, length), 0);
    const buckets =
      found > 0 && longest <= MAX_BUCKETS ? new BucketQueue(longest, out.targets.length + 1) : undefined;
    const heap = buckets ? undefined : new MinHeap(out.targets.length + 1);
    for (let s = 0; s < n; s++) {
      const reached = buckets
        ? dial(s, out, outLengths, dist, sigma, order, buckets, done)
        : dijkstra(s, out, outLengths, dist, sigma, order, heap!, done);
      accumulate(s, reached, inward, inLengths, scale, dist, sigma, delta, order, totals);
    }
    finish(n, scale, totals, closeness);
  } else {
    for (let s = 0; s < n; s++) {
      const reached = bfs(s, out, dist, sigma, order);
      accumulate(s, reached, inward, undefined, 1, dist, sigma, delta, order, totals);
    }
    finish(n, 1, totals, closeness);
  }
  const { betweenness, harmonic, eccentricity, outgoingDistanceSum } = totals;
  return { betweenness, closeness, harmonic, eccentricity, outgoingDistanceSum };
}

/**
 * Dependencies of one source, farthest node first (Brandes 2001, Theorem 6), plus the distance sums of
 * closeness and harmonic closeness. Predecessors of w are its in-neighbours v with
 * dist(v) + len(v, w) = dist(w), read from the reversed adjacency rather than stored in lists.
 * `lengths` undefined means every tie has length 1.
 */
function accumulate(
  s: number,
  reached: number,
  inward: Adjacency,
  lengths: Float64Array | undefined,
  scale: number,
  dist: Float64Array,
  sigma: Float64Array,
  delta: Float64Array,
  order: Int32Array,
  totals: Accumulators,
): void {
  const { offsets, targets } = inward;
  const { betweenness, distanceSum, reachedBy, harmonic } = totals;
  delta.fill(0);
  let fromSource = 0;
  for (let k = reached - 1; k > 0; k--) {
    const w = order[k]!;
    const coefficient = (1 + delta[w]!) / sigma[w]!;
    const dw = dist[w]!;
    const end = offsets[w + 1]!;
    if (lengths === undefined) {
      // Unreached nodes have dist −1, never dw − 1 ≥ 0.
      const previous = dw - 1;
      for (let p = offsets[w]!; p < end; p++) {
        const v = targets[p]!;
        if (dist[v] === previous) delta[v]! += sigma[v]! * coefficient;
      }
    } else {
      for (let p = offsets[w]!; p < end; p++) {
        const v = targets[p]!;
        const dv = dist[v]!;
        if (dv >= 0 && dv + lengths[p]! === dw) delta[v]! += sigma[v]! * coefficient;
      }
    }
    betweenness[w]! += delta[w]!;
    distanceSum[w]! += dw;
    reachedBy[w]!++;
    harmonic[w]! += scale / dw;
    fromSource += dw;
  }
  totals.eccentricity[s] = dist[order[reached - 1]!]! / scale;
  totals.outgoingDistanceSum[s] = fromSource / scale;
}

function finish(n: number, scale: number, totals: Accumulators, closeness: Float64Array): void {
  const { betweenness, distanceSum, reachedBy } = totals;
  for (let t = 0; t < n; t++) {
    const total = distanceSum[t]! / scale;
    const r = reachedBy[t]!;
    // Wasserman–Faust: (r/Σd) scaled by the share r/(n−1) of the graph that reaches t.
    if (total > 0 && n > 1) closeness[t] = (r / total) * (r / (n - 1));
  }
  const normalizer = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  for (let v = 0; v < n; v++) betweenness[v]! *= normalizer;
}

/** Unweighted single-source search; fills dist, sigma and the visit order, returns how many were reached. */
function bfs(
  s: number,
  adjacency: Adjacency,
  dist: Float64Array,
  sigma: Float64Array,
  order: Int32Array,
): number {
  const { offsets, targets } = adjacency;
  dist.fill(-1);
  sigma.fill(0);
  dist[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++]!;
    const next = dist[v]! + 1;
    const sv = sigma[v]!;
    const end = offsets[v + 1]!;
    for (let p = offsets[v]!; p < end; p++) {
      const w = targets[p]!;
      if (dist[w]! < 0) {
        dist[w] = next;
        order[tail++] = w;
      }
      if (dist[w] === next) sigma[w]! += sv;
    }
  }
  return tail;
}

/**
 * Dijkstra's single-source search with path counting on Dial's bucket queue (integer lengths ≥ 1);
 * same contract as `bfs`. Nodes settle in order of distance, and every predecessor of a node (shorter
 * by at least 1) has settled before it, so its path count is complete when it settles.
 */
function dial(
  s: number,
  adjacency: Adjacency,
  lengths: Float64Array,
  dist: Float64Array,
  sigma: Float64Array,
  order: Int32Array,
  queue: BucketQueue,
  done: Uint8Array,
): number {
  const { offsets, targets } = adjacency;
  dist.fill(-1);
  sigma.fill(0);
  done.fill(0);
  queue.reset();
  let settled = 0;
  let pending = 1;
  dist[s] = 0;
  sigma[s] = 1;
  queue.push(0, s);
  for (let d = 0; pending > 0; d++) {
    // Entries added while this bucket is processed are longer by ≥ 1: they land in other buckets.
    for (let entry = queue.take(d); entry >= 0; entry = queue.entryNext(entry)) {
      pending--;
      const v = queue.entryNode(entry);
      if (done[v] || queue.entryKey(entry) > dist[v]!) continue;
      done[v] = 1;
      order[settled++] = v;
      const sv = sigma[v]!;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const w = targets[p]!;
        if (done[w]) continue;
        const candidate = d + lengths[p]!;
        const current = dist[w]!;
        if (current < 0 || candidate < current) {
          dist[w] = candidate;
          sigma[w] = sv;
          queue.push(candidate, w);
          pending++;
        } else if (candidate === current) {
          sigma[w]! += sv;
        }
      }
    }
  }
  return settled;
}

/** Dijkstra's single-source search with path counting on a binary heap (any positive lengths). */
function dijkstra(
  s: number,
  adjacency: Adjacency,
  lengths: Float64Array,
  dist: Float64Array,
  sigma: Float64Array,
  order: Int32Array,
  heap: MinHeap,
  done: Uint8Array,
): number {
  const { offsets, targets } = adjacency;
  dist.fill(-1);
  sigma.fill(0);
  done.fill(0);
  let settled = 0;
  heap.size = 0;
  dist[s] = 0;
  sigma[s] = 1;
  heap.push(0, s);
  while (heap.size > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (done[v] || d > dist[v]!) continue;
    done[v] = 1;
    order[settled++] = v;
    const sv = sigma[v]!;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const w = targets[p]!;
      if (done[w]) continue;
      const candidate = d + lengths[p]!;
      const current = dist[w]!;
      if (current < 0 || candidate < current) {
        dist[w] = candidate;
        sigma[w] = sv;
        heap.push(candidate, w);
      } else if (candidate === current) {
        sigma[w]! += sv;
      }
    }
  }
  // Every node given a distance was pushed, hence popped and settled: the accumulation can trust dist ≥ 0.
  return settled;
}
