/**
 * The report's network maps as inline SVG, all drawn on the shared layout (layout.ts):
 * - a wave map: ties as lines whose thickness grows with the level (1 information sharing … 4
 *   integrated partnership), organizations as circles (NGOs) or squares (public institutions), coloured
 *   by category (palette.ts) and sized by their number of partners in that wave;
 * - the diff map: ties added (green, solid), removed (vermillion, dashed) and stable (grey), over neutral
 *   organizations, so the change is what stands out.
 * Numbered markers point at the brokers of the broker table. Every name is escaped (html.ts) and sits in a
 * <title>, which screen readers and hovering browsers show.
 */
import type { Pair } from '../compare/wave-pair.js';
import type { WaveGraph } from '../graph/build-wave-graph.js';
import type { Organization } from '../types.js';
import { coord, html, join, type SafeHtml } from './html.js';
import type { SharedLayout } from './layout.js';
import { DIFF_COLOURS as TIE_COLOURS } from '../palette.js';
import type { NodeCategories } from './palette.js';

export const LEVEL_WIDTHS = [0.5, 0.9, 1.4, 2.1] as const;

export function levelWidth(level: number): number {
  return LEVEL_WIDTHS[Math.min(Math.max(Math.round(level), 1), 4) - 1]!;
}

export function nodeRadius(degree: number): number {
  return 2.4 + 1.15 * Math.sqrt(degree);
}

/** A circle (NGO) or a square of the same area (institution), centred on (x, y). */
export function nodeShape(
  kind: Organization['kind'],
  x: number,
  y: number,
  radius: number,
  attributes: { fill: string; stroke: string; strokeWidth: number },
  title: SafeHtml | string | null,
): SafeHtml {
  const inner = title === null ? '' : html`<title>${title}</title>`;
  if (kind === 'institution') {
    const side = radius * Math.sqrt(Math.PI);
    return html`<rect
      x="${coord(x - side / 2)}"
      y="${coord(y - side / 2)}"
      width="${coord(side)}"
      height="${coord(side)}"
      fill="${attributes.fill}"
      stroke="${attributes.stroke}"
      stroke-width="${attributes.strokeWidth}"
      >${inner}</rect
    >`;
  }
  return html`<circle
    cx="${coord(x)}"
    cy="${coord(y)}"
    r="${coord(radius)}"
    fill="${attributes.fill}"
    stroke="${attributes.stroke}"
    stroke-width="${attributes.strokeWidth}"
    >${inner}</circle
  >`;
}

export interface MapFrame {
  id: string;
  /** Accessible name of the figure (already translated). */
  label: SafeHtml;
  /** Text of the strip of organizations without a tie in either wave. */
  stripLabel: SafeHtml;
}

function frame(layout: SharedLayout, info: MapFrame, body: SafeHtml[]): SafeHtml {
  const strip =
    layout.stripTop === null
      ? ''
      : html`<line
            x1="16"
            x2="${layout.width - 16}"
            y1="${coord(layout.stripTop)}"
            y2="${coord(layout.stripTop)}"
            stroke="#bbb"
            stroke-dasharray="3 3"
          /><text x="16" y="${coord(layout.stripTop - 4)}" class="map-note">${info.stripLabel}</text>`;
  return html`<svg
    class="map"
    id="${info.id}"
    viewBox="0 0 ${layout.width} ${layout.height}"
    role="img"
    aria-label="${info.label}"
  >
    <rect width="100%" height="100%" fill="#fff" />
    ${strip}${body}
  </svg>`;
}

function markerBadges(layout: SharedLayout, markers: ReadonlyMap<string, number>): SafeHtml {
  return join(
    [...markers].map(([id, number]) => {
      const point = layout.positions.get(id);
      if (point === undefined) return '';
      const x = Math.min(point.x + 9, layout.width - 9);
      const y = Math.max(point.y - 9, 9);
      return html`<g class="marker"
        ><circle cx="${coord(x)}" cy="${coord(y)}" r="7" fill="#fff" stroke="#000" stroke-width="1" /><text
          x="${coord(x)}"
          y="${coord(y + 3.4)}"
          text-anchor="middle"
          font-size="9.5"
          font-weight="700"
          >${number}</text
        ></g
      >`;
    }),
  );
}

export interface WaveMapInput {
  frame: MapFrame;
  layout: SharedLayout;
  graph: WaveGraph;
  degrees: ReadonlyMap<string, number>;
  organizations: ReadonlyMap<string, Organization>;
  categories: NodeCategories;
  markers: ReadonlyMap<string, number>;
  /** `{name} — {degree} partners`, already translated per organization. */
  nodeTitle: (org: Organization, degree: number) => SafeHtml;
}

export function renderWaveMap(input: WaveMapInput): SafeHtml {
  const { layout, graph } = input;
  const edges: SafeHtml[] = [];
  // In directed mode a mutual pair is two arcs; the map draws the pair once, at its higher level.
  const pairs = new Map<string, { source: string; target: string; level: number }>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const seen = pairs.get(key);
    if (seen === undefined || attributes.level > seen.level)
      pairs.set(key, { source, target, level: attributes.level });
  });
  for (const { source, target, level } of pairs.values()) {
    const a = layout.positions.get(source);
    const b = layout.positions.get(target);
    if (a === undefined || b === undefined) continue;
    edges.push(
      html`<line
        x1="${coord(a.x)}"
        y1="${coord(a.y)}"
        x2="${coord(b.x)}"
        y2="${coord(b.y)}"
        stroke-width="${levelWidth(level)}"
      />`,
    );
  }
  // Small organizations first, so hubs are drawn on top and stay visible.
  const ids = [...input.organizations.keys()].sort(
    (a, b) => (input.degrees.get(a) ?? 0) - (input.degrees.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const nodes = ids.map((id) => {
    const org = input.organizations.get(id)!;
    const point = layout.positions.get(id);
    if (point === undefined) return '';
    const degree = input.degrees.get(id) ?? 0;
    return nodeShape(
      org.kind,
      point.x,
      point.y,
      nodeRadius(degree),
      { fill: input.categories.colourOf(org), stroke: '#222', strokeWidth: 0.6 },
      input.nodeTitle(org, degree),
    );
  });
  return frame(layout, input.frame, [
    html`<g class="edges" stroke="#4d4d4d" stroke-opacity="0.55" stroke-linecap="round">${edges}</g>`,
    html`<g class="nodes">${nodes}</g>`,
    markerBadges(layout, input.markers),
  ]);
}

export interface DiffMapInput {
  frame: MapFrame;
  layout: SharedLayout;
  tieLists: { added: Pair[]; removed: Pair[]; stable: Pair[] };
  organizations: ReadonlyMap<string, Organization>;
  markers: ReadonlyMap<string, number>;
  nodeTitle: (org: Organization) => SafeHtml;
}

export function renderDiffMap(input: DiffMapInput): SafeHtml {
  const { layout } = input;
  const lines = (pairs: Pair[]): SafeHtml[] =>
    pairs.map(([source, target]) => {
      const a = layout.positions.get(source);
      const b = layout.positions.get(target);
      if (a === undefined || b === undefined) return html``;
      return html`<line x1="${coord(a.x)}" y1="${coord(a.y)}" x2="${coord(b.x)}" y2="${coord(b.y)}" />`;
    });
  const nodes = [...input.organizations.values()].map((org) => {
    const point = layout.positions.get(org.id);
    if (point === undefined) return '';
    return nodeShape(
      org.kind,
      point.x,
      point.y,
      3,
      { fill: '#d9d9d9', stroke: '#555', strokeWidth: 0.5 },
      input.nodeTitle(org),
    );
  });
  return frame(layout, input.frame, [
    html`<g class="ties-stable" stroke="${TIE_COLOURS.stable}" stroke-width="0.7" stroke-opacity="0.9"
      >${lines(input.tieLists.stable)}</g
    >`,
    html`<g class="ties-removed" stroke="${TIE_COLOURS.removed}" stroke-width="1.3" stroke-dasharray="4 2.5"
      >${lines(input.tieLists.removed)}</g
    >`,
    html`<g class="ties-added" stroke="${TIE_COLOURS.added}" stroke-width="1.4"
      >${lines(input.tieLists.added)}</g
    >`,
    html`<g class="nodes">${nodes}</g>`,
    markerBadges(layout, input.markers),
  ]);
}
