/**
 * One uniformly drawn shortest s→t path by balanced bidirectional breadth-first search, the sampling
 * step of KADABRA (Borassi & Natale 2019, "KADABRA is an ADaptive Algorithm for Betweenness via Random
 * Approximation", ACM J. Exp. Algorithmics 24, §5.1): the search grows whichever side has the smaller
 * frontier (by degree sum), level by level, and stops as soon as an arc joins the two frontiers. On
 * small-world graphs each side then sees about √n nodes instead of the whole graph, which is what
 * makes tens of thousands of samples cheap (approximate-betweenness.ts). Unweighted graphs only.
 *
 * Why the draw is uniform: while no arc joins the s-ball of radius ls to the t-ball of radius lt,
 * d(s, t) > ls + lt. When the side s grows level ls and meets the t frontier, d = ls + 1 + lt, and every
 * shortest path crosses exactly one arc x → y with d(s, x) = ls and d(y, t) = lt; there are
 * σ_s(x)·σ_t(y) paths through it. Drawing the arc with that weight, then walking back from x to s
 * (each predecessor z with probability σ_s(z)/σ_s(x)) and on from y to t (likewise with σ_t), draws
 * each of the σ_st paths with probability 1/σ_st.
 */
import type { Adjacency } from './context.js';
import type { Random } from '../random.js';

export interface BidirectionalSampler {
  /**
   * Draws one shortest s→t path (s ≠ t) and calls `visit` for each of its inner nodes; returns false
   * when t is not reachable from s.
   */
  sample(s: number, t: number, random: Random, visit: (node: number) => void): boolean;
}

/** `out` holds the arcs, `inward` the reversed arcs (the same object when undirected). */
export function createBidirectionalSampler(
  n: number,
  out: Adjacency,
  inward: Adjacency,
): BidirectionalSampler {
  const distS = new Int32Array(n).fill(-1);
  const distT = new Int32Array(n).fill(-1);
  const sigmaS = new Float64Array(n);
  const sigmaT = new Float64Array(n);
  // Visit order of each side; a level is a contiguous slice of it.
  const orderS = new Int32Array(n);
  const orderT = new Int32Array(n);

  const reset = (tailS: number, tailT: number): void => {
    for (let k = 0; k < tailS; k++) {
      distS[orderS[k]!] = -1;
      sigmaS[orderS[k]!] = 0;
    }
    for (let k = 0; k < tailT; k++) {
      distT[orderT[k]!] = -1;
      sigmaT[orderT[k]!] = 0;
    }
  };

  /** Grows one level of a side; returns the new tail. */
  const grow = (
    adjacency: Adjacency,
    dist: Int32Array,
    sigma: Float64Array,
    order: Int32Array,
    from: number,
    to: number,
  ): number => {
    const { offsets, targets } = adjacency;
    let tail = to;
    for (let k = from; k < to; k++) {
      const v = order[k]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const w = targets[p]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = next;
          order[tail++] = w;
          sigma[w] = sv;
        } else if (dw === next) {
          sigma[w]! += sv;
        }
      }
    }
    return tail;
  };

  const degreeSum = (adjacency: Adjacency, order: Int32Array, from: number, to: number): number => {
    let sum = 0;
    for (let k = from; k < to; k++) sum += adjacency.offsets[order[k]! + 1]! - adjacency.offsets[order[k]!]!;
    return sum;
  };

  /** Σ σ_s(x)·σ_t(y) over arcs x → y from the s frontier [from, to) into the t frontier (distT = lt). */
  const crossing = (from: number, to: number, lt: number, pick: number): number[] | number => {
    let total = 0;
    for (let k = from; k < to; k++) {
      const x = orderS[k]!;
      for (let p = out.offsets[x]!; p < out.offsets[x + 1]!; p++) {
        const y = out.targets[p]!;
        if (distT[y] !== lt) continue;
        total += sigmaS[x]! * sigmaT[y]!;
        if (pick >= 0 && total > pick) return [x, y];
      }
    }
    return total;
  };

  /** Walks from `node` down to distance 0 along `adjacency` (predecessors), drawing by σ. */
  const walk = (
    node: number,
    adjacency: Adjacency,
    dist: Int32Array,
    sigma: Float64Array,
    random: Random,
    visit: (node: number) => void,
  ): void => {
    let v = node;
    while (dist[v]! > 0) {
      visit(v);
      const previous = dist[v]! - 1;
      let pick = random.float() * sigma[v]!;
      let chosen = -1;
      for (let p = adjacency.offsets[v]!; p < adjacency.offsets[v + 1]!; p++) {
        const z = adjacency.targets[p]!;
        if (dist[z] !== previous) continue;
        chosen = z;
        pick -= sigma[z]!;
        if (pick < 0) break;
      }
      v = chosen;
    }
  };

  return {
    sample(s, t, random, visit) {
      distS[s] = 0;
      sigmaS[s] = 1;
      orderS[0] = s;
      distT[t] = 0;
      sigmaT[t] = 1;
      orderT[0] = t;
      // Current frontier of each side: [fromX, tailX), at distance lX.
      let fromS = 0;
      let tailS = 1;
      let ls = 0;
      let fromT = 0;
      let tailT = 1;
      let lt = 0;
      let degS = out.offsets[s + 1]! - out.offsets[s]!;
      let degT = inward.offsets[t + 1]! - inward.offsets[t]!;
      for (;;) {
        if (fromS === tailS || fromT === tailT) {
          reset(tailS, tailT);
          return false;
        }
        if (degS <= degT) {
          // Does the s frontier touch the t frontier? Then d(s, t) = ls + 1 + lt.
          const total = crossing(fromS, tailS, lt, -1) as number;
          if (total > 0) {
            const [x, y] = crossing(fromS, tailS, lt, random.float() * total) as number[];
            walk(x!, inward, distS, sigmaS, random, visit);
            walk(y!, out, distT, sigmaT, random, visit);
            reset(tailS, tailT);
            return true;
          }
          const next = grow(out, distS, sigmaS, orderS, fromS, tailS);
          fromS = tailS;
          tailS = next;
          ls++;
          degS = degreeSum(out, orderS, fromS, tailS);
        } else {
          // The mirror case: t frontier against the s frontier, on reversed arcs.
          let total = 0;
          for (let k = fromT; k < tailT; k++) {
            const y = orderT[k]!;
            for (let p = inward.offsets[y]!; p < inward.offsets[y + 1]!; p++) {
              const x = inward.targets[p]!;
              if (distS[x] === ls) total += sigmaS[x]! * sigmaT[y]!;
            }
          }
          if (total > 0) {
            const pick = random.float() * total;
            let sum = 0;
            let found: [number, number] | undefined;
            for (let k = fromT; k < tailT && !found; k++) {
              const y = orderT[k]!;
              for (let p = inward.offsets[y]!; p < inward.offsets[y + 1]!; p++) {
                const x = inward.targets[p]!;
                if (distS[x] !== ls) continue;
                sum += sigmaS[x]! * sigmaT[y]!;
                if (sum > pick) {
                  found = [x, y];
                  break;
                }
              }
            }
            // Rounding can leave pick ≥ the recomputed sum by an ulp: the last crossing arc then.
            found ??= lastCrossing(fromT, tailT, ls);
            walk(found[0], inward, distS, sigmaS, random, visit);
            walk(found[1], out, distT, sigmaT, random, visit);
            reset(tailS, tailT);
            return true;
          }
          const next = grow(inward, distT, sigmaT, orderT, fromT, tailT);
          fromT = tailT;
          tailT = next;
          lt++;
          degT = degreeSum(inward, orderT, fromT, tailT);
        }
      }
    },
  };

  function lastCrossing(fromT: number, tailT: number, ls: number): [number, number] {
    let last: [number, number] = [-1, -1];
    for (let k = fromT; k < tailT; k++) {
      const y = orderT[k]!;
      for (let p = inward.offsets[y]!; p < inward.offsets[y + 1]!; p++) {
        const x = inward.targets[p]!;
        if (distS[x] === ls) last = [x, y];
      }
    }
    return last;
  }
}
