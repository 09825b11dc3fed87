/**
 * Triangle counts on the undirected view: for each node, how many pairs of its neighbours are tied to
 * each other (Wasserman & Faust 1994, §6.2.2; Watts & Strogatz 1998). Shared by local clustering,
 * average clustering and transitivity. Neighbours are marked in a stamp array, so the count is
 * O(Σ deg²) without hashing.
 */
import type { MetricContext } from './context.js';

/** triangles[v] = number of ties among v's neighbours (each triangle through v counted once). */
export function triangleCounts(context: MetricContext): Float64Array {
  return context.memo('triangles', () => {
    const { n, und } = context;
    const { offsets, targets } = und;
    const triangles = new Float64Array(n);
    const stamp = new Int32Array(n).fill(-1);
    for (let v = 0; v < n; v++) {
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) stamp[targets[p]!] = v;
      let links = 0;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const u = targets[p]!;
        for (let q = offsets[u]!; q < offsets[u + 1]!; q++) if (stamp[targets[q]!] === v) links++;
      }
      // Each tie among the neighbours was seen from both of its ends.
      triangles[v] = links / 2;
    }
    return triangles;
  });
}
