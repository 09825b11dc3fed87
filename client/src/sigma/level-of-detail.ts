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
 *
 * Each tie's order is packed into one exactly representable double — level (3 bits), hash (29 bits),
 * position (21 bits) — so a native numeric sort of a Float64Array does the work: at 250 000 ties a
 * comparator sort over objects cost about 0.3 s of the map's first frame.
 */
export function rankTies(ties: Iterable<readonly [key: string, level: number]>): Map<string, number> {
  const keys: string[] = [];
  const levels: number[] = [];
  for (const [key, level] of ties) {
    keys.push(key);
    levels.push(level);
  }
  const order = keys.length <= INDEX_SPACE ? packedOrder(keys, levels) : comparedOrder(keys, levels);
  const ranks = new Map<string, number>();
  for (let rank = 0; rank < order.length; rank++) ranks.set(keys[order[rank]!]!, rank);
  return ranks;
}

const INDEX_SPACE = 2 ** 21;
const HASH_SPACE = 2 ** 29;

/** Level 7 or more ranks as 7; the packing leaves 3 bits for it. */
function levelBucket(level: number): number {
  return 7 - Math.max(0, Math.min(7, Math.floor(level)));
}

/** Exported for tests: the two orders agree. */
export function packedOrder(keys: readonly string[], levels: readonly number[]): ArrayLike<number> {
  const packed = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const hash = Math.floor(stableUnit(keys[i]!) * HASH_SPACE);
    packed[i] = (levelBucket(levels[i]!) * HASH_SPACE + hash) * INDEX_SPACE + i;
  }
  packed.sort();
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < packed.length; i++) order[i] = packed[i]! % INDEX_SPACE;
  return order;
}

/** Over 2 097 152 ties the position does not fit the packing: sort with a comparator instead. */
export function comparedOrder(keys: readonly string[], levels: readonly number[]): ArrayLike<number> {
  const units = keys.map(stableUnit);
  const order = Array.from(keys, (_, i) => i);
  order.sort((a, b) => levelBucket(levels[a]!) - levelBucket(levels[b]!) || units[a]! - units[b]! || a - b);
  return order;
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
