/**
 * One layout for every map of the report. ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014,
 * "ForceAtlas2, a continuous graph layout algorithm…", PLoS ONE 9(6)) runs once on the union of the
 * compared waves' ties, so each organization sits at the same place on the before, after and diff maps
 * and the eye sees ties change, not positions.
 *
 * Deterministic: the seed positions are a sunflower spiral (Vogel 1979) in id order, the iterations are
 * fixed and ForceAtlas2 itself draws no random numbers — the same data gives the same picture.
 * Organizations without a tie in either wave feel only repulsion and would fly to the edge, squashing the
 * rest into the middle; they get no force and are lined up in a strip under the map instead.
 *
 * The drawing is then turned so its long axis is vertical (principal axis of the positions) and its
 * height follows its shape within 0.75–1.35 × the width: two maps side by side fill their columns.
 *
 * Positions are distances on paper only: near means "tied, or tied to the same partners", nothing else.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AbstractGraph } from 'graphology-types';

export const LAYOUT_DEFAULTS = { iterations: 300, width: 600, height: 600, padding: 16 } as const;

/**
 * Measured on the demo (172 organizations): these settings settle within 200 iterations, with mean tie
 * length 0.29 of the mean distance between organizations; the library's inferred settings (strong
 * gravity, LinLog) were still a round hairball at 2000 iterations (0.45–0.6).
 */
const FORCE_ATLAS_SETTINGS = { gravity: 1, scalingRatio: 2, slowDown: 5 } as const;
// Exact repulsion is O(n²) per iteration: fine for survey networks, not for tens of thousands of nodes.
const BARNES_HUT_FROM = 1000;

export interface LayoutOptions {
  /** ForceAtlas2 iterations. Default 300. */
  iterations?: number;
  /** Width of the drawing in SVG units. Default 600. */
  width?: number;
  /** Height for a round layout; a long one gets up to 1.35 × the width. Default 600. */
  height?: number;
  /** Margin inside the drawing. Default 16. */
  padding?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface SharedLayout {
  width: number;
  height: number;
  /** Every organization's position (strip members included), within width × height. */
  positions: Map<string, Point>;
  /** Organizations with no tie in any of the graphs, in the strip under the map (sorted by id). */
  unconnected: string[];
  /** Top of the strip; null when every organization has a tie. */
  stripTop: number | null;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const STRIP_ROW = 18;

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Positions of `ids` for drawing every graph in `graphs` (wave graphs of the same organizations, any
 * direction): ForceAtlas2 on the union of their ties, scaled to the drawing.
 */
export function computeSharedLayout(
  ids: readonly string[],
  graphs: readonly AbstractGraph[],
  options: LayoutOptions = {},
): SharedLayout {
  const iterations = options.iterations ?? LAYOUT_DEFAULTS.iterations;
  const width = options.width ?? LAYOUT_DEFAULTS.width;
  const baseHeight = options.height ?? LAYOUT_DEFAULTS.height;
  const padding = options.padding ?? LAYOUT_DEFAULTS.padding;

  const union = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const sorted = [...ids].sort(byId);
  for (const id of sorted) union.addNode(id);
  for (const graph of graphs) {
    graph.forEachEdge((_edge, _attributes, source, target) => {
      if (union.hasNode(source) && union.hasNode(target) && source !== target)
        union.mergeEdge(source, target);
    });
  }
  const connected = sorted.filter((id) => union.degree(id) > 0);
  const unconnected = sorted.filter((id) => union.degree(id) === 0);
  for (const id of unconnected) union.dropNode(id);

  connected.forEach((id, index) => {
    const radius = Math.sqrt(index + 0.5);
    union.mergeNodeAttributes(id, {
      x: radius * Math.cos(index * GOLDEN_ANGLE),
      y: radius * Math.sin(index * GOLDEN_ANGLE),
    });
  });
  const raw =
    connected.length > 1
      ? forceAtlas2(union, {
          iterations,
          getEdgeWeight: null,
          settings: { ...FORCE_ATLAS_SETTINGS, barnesHutOptimize: connected.length >= BARNES_HUT_FROM },
        })
      : Object.fromEntries(connected.map((id) => [id, { x: 0, y: 0 }]));

  const upright = uprightPositions(connected, raw);
  const rows = unconnected.length === 0 ? 0 : Math.ceil(unconnected.length / perRow(width, padding));
  const stripHeight = rows > 0 ? rows * STRIP_ROW + 8 : 0;
  const aspect = Math.min(1.35, Math.max(0.75, upright.aspect)) * (baseHeight / width);
  const height = Math.round((width - 2 * padding) * aspect + 2 * padding + stripHeight);
  const mapBottom = height - padding - stripHeight;
  const positions = new Map<string, Point>();
  fit(
    connected,
    upright.positions,
    { left: padding, top: padding, right: width - padding, bottom: mapBottom },
    positions,
  );

  const columns = perRow(width, padding);
  unconnected.forEach((id, index) => {
    const row = Math.floor(index / columns);
    const column = index % columns;
    const inRow = Math.min(columns, unconnected.length - row * columns);
    const start = (width - (inRow - 1) * STRIP_ROW) / 2;
    positions.set(id, { x: start + column * STRIP_ROW, y: mapBottom + 8 + STRIP_ROW / 2 + row * STRIP_ROW });
  });
  return { width, height, positions, unconnected, stripTop: rows > 0 ? mapBottom + 4 : null };
}

/** Positions turned so that their principal axis is vertical, and their height / width ratio. */
function uprightPositions(
  ids: readonly string[],
  raw: Record<string, Point>,
): { positions: Record<string, Point>; aspect: number } {
  if (ids.length < 2) return { positions: raw, aspect: 1 };
  let meanX = 0;
  let meanY = 0;
  for (const id of ids) {
    meanX += raw[id]!.x / ids.length;
    meanY += raw[id]!.y / ids.length;
  }
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (const id of ids) {
    const dx = raw[id]!.x - meanX;
    const dy = raw[id]!.y - meanY;
    xx += dx * dx;
    yy += dy * dy;
    xy += dx * dy;
  }
  // Angle of the principal axis, then a rotation taking it to the vertical.
  const angle = 0.5 * Math.atan2(2 * xy, xx - yy);
  const turn = Math.PI / 2 - angle;
  const [cos, sin] = [Math.cos(turn), Math.sin(turn)];
  const positions: Record<string, Point> = {};
  for (const id of ids) {
    const dx = raw[id]!.x - meanX;
    const dy = raw[id]!.y - meanY;
    positions[id] = { x: dx * cos - dy * sin, y: dx * sin + dy * cos };
  }
  const xs = ids.map((id) => positions[id]!.x);
  const ys = ids.map((id) => positions[id]!.y);
  const spanX = Math.max(...xs) - Math.min(...xs);
  const spanY = Math.max(...ys) - Math.min(...ys);
  return { positions, aspect: spanX > 0 ? spanY / spanX : 1 };
}

function perRow(width: number, padding: number): number {
  return Math.max(1, Math.floor((width - 2 * padding) / STRIP_ROW));
}

/** Scales the raw positions into the box, keeping the aspect ratio and centring. */
function fit(
  ids: readonly string[],
  raw: Record<string, Point>,
  box: { left: number; top: number; right: number; bottom: number },
  out: Map<string, Point>,
): void {
  if (ids.length === 0) return;
  const xs = ids.map((id) => raw[id]!.x);
  const ys = ids.map((id) => raw[id]!.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const boxWidth = box.right - box.left;
  const boxHeight = box.bottom - box.top;
  const scale = Math.min(spanX > 0 ? boxWidth / spanX : Infinity, spanY > 0 ? boxHeight / spanY : Infinity);
  const k = Number.isFinite(scale) ? scale : 0;
  const offsetX = box.left + (boxWidth - spanX * k) / 2;
  const offsetY = box.top + (boxHeight - spanY * k) / 2;
  for (const id of ids) {
    out.set(id, { x: offsetX + (raw[id]!.x - minX) * k, y: offsetY + (raw[id]!.y - minY) * k });
  }
}
