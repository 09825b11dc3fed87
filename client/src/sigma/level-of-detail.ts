/**
 * Level of detail for ties on big maps. Sigma draws every tie of its graph on every frame, so a
 * zoomed-out view of 100 000 ties costs as much as their sum while showing a grey haze. Zoomed out,
 * only a share of the ties is drawn — the strongest first, then a fixed pseudo-random sample — so that
 * about `budget` ties are on screen; zooming in raises the share until every tie is drawn. Ties of
 * the hovered or selected organization are always drawn (the renderer decides that).
 */

/** FNV-1a of a string into [0, 1): a fixed pseudo-random number per tie, the same on every load. */
export function stableUnit(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 4294967296;
}

/**
 * Ranks ties for thinning: rank 0 is kept longest. Stronger ties (a higher level in any wave) come
 * first; within a level, the order is the fixed pseudo-random one of their keys.
 */
export function rankTies(ties: Iterable<readonly [key: string, level: number]>): Map<string, number> {
  const scored: { key: string; level: number; u: number }[] = [];
  for (const [key, level] of ties) scored.push({ key, level, u: stableUnit(key) });
  scored.sort((a, b) => b.level - a.level || a.u - b.u);
  return new Map(scored.map((tie, rank) => [tie.key, rank]));
}

/**
 * Share of the ties to draw at camera `ratio` (1 = the whole network fills the view, smaller =
 * zoomed in): the view covers about ratio² of the network, so ratio² × total ties are on screen.
 * Quantized to powers of two so small zoom steps do not redraw everything.
 */
export function tieShare(total: number, ratio: number, budget: number): number {
  const onScreen = total * Math.min(1, ratio * ratio);
  if (onScreen <= budget) return 1;
  return 2 ** -Math.ceil(Math.log2(onScreen / budget));
}

/** How many ties of the ranking to draw: every one ranked below the limit. */
export function tieLimit(total: number, ratio: number, budget: number): number {
  const share = tieShare(total, ratio, budget);
  return share >= 1 ? Number.POSITIVE_INFINITY : Math.ceil(share * total);
}
