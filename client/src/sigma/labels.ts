/**
 * Which labels to draw so that none overlaps another: sigma's label grid bounds how many labels a
 * screen cell gets, but long organization names still run into each other. Greedy placement, most
 * important first (spotlit organizations, then the biggest), each label kept only if its box is free.
 * A uniform grid of buckets keeps it near-linear in the number of candidates.
 */
export interface LabelCandidate {
  id: string;
  /** Node centre on screen, pixels. */
  x: number;
  y: number;
  /** Node radius on screen, pixels. */
  radius: number;
  /** Label box size, pixels. */
  width: number;
  height: number;
  /** Higher first. */
  priority: number;
}

export interface LabelViewport {
  width: number;
  height: number;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const BUCKET = 64;
/** Candidates at or above this priority are placed even when cut by the edge (hovered, selected). */
export const SPOTLIGHT_PRIORITY = 1e9;

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Ids whose labels fit without overlap (label to the right of the node, as sigma draws it), at most
 * `limit` of them, with `padding` pixels of air around each. Labels off screen are skipped.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  viewport: LabelViewport,
  padding: number,
  limit = Number.POSITIVE_INFINITY,
): Set<string> {
  const placed = new Set<string>();
  const buckets = new Map<number, Box[]>();
  const key = (bx: number, by: number): number => bx * 100_003 + by;
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  for (const candidate of ordered) {
    if (placed.size >= limit) break;
    const x1 = candidate.x + candidate.radius + 3 - padding;
    const box: Box = {
      x1,
      y1: candidate.y - candidate.height / 2 - padding,
      x2: x1 + candidate.width + 2 * padding,
      y2: candidate.y + candidate.height / 2 + padding,
    };
    // A label cut by the edge of the map reads worse than none.
    if (
      box.x1 + padding < 0 ||
      box.y1 + padding < 0 ||
      box.x2 - padding > viewport.width ||
      box.y2 - padding > viewport.height
    ) {
      if (candidate.priority < SPOTLIGHT_PRIORITY) continue;
    }
    const bx1 = Math.floor(box.x1 / BUCKET);
    const bx2 = Math.floor(box.x2 / BUCKET);
    const by1 = Math.floor(box.y1 / BUCKET);
    const by2 = Math.floor(box.y2 / BUCKET);
    let free = true;
    for (let bx = bx1; bx <= bx2 && free; bx++) {
      for (let by = by1; by <= by2 && free; by++) {
        for (const other of buckets.get(key(bx, by)) ?? []) {
          if (overlaps(box, other)) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    placed.add(candidate.id);
    for (let bx = bx1; bx <= bx2; bx++) {
      for (let by = by1; by <= by2; by++) {
        const list = buckets.get(key(bx, by));
        if (list) list.push(box);
        else buckets.set(key(bx, by), [box]);
      }
    }
  }
  return placed;
}

/** Nodes whose label visibility differs between two placements (null: sigma's grid decides). */
export function changedLabels(
  before: ReadonlySet<string> | null,
  after: ReadonlySet<string> | null,
  graph: { nodes(): string[] },
): string[] {
  if (before === after) return [];
  if (before === null || after === null) return graph.nodes();
  const changed: string[] = [];
  for (const id of before) if (!after.has(id)) changed.push(id);
  for (const id of after) if (!before.has(id)) changed.push(id);
  return changed;
}
