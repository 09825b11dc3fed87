/**
 * The union network: every organization and every tie of any wave in one graphology graph, so the map
 * draws one graph whose nodes never move between waves and whose ties fade in and out. Each tie keeps
 * its level per wave (`levels[wave]`, absent when the tie does not exist in that wave).
 *
 * Diff between two waves follows the server's tie diff (server/domain/compare/tie-diff.ts): a tie is
 * added, removed or stable as a pair; stable ties whose level went up are strengthened, down weakened.
 */
import Graph from 'graphology';
import type { AnalysisMode, OrganizationNodeAttributes, SerializedGraph } from '../../api/types';

export interface UnionEdgeAttributes {
  levels: Record<string, number>;
}

export interface UnionNodeAttributes extends OrganizationNodeAttributes {
  x: number;
  y: number;
}

export type UnionGraph = Graph<UnionNodeAttributes, UnionEdgeAttributes>;

export type TieChange = 'added' | 'removed' | 'stable' | 'strengthened' | 'weakened';

export interface TieChangeCounts {
  added: number;
  removed: number;
  /** Every tie present in both waves, strengthened and weakened ones included (as the API counts). */
  stable: number;
  strengthened: number;
  weakened: number;
}

/** Builds the union of the waves' graphs. Node attributes come from the first wave that has the node. */
export function buildUnionGraph(
  waves: readonly { wave: string; graph: SerializedGraph }[],
  mode: AnalysisMode,
): UnionGraph {
  const graph: UnionGraph = new Graph<UnionNodeAttributes, UnionEdgeAttributes>({
    type: mode === 'directed' ? 'directed' : 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const { graph: serialized } of waves) {
    for (const node of serialized.nodes) {
      if (!graph.hasNode(node.key)) {
        graph.addNode(node.key, {
          ...node.attributes,
          focus: Array.isArray(node.attributes.focus) ? node.attributes.focus : [],
          x: 0,
          y: 0,
        });
      }
    }
  }
  // Ties are added with keys of our own (a counter, or source->target when directed): graphology's
  // generated keys and a lookup before every insertion were a third of building 250 000 ties.
  let next = 0;
  waves.forEach(({ wave, graph: serialized }, index) => {
    for (const edge of serialized.edges) {
      // The first wave cannot repeat a pair (the API sends each once), so only later waves look up.
      const existing = index === 0 ? undefined : graph.edge(edge.source, edge.target);
      if (existing !== undefined) {
        graph.getEdgeAttributes(existing).levels[wave] = edge.attributes.level;
        continue;
      }
      const key = edge.key ?? (mode === 'directed' ? `${edge.source}->${edge.target}` : String(next++));
      graph.addEdgeWithKey(key, edge.source, edge.target, { levels: { [wave]: edge.attributes.level } });
    }
  });
  return graph;
}

/** How a tie changed from `from` to `to`; null when it exists in neither. */
export function tieChange(
  levels: Readonly<Record<string, number>>,
  from: string,
  to: string,
): TieChange | null {
  const before = levels[from];
  const after = levels[to];
  if (before === undefined && after === undefined) return null;
  if (before === undefined) return 'added';
  if (after === undefined) return 'removed';
  if (after > before) return 'strengthened';
  if (after < before) return 'weakened';
  return 'stable';
}

export function countTieChanges(graph: UnionGraph, from: string, to: string): TieChangeCounts {
  const counts: TieChangeCounts = { added: 0, removed: 0, stable: 0, strengthened: 0, weakened: 0 };
  graph.forEachEdge((_edge, attributes) => {
    const change = tieChange(attributes.levels, from, to);
    if (change === null) return;
    if (change === 'added' || change === 'removed') counts[change]++;
    else {
      counts.stable++;
      if (change !== 'stable') counts[change]++;
    }
  });
  return counts;
}

/** Number of ties in a wave, at or above a minimum level. */
export function countTies(graph: UnionGraph, wave: string, minLevel = 1): number {
  let count = 0;
  graph.forEachEdge((_edge, attributes) => {
    const level = attributes.levels[wave];
    if (level !== undefined && level >= minLevel) count++;
  });
  return count;
}

/** Degree of every organization in one wave (distinct partners, any direction). */
export function waveDegrees(graph: UnionGraph, wave: string): Map<string, number> {
  const degrees = new Map<string, number>();
  graph.forEachNode((node) => degrees.set(node, 0));
  const seen = new Set<string>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.levels[wave] === undefined) return;
    // In directed mode a→b and b→a are one partner each way, counted once per pair.
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    if (seen.has(pair)) return;
    seen.add(pair);
    degrees.set(source, (degrees.get(source) ?? 0) + 1);
    degrees.set(target, (degrees.get(target) ?? 0) + 1);
  });
  return degrees;
}

/** Partners of `node` in `wave` (or in either of two waves, for the diff view). */
export function neighboursIn(graph: UnionGraph, node: string, waves: readonly string[]): Set<string> {
  const result = new Set<string>();
  if (!graph.hasNode(node)) return result;
  graph.forEachEdge(node, (_edge, attributes, source, target) => {
    if (waves.some((wave) => attributes.levels[wave] !== undefined))
      result.add(source === node ? target : source);
  });
  return result;
}

/** Distinct values of a node attribute (lists are spread), sorted, for the filter options. */
export function distinctValues(graph: UnionGraph, attribute: 'city' | 'type' | 'focus' | 'kind'): string[] {
  const values = new Set<string>();
  graph.forEachNode((_node, attributes) => {
    const value = attributes[attribute];
    if (Array.isArray(value)) value.forEach((item) => item && values.add(String(item)));
    else if (value !== null && value !== undefined && value !== '') values.add(String(value));
  });
  return [...values].sort();
}
