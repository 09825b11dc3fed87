/**
 * What each organization and tie looks like right now, computed from a RenderModel snapshot of the
 * stores. Sigma calls these reducers on every refresh; nothing here mutates the graph, so switching
 * waves, diffing, filtering and hovering only change the snapshot and refresh.
 *
 * Waves: a tie shows when it exists in the wave; during a switch its opacity goes from its presence in
 * the previous wave to its presence in the new one (ties fade in and out, nodes stay put).
 * Diff: every tie of either wave shows, coloured by its change (palette.ts DIFF_COLORS).
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import {
  tieChange,
  type TieChange,
  type UnionEdgeAttributes,
  type UnionNodeAttributes,
} from '../core/network';
import {
  DIFF_COLORS,
  DIFF_NODE_FADE,
  EDGE_COLOR,
  EDGE_HIGHLIGHT,
  FADED_NODE,
  NEUTRAL,
  fade,
} from './palette';

export interface RenderModel {
  wave: string | null;
  /** Wave shown before the current switch; null when no switch is animating. */
  previousWave: string | null;
  /** Progress of the switch, 0 → 1. */
  progress: number;
  diffFrom: string | null;
  colors: ReadonlyMap<string, string>;
  sizes: ReadonlyMap<string, number>;
  previousSizes: ReadonlyMap<string, number> | null;
  /** Organizations passing the filters; null when no filter is set. */
  passes: ReadonlySet<string> | null;
  minLevel: number;
  /** While hovering or showing a pair: the organizations kept bright (others fade). */
  emphasis: ReadonlySet<string> | null;
  /**
   * How the emphasis shows. 'fade': everything outside it fades (every item changes, so every hover
   * redraws the whole map: fine on small maps). 'outline': nothing fades, the emphasised organizations
   * and the spotlit organizations' ties inside it are drawn on top, ties darker and thicker — only
   * the items around the old and new spotlight change, so a hover on a big map redraws just those
   * (renderer.ts, highlight-refresh.ts).
   */
  focus: 'fade' | 'outline';
  /** Organizations whose labels are forced and drawn on top (hovered, selected, pair). */
  spotlight: ReadonlySet<string>;
  /** Hide every label (while the camera moves on very large graphs). */
  labels: boolean;
  /** Labels placed without overlap by the renderer (sigma/labels.ts); null leaves it to sigma's grid. */
  placedLabels: ReadonlySet<string> | null;
}

export const EMPTY_MODEL: RenderModel = {
  wave: null,
  previousWave: null,
  progress: 1,
  diffFrom: null,
  colors: new Map(),
  sizes: new Map(),
  previousSizes: null,
  passes: null,
  minLevel: 1,
  emphasis: null,
  focus: 'fade',
  spotlight: new Set(),
  labels: true,
  placedLabels: null,
};

export const DEFAULT_NODE_SIZE = 5;
export const LABEL_SIZE = 12;
export const SPOTLIGHT_MIN_SIZE = 6;
/** In 'outline' focus, the spotlit organizations' ties are this much thicker than others. */
export const OUTLINE_TIE_SCALE = 1.8;

/** Screen thickness of a tie of level 1–4 (information sharing … integrated partnership). */
export function edgeSize(level: number): number {
  return 0.6 + 0.75 * (Math.min(4, Math.max(1, level)) - 1);
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function ease(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

export function reduceNode(
  model: RenderModel,
  key: string,
  attrs: UnionNodeAttributes,
): Partial<NodeDisplayData> {
  const t = ease(model.progress);
  const size = model.sizes.get(key) ?? DEFAULT_NODE_SIZE;
  const before = model.previousSizes?.get(key) ?? size;
  const filteredOut = model.passes !== null && !model.passes.has(key);
  const outOfFocus = model.focus === 'fade' && model.emphasis !== null && !model.emphasis.has(key);
  // Outline focus: the neighbourhood is drawn above the rest instead of the rest fading.
  const lifted = model.focus === 'outline' && model.emphasis !== null && model.emphasis.has(key);
  const spotlit = model.spotlight.has(key);
  const faded = (filteredOut || outOfFocus) && !spotlit;
  const drawn = model.previousSizes ? lerp(before, size, t) : size;
  const result: Partial<NodeDisplayData> = {
    x: attrs.x,
    y: attrs.y,
    label: attrs.name,
    // A spotlit organization must be findable even when its metric makes it a dot (an isolate).
    size: spotlit ? Math.max(drawn, SPOTLIGHT_MIN_SIZE) : drawn,
    // In diff mode the ties carry the message: organizations step back to pale versions of their colours.
    color: faded
      ? FADED_NODE
      : model.diffFrom !== null && !spotlit
        ? fade(model.colors.get(key) ?? NEUTRAL, DIFF_NODE_FADE)
        : (model.colors.get(key) ?? NEUTRAL),
    shape: attrs.kind === 'institution' ? 'square' : 'circle',
    zIndex: spotlit ? 2 : faded ? 0 : 1,
    labelSize: LABEL_SIZE,
  };
  if (lifted) result.depth = 'topNodes';
  if (model.placedLabels !== null)
    result.labelVisibility = model.placedLabels.has(key) ? 'visible' : 'hidden';
  if (faded || !model.labels) result.labelVisibility = 'hidden';
  if (spotlit) {
    result.labelVisibility = 'visible';
    result.highlighted = true;
    result.depth = 'topNodes';
  }
  return result;
}

/** The tie's state in the shown picture: a level to draw (or null) and, in diff mode, its change. */
export interface TieView {
  level: number | null;
  change: TieChange | null;
  opacity: number;
}

export function tieView(model: RenderModel, levels: Readonly<Record<string, number>>): TieView {
  if (model.wave === null) return { level: null, change: null, opacity: 0 };
  if (model.diffFrom !== null) {
    const change = tieChange(levels, model.diffFrom, model.wave);
    const level = Math.max(levels[model.diffFrom] ?? 0, levels[model.wave] ?? 0);
    return change === null ? { level: null, change: null, opacity: 0 } : { level, change, opacity: 1 };
  }
  const now = levels[model.wave];
  if (model.previousWave === null || model.progress >= 1) {
    return now === undefined
      ? { level: null, change: null, opacity: 0 }
      : { level: now, change: null, opacity: 1 };
  }
  const before = levels[model.previousWave];
  if (now === undefined && before === undefined) return { level: null, change: null, opacity: 0 };
  const t = ease(model.progress);
  const opacity = lerp(before === undefined ? 0 : 1, now === undefined ? 0 : 1, t);
  const level = lerp(before ?? now ?? 1, now ?? before ?? 1, t);
  return { level, change: null, opacity };
}

export function reduceEdge(
  model: RenderModel,
  attrs: UnionEdgeAttributes,
  source: string,
  target: string,
  /** Directed mode: draw the tie with an arrowhead at its target. */
  arrows = false,
): Partial<EdgeDisplayData> {
  const view = tieView(model, attrs.levels);
  if (view.level === null || view.opacity <= 0.01 || view.level < model.minLevel - 1e-9) {
    return { visibility: 'hidden' };
  }
  const sourceOut = model.passes !== null && !model.passes.has(source);
  const targetOut = model.passes !== null && !model.passes.has(target);
  let opacity = view.opacity;
  let color: string = view.change === null ? EDGE_COLOR : DIFF_COLORS[view.change];
  let depth: string | undefined;
  let scale = 1;
  if (sourceOut || targetOut) opacity *= 0.12;
  if (model.emphasis !== null) {
    const touchesSpotlight = model.spotlight.has(source) || model.spotlight.has(target);
    const inside = model.emphasis.has(source) && model.emphasis.has(target);
    if (touchesSpotlight && inside) {
      if (view.change === null) color = EDGE_HIGHLIGHT;
      depth = 'topEdges';
      // Nothing else fades in outline focus: the tie itself must stand out.
      if (model.focus === 'outline') scale = OUTLINE_TIE_SCALE;
    } else if (model.focus === 'fade') opacity *= 0.08;
  }
  // Kept ties are context in diff mode: thinner, so what changed stands out.
  const size = (view.change === 'stable' ? edgeSize(view.level) * 0.6 : edgeSize(view.level)) * scale;
  return {
    visibility: 'visible',
    color,
    opacity,
    size,
    zIndex: depth ? 1 : 0,
    ...(depth ? { depth } : {}),
    ...(arrows ? { head: 'arrow' } : {}),
  };
}
