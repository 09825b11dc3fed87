/**
 * Common neighbours and the Adamic–Adar index of a pair of nodes, the neighbourhood-based link
 * predictors of Adamic & Adar (2003) as compared by Liben-Nowell & Kleinberg (2007):
 *
 *   AA(u, v) = Σ over common neighbours w of 1 / ln |Γ(w)|
 *
 * A shared partner with few ties says more about u and v than a hub everyone is tied to.
 * Matches NetworkX `adamic_adar_index` on undirected graphs; directed graphs are read through
 * their undirected neighbourhoods (see neighborhoods.ts), which NetworkX does not support.
 */
import { compareIds } from '../metrics/context.js';
import type { Neighborhoods } from './neighborhoods.js';

/** Neighbours shared by `u` and `v`, in `u`'s neighbourhood order; empty when either is unknown. */
export function commonNeighbors(neighborhoods: Neighborhoods, u: string, v: string): string[] {
  const a = neighborhoods.get(u);
  const b = neighborhoods.get(v);
  if (!a || !b) return [];
  const shared: string[] = [];
  for (const w of a) if (b.has(w)) shared.push(w);
  return shared;
}

/**
 * Adamic–Adar index of `u` and `v`. A common neighbour has at least two neighbours (u and v),
 * so the logarithm is never zero. Terms are summed in ascending order of their neighbour's id so the
 * same pair always gives the same floating-point sum whatever the node order.
 */
export function adamicAdarIndex(neighborhoods: Neighborhoods, u: string, v: string): number {
  return commonNeighbors(neighborhoods, u, v)
    .sort(compareIds)
    .reduce((sum, w) => sum + 1 / Math.log(neighborhoods.get(w)?.size ?? 2), 0);
}
