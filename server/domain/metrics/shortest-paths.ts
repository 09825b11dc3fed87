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
 *
 * Sources are cut into consecutive chunks (`sweepChunks`, a function of n only); each chunk's sums
 * start from zero and the chunks are added in chunk order. The single-thread path here and the worker
 * threads of parallel/ therefore give bit-identical results, whatever the number of threads.
 */
import type { Adjacency, MetricContext } from './context.js';
import { createSweeper, MAX_BUCKETS, type SweepInput, type SweepPartial } from './sweep-kernel.js';

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

/**
 * Runs the sweep on the graph as given (arcs in directed mode), unweighted or with lengths 1/level.
 * Memoized per context: betweenness, closeness and harmonic closeness share one run (on this thread;
 * parallel/sweep-pool.ts fills the same memo from worker threads).
 */
export function shortestPathSweep(context: MetricContext, weighted: boolean, dependencies = true): PathSweep {
  return context.memo(sweepKey(weighted, dependencies), () => {
    const input = sweepInput(context, weighted, dependencies);
    const sweeper = createSweeper(input);
    const merger = createSweepMerger(input);
    for (const [from, to] of sweepChunks(input.n)) merger.add(sweeper.run(from, to));
    return merger.finish();
  });
}

/**
 * For closeness and harmonic closeness, which need distances only: a sweep already run (with or
 * without dependencies), else the full one (so that betweenness computed next reuses it).
 */
export function distanceSweep(context: MetricContext, weighted: boolean): PathSweep {
  return context.cached(sweepKey(weighted, false)) ?? shortestPathSweep(context, weighted);
}

/** The sweep if it already ran on this context (lets a cheaper consumer reuse it but not trigger it). */
export function cachedShortestPathSweep(context: MetricContext, weighted: boolean): PathSweep | undefined {
  return context.cached(sweepKey(weighted)) ?? context.cached(sweepKey(weighted, false));
}

export function sweepKey(weighted: boolean, dependencies = true): string {
  return `shortest-paths:${weighted ? 'weighted' : 'binary'}${dependencies ? '' : ':distances'}`;
}

/** The typed arrays a sweeper needs (and a worker receives). */
export function sweepInput(context: MetricContext, weighted: boolean, dependencies = true): SweepInput {
  const { n, out } = context;
  const inward = context.in;
  if (!weighted) return { n, out, in: inward, scale: 1, buckets: false, dependencies };
  const found = lengthScale(out.levels);
  const outLengths = lengthsOf(out, found);
  const inLengths = inward === out ? outLengths : lengthsOf(inward, found);
  let longest = 0;
  for (const length of outLengths) if (length > longest) longest = length;
  return {
    n,
    out,
    in: inward,
    outLengths,
    inLengths,
    scale: found === 0 ? 1 : found,
    // Integer lengths up to 12 (levels 1–4): a bucket queue beats a heap several times over.
    buckets: found > 0 && longest <= MAX_BUCKETS,
    dependencies,
  };
}

/** Sources per chunk; small graphs are one chunk (no partial arrays to add). */
const CHUNK_SOURCES = 512;
const MAX_CHUNKS = 64;

/** The source ranges [from, to) of the sweep, in merge order. Depends on n only. */
export function sweepChunks(n: number): [number, number][] {
  const count = Math.max(1, Math.min(MAX_CHUNKS, Math.ceil(n / CHUNK_SOURCES)));
  const chunks: [number, number][] = [];
  for (let c = 0; c < count; c++)
    chunks.push([Math.floor((c * n) / count), Math.floor(((c + 1) * n) / count)]);
  return chunks;
}

export interface SweepMerger {
  /** Adds one chunk's partial; chunks may arrive in any order, they are added in chunk order. */
  add(partial: SweepPartial): void;
  /** The sweep, once every chunk was added. */
  finish(): PathSweep;
}

export function createSweepMerger(input: SweepInput): SweepMerger {
  const { n, scale } = input;
  const chunks = sweepChunks(n);
  const waiting = new Map<number, SweepPartial>();
  const totals = {
    betweenness: new Float64Array(n),
    distanceSum: new Float64Array(n),
    reachedBy: new Float64Array(n),
    harmonic: new Float64Array(n),
  };
  const eccentricity = new Float64Array(n);
  const outgoingDistanceSum = new Float64Array(n);
  let next = 0;
  const addInOrder = (partial: SweepPartial): void => {
    for (const key of ['betweenness', 'distanceSum', 'reachedBy', 'harmonic'] as const) {
      const total = totals[key];
      const part = partial[key];
      for (let v = 0; v < n; v++) total[v]! += part[v]!;
    }
    for (let s = partial.from; s < partial.to; s++) {
      eccentricity[s] = partial.eccentricity[s - partial.from]! / scale;
      outgoingDistanceSum[s] = partial.outgoingDistanceSum[s - partial.from]! / scale;
    }
  };
  return {
    add(partial) {
      waiting.set(partial.from, partial);
      while (next < chunks.length && waiting.has(chunks[next]![0])) {
        const ready = waiting.get(chunks[next]![0])!;
        waiting.delete(chunks[next]![0]);
        addInOrder(ready);
        next++;
      }
    },
    finish() {
      if (next < chunks.length) throw new Error(`sweep incomplete: ${next} of ${chunks.length} chunks`);
      const closeness = new Float64Array(n);
      const { betweenness, distanceSum, reachedBy, harmonic } = totals;
      for (let t = 0; t < n; t++) {
        const total = distanceSum[t]! / scale;
        const r = reachedBy[t]!;
        // Wasserman–Faust: (r/Σd) scaled by the share r/(n−1) of the graph that reaches t.
        if (total > 0 && n > 1) closeness[t] = (r / total) * (r / (n - 1));
      }
      const normalizer = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
      for (let v = 0; v < n; v++) betweenness[v]! *= normalizer;
      return { betweenness, closeness, harmonic, eccentricity, outgoingDistanceSum };
    },
  };
}
