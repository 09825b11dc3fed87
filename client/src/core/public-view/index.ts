/**
 * The public map's data: the published release (GET /api/public/map, server/domain/privacy/
 * public-release.ts) and what the view draws from it for one wave — category cells as nodes sized by
 * their rounded counts, ties between cells, the change of each cell against the previous wave.
 * Nothing here can reveal more than the release holds: the release is already aggregated.
 */

import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/**
 * The one switch between the analysts' app and the public map: anonymous visitors of a Köprü with
 * accounts see the public map unless they asked to sign in (`?signin`); anyone can preview it with
 * `?view=public`. Local mode (no accounts yet) opens the analysts' app.
 */
export function isPublicView(
  session: { role: string; mode: string } | null,
  search: string = (globalThis as { location?: { search?: string } }).location?.search ?? '',
): boolean {
  const params = new URLSearchParams(search);
  if (params.get('view') === 'public') return true;
  return (
    session !== null && session.role === 'public' && session.mode === 'accounts' && !params.has('signin')
  );
}

export interface PublicName {
  id: string;
  name: string;
}

export interface PublicCell {
  id: string;
  city: string;
  kind: 'ngo' | 'institution';
  group: string | null;
  merged: boolean;
  count: number;
  names: PublicName[];
  waves: { wave: string; ties: number | null }[];
  changes: { from: string; to: string; change: number | null }[];
}

export interface PublicRelease {
  type: 'kopru-public-release';
  version: 1;
  id: string;
  publishedAt: string;
  dataset: { name: string; synthetic: boolean };
  rules: { minCellSize: number; roundingBase: number };
  waves: { id: string; label: string; date: string }[];
  cells: PublicCell[];
  links: { source: string; target: string; wave: string; ties: number }[];
  namedTies: { source: string; target: string; wave: string }[];
}

export interface PublicNode {
  id: string;
  cell: PublicCell;
  x: number;
  y: number;
  size: number;
  /** Rounded ties touching the cell in the wave; null when suppressed. */
  ties: number | null;
  /** Against the previous wave; null for the first wave or when suppressed. */
  change: number | null;
}

export interface PublicEdge {
  source: string;
  target: string;
  ties: number;
  size: number;
}

export interface PublicWaveModel {
  wave: string;
  previous: string | null;
  nodes: PublicNode[];
  /** Ties between two different cells. */
  edges: PublicEdge[];
  /** Ties within a cell (a loop the map does not draw), by cell id. */
  within: Map<string, number>;
  /** Ties between two opted-in organizations in the wave. */
  namedTies: { source: PublicName; target: PublicName }[];
}

/** Node radius from the rounded organization count: area grows with the count. */
export function cellSize(count: number): number {
  return 4 + 2.5 * Math.sqrt(count);
}

/** Spacing of the starting grid, in graph units. */
const COLUMN_WIDTH = 100;
const ROW_HEIGHT = 15;
const LAYOUT_ITERATIONS = 300;

/**
 * Where each cell sits: ForceAtlas2 (Jacomy et al. 2014) on the ties between cells of every wave
 * together, started from a grid (one column per city and kind), so the picture is the same on every
 * visit and every wave — a switch of wave changes the ties and numbers, never the places.
 */
export function cellPositions(
  release: Pick<PublicRelease, 'cells' | 'links'>,
): Map<string, { x: number; y: number }> {
  const graph = new Graph({ type: 'undirected' });
  const columns = new Map<string, number>();
  const rows = new Map<string, number>();
  for (const cell of release.cells) {
    const key = `${cell.city}\u0000${cell.kind}`;
    if (!columns.has(key)) columns.set(key, columns.size);
    const row = rows.get(key) ?? 0;
    rows.set(key, row + 1);
    // A small offset per row keeps a column's cells off one line, so the forces can move them apart.
    graph.addNode(cell.id, {
      x: (columns.get(key) ?? 0) * COLUMN_WIDTH + (row % 2) * 10,
      y: 0 - row * ROW_HEIGHT,
    });
  }
  for (const link of release.links) {
    if (link.source === link.target || !graph.hasNode(link.source) || !graph.hasNode(link.target)) continue;
    const weight = (
      graph.hasEdge(link.source, link.target) ? graph.getEdgeAttribute(link.source, link.target, 'weight') : 0
    ) as number;
    if (weight === 0) graph.addEdge(link.source, link.target, { weight: link.ties });
    else graph.setEdgeAttribute(link.source, link.target, 'weight', weight + link.ties);
  }
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: LAYOUT_ITERATIONS,
      getEdgeWeight: 'weight',
      settings: {
        ...forceAtlas2.inferSettings(graph),
        gravity: 0.5,
        scalingRatio: 60,
        outboundAttractionDistribution: true,
        adjustSizes: false,
      },
    });
  }
  const positions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((id, attributes) =>
    positions.set(id, { x: attributes.x as number, y: attributes.y as number }),
  );
  return positions;
}

/** The drawing of one wave. */
export function publicWaveModel(release: PublicRelease, wave: string): PublicWaveModel {
  const waveIndex = release.waves.findIndex((w) => w.id === wave);
  const previous = waveIndex > 0 ? (release.waves[waveIndex - 1]?.id ?? null) : null;
  const positions = cellPositions(release);
  const nodes = release.cells.map((cell) => ({
    id: cell.id,
    cell,
    x: positions.get(cell.id)?.x ?? 0,
    y: positions.get(cell.id)?.y ?? 0,
    size: cellSize(cell.count),
    ties: cell.waves.find((w) => w.wave === wave)?.ties ?? null,
    change:
      previous === null
        ? null
        : (cell.changes.find((c) => c.from === previous && c.to === wave)?.change ?? null),
  }));
  const edges: PublicEdge[] = [];
  const within = new Map<string, number>();
  for (const link of release.links) {
    if (link.wave !== wave) continue;
    if (link.source === link.target) within.set(link.source, link.ties);
    else
      edges.push({
        source: link.source,
        target: link.target,
        ties: link.ties,
        size: 1 + Math.sqrt(link.ties) / 1.5,
      });
  }
  const names = new Map(release.cells.flatMap((cell) => cell.names.map((name) => [name.id, name] as const)));
  const namedTies = release.namedTies
    .filter((tie) => tie.wave === wave)
    .flatMap((tie) => {
      const source = names.get(tie.source);
      const target = names.get(tie.target);
      return source && target ? [{ source, target }] : [];
    });
  return { wave, previous, nodes, edges, within, namedTies };
}
