/**
 * Test helpers for the comparison tests: datasets from the reference fixture and tiny hand-made ones.
 */
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import type {
  EdgeAttributes,
  NodeAttributes,
  WaveGraph,
} from '../../../../server/domain/graph/build-wave-graph.js';
import type { Dataset, OrganizationKind } from '../../../../server/domain/types.js';

export function readFixture<T>(relativePath: string): T {
  return JSON.parse(
    readFileSync(new URL(`../../../fixtures/reference/${relativePath}`, import.meta.url), 'utf8'),
  ) as T;
}

interface FixtureDataset {
  organizations: { id: string; name: string; kind: OrganizationKind }[];
  waves: { id: string; label: string; date: string }[];
  ties: { source: string; target: string; wave: string; level: number }[];
  events: { id: string; name: string; date: string; type?: string }[];
  attendance: { organization: string; event: string }[];
}

/** The Dataset of a fixture's plain JSON. */
export function toDataset(raw: FixtureDataset): Dataset {
  return {
    info: { name: 'reference fixture', synthetic: true },
    organizations: raw.organizations.map((o) => ({ ...o, focus: [], extra: {} })),
    waves: raw.waves,
    ties: raw.ties.map((t) => ({ ...t, extra: {} })),
    events: raw.events,
    attendance: raw.attendance,
    responses: [],
  };
}

export function nodeAttributes(kind: OrganizationKind = 'ngo'): NodeAttributes {
  return { name: '', kind, type: '', city: '', district: '', focus: [], refugeeLed: null };
}

/**
 * A wave graph from `[source, target, level?]` ties over `nodes` (ids, or [id, kind] pairs). Undirected unless
 * `directed`.
 */
export function waveGraph(
  nodes: (string | [string, OrganizationKind])[],
  ties: [string, string, number?][],
  directed = false,
): WaveGraph {
  const graph: WaveGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: directed ? 'directed' : 'undirected',
  });
  for (const node of nodes) {
    const [id, kind] = typeof node === 'string' ? [node, 'ngo' as const] : node;
    graph.addNode(id, nodeAttributes(kind));
  }
  for (const [source, target, level] of ties)
    graph.addEdge(source, target, { level: level ?? 1, reciprocated: false });
  return graph;
}
