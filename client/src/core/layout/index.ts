/**
 * Positions of the organizations. The force layout (ForceAtlas2, run in a worker by sigma/layout-worker)
 * is computed once on the union of all waves, so an organization stands at the same place in every
 * wave, and starts from a deterministic seed, so it comes out the same on every machine. The result is
 * cached per dataset version. "Group by city" and "group by kind" rearrange the force positions into
 * one cluster per group, keeping each cluster's inner arrangement.
 */
import type { UnionGraph } from '../network';
import { createStore } from '../store';

export type Positions = Record<string, { x: number; y: number }>;

/**
 * Writes positions into the graph's node attributes in place (organizations without one keep theirs).
 * In place, because the union graph and sigma's graph share those objects (sigma/tie-view.ts).
 */
export function writePositions(graph: UnionGraph, positions: Positions): void {
  graph.updateEachNodeAttributes(
    (id, attributes) => {
      const point = positions[id];
      if (point) {
        attributes.x = point.x;
        attributes.y = point.y;
      }
      return attributes;
    },
    { attributes: ['x', 'y'] },
  );
}

export interface LayoutNode {
  id: string;
  /** Nodes with the same group are seeded next to each other (city and kind). */
  group: string;
}

/** Iterations of ForceAtlas2: enough to settle the demo's 172 nodes, bounded for big graphs. */
export function iterationsFor(nodeCount: number): number {
  if (nodeCount <= 500) return 600;
  if (nodeCount <= 5_000) return 250;
  if (nodeCount <= 20_000) return 120;
  return 60;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Deterministic seed: group centres on a circle (groups in sorted order), members on a sunflower
 * spiral around their centre (members in id order). Depends only on ids and groups.
 */
export function seedPositions(nodes: readonly LayoutNode[]): Positions {
  const groups = new Map<string, string[]>();
  for (const node of nodes) {
    const members = groups.get(node.group);
    if (members) members.push(node.id);
    else groups.set(node.group, [node.id]);
  }
  const names = [...groups.keys()].sort();
  const total = Math.max(1, nodes.length);
  const ringRadius = names.length > 1 ? 10 * Math.sqrt(total) : 0;
  const positions: Positions = {};
  names.forEach((name, g) => {
    const members = (groups.get(name) ?? []).sort();
    const angle = (2 * Math.PI * g) / names.length;
    const cx = ringRadius * Math.cos(angle);
    const cy = ringRadius * Math.sin(angle);
    members.forEach((id, i) => {
      const r = 3 * Math.sqrt(i + 0.5);
      positions[id] = { x: cx + r * Math.cos(i * GOLDEN_ANGLE), y: cy + r * Math.sin(i * GOLDEN_ANGLE) };
    });
  });
  return positions;
}

/**
 * One cluster per group, laid out left to right (groups in `order`, then the rest sorted), each
 * cluster the force layout of its members rescaled to a disc whose area grows with its size.
 */
export function groupedPositions(
  force: Positions,
  groupOf: (id: string) => string,
  order: readonly string[] = [],
): Positions {
  const groups = new Map<string, string[]>();
  for (const id of Object.keys(force).sort()) {
    const group = groupOf(id);
    const members = groups.get(group);
    if (members) members.push(id);
    else groups.set(group, [id]);
  }
  const names = [
    ...order.filter((name) => groups.has(name)),
    ...[...groups.keys()].filter((name) => !order.includes(name)).sort(),
  ];
  const result: Positions = {};
  let cursor = 0;
  const GAP = 0.35;
  for (const name of names) {
    const members = groups.get(name) ?? [];
    const radius = Math.sqrt(members.length);
    let cx = 0;
    let cy = 0;
    for (const id of members) {
      cx += force[id]!.x;
      cy += force[id]!.y;
    }
    cx /= members.length;
    cy /= members.length;
    // Scale by the 90th percentile distance, not the farthest member: one outlier (an isolate on
    // the rim) would otherwise shrink the whole cluster to a dot. Outliers are pulled onto the rim.
    const distances = members
      .map((id) => Math.hypot(force[id]!.x - cx, force[id]!.y - cy))
      .sort((a, b) => a - b);
    const spread = distances[Math.floor(0.9 * (distances.length - 1))] ?? 0;
    const scale = spread > 0 ? radius / spread : 0;
    const rim = 1.15 * radius;
    const centre = cursor + radius;
    for (const id of members) {
      let dx = (force[id]!.x - cx) * scale;
      let dy = (force[id]!.y - cy) * scale;
      const distance = Math.hypot(dx, dy);
      if (distance > rim) {
        dx *= rim / distance;
        dy *= rim / distance;
      }
      result[id] = { x: centre + dx, y: dy };
    }
    cursor = centre + rim + GAP * Math.max(1, radius);
  }
  return result;
}

/** A short stable fingerprint of the graph the layout belongs to (FNV-1a over ids and ties). */
export function layoutSignature(nodeIds: readonly string[], edgeCount: number): string {
  let hash = 0x811c9dc5;
  const text = `${[...nodeIds].sort().join('\u0000')}|${edgeCount}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Bump when the layout algorithm or its parameters change, so old caches are not reused. */
export const LAYOUT_VERSION = 1;

export function layoutCacheKey(datasetVersion: number, signature: string): string {
  return `kopru.layout.v${LAYOUT_VERSION}:${datasetVersion}:${signature}`;
}

export interface LayoutStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** Cached positions when they cover exactly these nodes, else null. */
export function readCachedLayout(
  storage: LayoutStorage | null,
  key: string,
  nodeIds: readonly string[],
): Positions | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Record<string, [number, number]>;
    const positions: Positions = {};
    for (const id of nodeIds) {
      const point = parsed[id];
      if (!Array.isArray(point) || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) return null;
      positions[id] = { x: point[0], y: point[1] };
    }
    return positions;
  } catch {
    return null;
  }
}

/** Stores positions (rounded, compact) and drops layouts cached for older dataset versions. */
export function writeCachedLayout(storage: LayoutStorage | null, key: string, positions: Positions): void {
  if (!storage) return;
  const compact: Record<string, [number, number]> = {};
  for (const [id, { x, y }] of Object.entries(positions)) {
    compact[id] = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
  }
  try {
    const stale: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const existing = storage.key(i);
      if (existing !== null && existing.startsWith('kopru.layout.') && existing !== key) stale.push(existing);
    }
    stale.forEach((existing) => storage.removeItem(existing));
    storage.setItem(key, JSON.stringify(compact));
  } catch {
    // Storage full or forbidden: the layout is recomputed next visit, nothing else is lost.
  }
}

export type LayoutStatus =
  | { status: 'idle' }
  | { status: 'running'; progress: number }
  | { status: 'ready'; positions: Positions; fromCache: boolean }
  | { status: 'error'; message: string; positions: Positions };

export const layoutStore = createStore<LayoutStatus>({ status: 'idle' });

/**
 * Organizations without any tie in any wave feel only repulsion in ForceAtlas2 and drift far away,
 * shrinking everyone else on screen. Keep their direction from the centre but bring them onto a ring
 * just outside the connected organizations (95th percentile of their distances).
 */
export function tidyIsolates(positions: Positions, isolated: (id: string) => boolean): Positions {
  const connected = Object.keys(positions).filter((id) => !isolated(id));
  if (connected.length === 0 || connected.length === Object.keys(positions).length) return positions;
  let cx = 0;
  let cy = 0;
  for (const id of connected) {
    cx += positions[id]!.x;
    cy += positions[id]!.y;
  }
  cx /= connected.length;
  cy /= connected.length;
  const distances = connected
    .map((id) => Math.hypot(positions[id]!.x - cx, positions[id]!.y - cy))
    .sort((a, b) => a - b);
  const ring = (distances[Math.floor(0.95 * (distances.length - 1))] ?? 1) * 1.08 || 1;
  const result: Positions = { ...positions };
  for (const id of Object.keys(positions)) {
    if (!isolated(id)) continue;
    const dx = positions[id]!.x - cx;
    const dy = positions[id]!.y - cy;
    const distance = Math.hypot(dx, dy);
    if (distance <= ring) continue;
    result[id] = { x: cx + (dx / distance) * ring, y: cy + (dy / distance) * ring };
  }
  return result;
}
