/**
 * What the map must redraw when its RenderModel changes. A full sigma refresh re-runs the reducers
 * over every organization and tie and re-uploads every tie: seconds per hover at 100 000 ties in
 * software WebGL. When only the highlight changed (hovered or selected organization, suggested pair)
 * and the model's focus is 'outline' (nothing fades, reducers.ts), the only items whose look changes
 * are the emphasised organizations of the old and new model and the ties of the old and new spotlit
 * ones: those alone are re-reduced. Any other change, or 'fade' focus (every item fades or unfades),
 * needs the full refresh.
 */
import type { RenderModel } from './reducers';

export type RefreshPlan =
  { kind: 'none' } | { kind: 'full' } | { kind: 'partial'; nodes: string[]; edges: string[] };

/** The part of a graph the plan reads: membership and the ties at an organization. */
export interface PlanGraph {
  hasNode(node: string): boolean;
  forEachEdge(node: string, callback: (edge: string) => void): void;
}

function sameMap<V>(a: ReadonlyMap<string, V> | null, b: ReadonlyMap<string, V> | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.size !== b.size) return false;
  for (const [key, value] of a)
    if (b.get(key) !== value || (value === undefined && !b.has(key))) return false;
  return true;
}

function sameSet(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.size !== b.size) return false;
  for (const key of a) if (!b.has(key)) return false;
  return true;
}

/** Everything but the highlight (emphasis, spotlight) is the same. */
export function sameExceptHighlight(a: RenderModel, b: RenderModel): boolean {
  return (
    a.wave === b.wave &&
    a.previousWave === b.previousWave &&
    a.progress === b.progress &&
    a.diffFrom === b.diffFrom &&
    a.minLevel === b.minLevel &&
    a.labels === b.labels &&
    a.focus === b.focus &&
    sameMap(a.colors, b.colors) &&
    sameMap(a.sizes, b.sizes) &&
    sameMap(a.previousSizes, b.previousSizes) &&
    sameSet(a.passes, b.passes) &&
    sameSet(a.placedLabels, b.placedLabels)
  );
}

export function refreshPlan(previous: RenderModel, next: RenderModel, graph: PlanGraph): RefreshPlan {
  if (!sameExceptHighlight(previous, next)) return { kind: 'full' };
  if (sameSet(previous.emphasis, next.emphasis) && sameSet(previous.spotlight, next.spotlight))
    return { kind: 'none' };
  if (next.focus !== 'outline') return { kind: 'full' };
  const nodes = new Set<string>();
  for (const set of [previous.emphasis, next.emphasis, previous.spotlight, next.spotlight])
    set?.forEach((node) => {
      if (graph.hasNode(node)) nodes.add(node);
    });
  const edges = new Set<string>();
  for (const set of [previous.spotlight, next.spotlight])
    set.forEach((node) => {
      if (graph.hasNode(node)) graph.forEachEdge(node, (edge) => edges.add(edge));
    });
  return { kind: 'partial', nodes: [...nodes], edges: [...edges] };
}
