/**
 * Builds the graphology graph of one wave in one analysis mode (DATA-FORMAT.md §2):
 * - `undirected`: a tie exists if either side reported it; its level is the highest reported;
 * - `directed`: ties as reported, source → target (duplicates keep the highest level);
 * - `reciprocated`: undirected, only pairs that both sides reported.
 * Every organization is a node in every wave, so isolates are part of the graph.
 */
import Graph from 'graphology';
import { NotFoundError } from '../../errors.js';
import type { AnalysisMode, Dataset, Organization } from '../types.js';

export interface NodeAttributes {
  /** Extra columns of organizations.csv, by their column name (e.g. `languages`). */
  [extra: string]: unknown;
  name: string;
  kind: Organization['kind'];
  type: string;
  city: string;
  district: string;
  focus: string[];
  refugeeLed: boolean | null;
}

export interface EdgeAttributes {
  /** Highest reported level, 1–4. */
  level: number;
  /** True when both organizations reported the tie in this wave. */
  reciprocated: boolean;
}

export type WaveGraph = Graph<NodeAttributes, EdgeAttributes>;

/** Edge key, stable across waves so diffs can match ties by key. */
export function tieKey(source: string, target: string, directed: boolean): string {
  if (directed) return `${source}->${target}`;
  return source < target ? `${source}--${target}` : `${target}--${source}`;
}

/** Column names of organizations.csv that differ from the attribute names in the graph. */
const COLUMN_ALIASES: Readonly<Record<string, string>> = { refugee_led: 'refugeeLed' };

/** The graph attribute a user means by a column name (`refugee_led` → `refugeeLed`). */
export function graphAttribute(name: string): string {
  return COLUMN_ALIASES[name] ?? name;
}

export function nodeAttributes(org: Organization): NodeAttributes {
  return {
    ...org.extra,
    name: org.name,
    kind: org.kind,
    type: org.type ?? '',
    city: org.city ?? '',
    district: org.district ?? '',
    focus: org.focus,
    refugeeLed: org.refugeeLed ?? null,
  };
}

/** Throws NotFoundError naming the known waves when `waveId` is not one of them. */
export function assertWave(dataset: Pick<Dataset, 'waves'>, waveId: string): void {
  if (!dataset.waves.some((w) => w.id === waveId)) {
    const known = dataset.waves.map((w) => w.id).join(', ') || 'none';
    throw new NotFoundError(`Unknown wave "${waveId}" (known waves: ${known})`);
  }
}

/** The last wave by date, the default for analyses of one wave. */
export function lastWaveId(dataset: Pick<Dataset, 'waves'>): string | undefined {
  return dataset.waves.at(-1)?.id;
}

export function buildWaveGraph(
  dataset: Pick<Dataset, 'organizations' | 'ties' | 'waves'>,
  waveId: string,
  mode: AnalysisMode = 'undirected',
): WaveGraph {
  assertWave(dataset, waveId);
  const directed = mode === 'directed';
  const graph: WaveGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: directed ? 'directed' : 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const org of dataset.organizations) graph.addNode(org.id, nodeAttributes(org));

  // Highest level reported per ordered pair in this wave.
  const reported = new Map<string, { source: string; target: string; level: number }>();
  for (const tie of dataset.ties) {
    if (tie.wave !== waveId || tie.source === tie.target) continue;
    const key = tieKey(tie.source, tie.target, true);
    const seen = reported.get(key);
    if (!seen || tie.level > seen.level)
      reported.set(key, { source: tie.source, target: tie.target, level: tie.level });
  }

  for (const { source, target, level } of reported.values()) {
    const reverse = reported.get(tieKey(target, source, true));
    const reciprocated = reverse !== undefined;
    if (mode === 'reciprocated' && !reciprocated) continue;
    const key = tieKey(source, target, directed);
    if (graph.hasEdge(key)) {
      graph.updateEdgeAttribute(key, 'level', (current) => Math.max(current ?? 0, level));
    } else {
      graph.addEdgeWithKey(key, source, target, { level, reciprocated });
    }
  }
  return graph;
}
