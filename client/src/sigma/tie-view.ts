/**
 * The graph sigma is given on big maps: every organization, but only the ties it may draw. Sigma
 * indexes every tie of its graph when it starts and on every full refresh (reducer, style, program
 * data), hidden or not: at 50 000 organizations / 250 000 ties that was most of the 5 s before the
 * first frame, for a zoomed-out view that draws one tie in sixteen (level-of-detail.ts).
 *
 * The view starts with the ties ranked below the level-of-detail limit and only grows: ties are added
 * when zooming in raises the limit and when a hovered or selected organization needs its own ties.
 * Ties are never dropped (sigma re-indexes everything on each removal); the edge reducer hides those
 * above the limit again, as it would in the full graph.
 *
 * Node and tie attributes are the union graph's own objects (graphology keeps the object it is given),
 * so positions written in place on either graph are seen by both.
 */
import type { UnionGraph } from '../core/network';

export interface TieView {
  /** The graph to hand to sigma. */
  graph: UnionGraph;
  /** Adds the ties ranked below `limit` that are not in the view yet; returns how many were added. */
  growTo(limit: number): number;
  /**
   * Adds these organizations' ties (every wave) not in the view yet and returns them: sigma indexes
   * them at its next frame, so they cannot be part of a partial refresh before it.
   */
  addTiesOf(nodes: Iterable<string>): Set<string>;
}

/** `rankedTies`: the union graph's tie keys, rank order (level-of-detail.ts rankTies). */
export function createTieView(union: UnionGraph, rankedTies: readonly string[], limit: number): TieView {
  const view = union.nullCopy();
  union.forEachNode((node, attributes) => view.addNode(node, attributes));
  let grown = 0;
  const add = (edge: string): boolean => {
    if (view.hasEdge(edge)) return false;
    view.addEdgeWithKey(edge, union.source(edge), union.target(edge), union.getEdgeAttributes(edge));
    return true;
  };
  const growTo = (next: number): number => {
    const end = Math.min(next, rankedTies.length);
    let added = 0;
    for (; grown < end; grown++) if (add(rankedTies[grown]!)) added++;
    return added;
  };
  growTo(limit);
  return {
    graph: view,
    growTo,
    addTiesOf(nodes) {
      const added = new Set<string>();
      for (const node of nodes) {
        if (!union.hasNode(node)) continue;
        union.forEachEdge(node, (edge) => {
          if (add(edge)) added.add(edge);
        });
      }
      return added;
    },
  };
}
