/**
 * The per-source work of the shortest-path sweep (Brandes 2001; see shortest-paths.ts for the
 * conventions), on plain typed arrays only so that the same code runs on the main thread and in the
 * worker threads of parallel/ (nothing here touches the graph object or the context).
 *
 * A sweeper owns its scratch arrays (distances, path counts, dependencies, visit order) and resets
 * only the entries a search reached, so a source costs O(reached nodes + arcs), not O(n) on top.
 * Its partial sums cover a range of sources; shortest-paths.ts adds the partials of consecutive
 * ranges in a fixed order, which makes the result independent of how many threads computed them.
 */
import type { Adjacency } from './context.js';

/** What a sweeper needs: the arcs, their lengths, and the scale of integer lengths (see shortest-paths.ts). */
export interface SweepInput {
  n: number;
  out: Adjacency;
  /** Reversed arcs (the same object as `out` when undirected). */
  in: Adjacency;
  /** Lengths of `out` / `in` entries; undefined: every tie has length 1 (breadth-first search). */
  outLengths?: Float64Array | undefined;
  inLengths?: Float64Array | undefined;
  /** Distances are divided by this at the end (1 when unweighted or floating-point lengths). */
  scale: number;
  /** True when lengths are integers ≤ MAX_BUCKETS (Dial's bucket queue); false: binary heap. */
  buckets: boolean;
  /**
   * False: distances only (closeness, harmonic closeness, eccentricities), betweenness stays 0 — half
   * the work, for when betweenness is estimated by sampling instead (approximate-betweenness.ts).
   */
  dependencies: boolean;
}

/** Sums over the sources of one range. Per-target arrays have n entries; per-source arrays one per source of the range. */
export interface SweepPartial {
  from: number;
  to: number;
  betweenness: Float64Array;
  distanceSum: Float64Array;
  reachedBy: Float64Array;
  harmonic: Float64Array;
  /** eccentricity[s − from], in scaled units. */
  eccentricity: Float64Array;
  /** outgoingDistanceSum[s − from], in scaled units. */
  outgoingDistanceSum: Float64Array;
}

/** Longest integer length for which the bucket queue is used (karate's weights 1–7 give 420). */
export const MAX_BUCKETS = 4096;

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped when popped. */
export class MinHeap {
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

/**
 * Dial's (1969) bucket queue for integer lengths 1…C: tentative distances always lie in [d, d + C],
 * so C + 1 circular buckets of singly linked entries hold them, and popping is a scan to the next
 * non-empty bucket. Entries are never removed early: stale ones are skipped when their bucket is read.
 */
export class BucketQueue {
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

export interface Sweeper {
  /** Runs sources from…to−1 and returns their partial sums (fresh arrays: they may be transferred). */
  run(from: number, to: number): SweepPartial;
}

export function createSweeper(input: SweepInput): Sweeper {
  const { n, out, scale, dependencies } = input;
  const inward = input.in;
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  if (input.outLengths === undefined) {
    const dist = new Int32Array(n).fill(-1);
    return {
      run(from, to) {
        const partial = emptyPartial(n, from, to);
        for (let s = from; s < to; s++) {
          const reached = bfs(s, out, dist, sigma, order);
          accumulateSteps(s, reached, inward, dist, sigma, delta, order, dependencies, partial);
        }
        return partial;
      },
    };
  }
  const outLengths = input.outLengths;
  const inLengths = input.inLengths ?? outLengths;
  const dist = new Float64Array(n).fill(-1);
  const done = new Uint8Array(n);
  let longest = 0;
  for (const length of outLengths) if (length > longest) longest = length;
  const queue = input.buckets ? new BucketQueue(longest, out.targets.length + 1) : undefined;
  const heap = queue ? undefined : new MinHeap(out.targets.length + 1);
  return {
    run(from, to) {
      const partial = emptyPartial(n, from, to);
      for (let s = from; s < to; s++) {
        const reached = queue
          ? dial(s, out, outLengths, dist, sigma, order, queue, done)
          : dijkstra(s, out, outLengths, dist, sigma, order, heap!, done);
        accumulateLengths(
          s,
          reached,
          inward,
          inLengths,
          scale,
          dist,
          sigma,
          delta,
          order,
          done,
          dependencies,
          partial,
        );
      }
      return partial;
    },
  };
}

function emptyPartial(n: number, from: number, to: number): SweepPartial {
  return {
    from,
    to,
    betweenness: new Float64Array(n),
    distanceSum: new Float64Array(n),
    reachedBy: new Float64Array(n),
    harmonic: new Float64Array(n),
    eccentricity: new Float64Array(to - from),
    outgoingDistanceSum: new Float64Array(to - from),
  };
}

/**
 * Unweighted single-source search; fills dist, sigma and the visit order, returns how many were
 * reached. Expects dist = −1 and sigma = 0 everywhere (the accumulation restores that).
 */
export function bfs(
  s: number,
  adjacency: Adjacency,
  dist: Int32Array,
  sigma: Float64Array,
  order: Int32Array,
): number {
  const { offsets, targets } = adjacency;
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
      const dw = dist[w]!;
      if (dw < 0) {
        dist[w] = next;
        order[tail++] = w;
        sigma[w]! += sv;
      } else if (dw === next) {
        sigma[w]! += sv;
      }
    }
  }
  return tail;
}

/**
 * Dependencies of one source, farthest node first (Brandes 2001, Theorem 6), plus the distance sums of
 * closeness and harmonic closeness. Predecessors of w are its in-neighbours v with
 * dist(v) = dist(w) − 1, read from the reversed adjacency rather than stored in lists. Then resets
 * dist, sigma and delta of the reached nodes.
 */
function accumulateSteps(
  s: number,
  reached: number,
  inward: Adjacency,
  dist: Int32Array,
  sigma: Float64Array,
  delta: Float64Array,
  order: Int32Array,
  dependencies: boolean,
  partial: SweepPartial,
): void {
  const { offsets, targets } = inward;
  const { betweenness, distanceSum, reachedBy, harmonic } = partial;
  let fromSource = 0;
  for (let k = reached - 1; k > 0; k--) {
    const w = order[k]!;
    const coefficient = (1 + delta[w]!) / sigma[w]!;
    const dw = dist[w]!;
    const end = offsets[w + 1]!;
    // Unreached nodes have dist −1, never dw − 1 ≥ 0.
    const previous = dw - 1;
    if (dependencies) {
      for (let p = offsets[w]!; p < end; p++) {
        const v = targets[p]!;
        if (dist[v] === previous) delta[v]! += sigma[v]! * coefficient;
      }
    }
    betweenness[w]! += delta[w]!;
    distanceSum[w]! += dw;
    reachedBy[w]!++;
    harmonic[w]! += 1 / dw;
    fromSource += dw;
  }
  partial.eccentricity[s - partial.from] = dist[order[reached - 1]!]!;
  partial.outgoingDistanceSum[s - partial.from] = fromSource;
  for (let k = 0; k < reached; k++) {
    const v = order[k]!;
    dist[v] = -1;
    sigma[v] = 0;
    delta[v] = 0;
  }
}

/** `accumulateSteps` with tie lengths (dist(v) + len(v, w) = dist(w)); also clears `done`. */
function accumulateLengths(
  s: number,
  reached: number,
  inward: Adjacency,
  lengths: Float64Array,
  scale: number,
  dist: Float64Array,
  sigma: Float64Array,
  delta: Float64Array,
  order: Int32Array,
  done: Uint8Array,
  dependencies: boolean,
  partial: SweepPartial,
): void {
  const { offsets, targets } = inward;
  const { betweenness, distanceSum, reachedBy, harmonic } = partial;
  let fromSource = 0;
  for (let k = reached - 1; k > 0; k--) {
    const w = order[k]!;
    const coefficient = (1 + delta[w]!) / sigma[w]!;
    const dw = dist[w]!;
    const end = offsets[w + 1]!;
    if (dependencies) {
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
  partial.eccentricity[s - partial.from] = dist[order[reached - 1]!]!;
  partial.outgoingDistanceSum[s - partial.from] = fromSource;
  for (let k = 0; k < reached; k++) {
    const v = order[k]!;
    dist[v] = -1;
    sigma[v] = 0;
    delta[v] = 0;
    done[v] = 0;
  }
}

/**
 * Dijkstra's single-source search with path counting on Dial's bucket queue (integer lengths ≥ 1);
 * same contract as `bfs`. Nodes settle in order of distance, and every predecessor of a node (shorter
 * by at least 1) has settled before it, so its path count is complete when it settles.
 */
export function dial(
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
export function dijkstra(
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
