/**
 * Node measures computed by another engine (Neo4j Graph Data Science inside the database,
 * server/neo4j/gds/) and handed to `computeWaveMetrics`, which then uses them instead of computing
 * them itself; every other key of the result still comes from this engine. The values must already
 * follow this engine's conventions (DATA-FORMAT.md §3): the adapter that produced them converts.
 * The result records which engine computed each measure in its `engines` field.
 */
import type { MetricContext } from './context.js';
import type { NodeValues } from './types.js';

/** The node measures another engine may provide, by their result key. */
export const EXTERNAL_MEASURES = [
  'degree',
  'betweenness',
  'closeness',
  'harmonicCloseness',
  'pagerank',
  'eigenvector',
  'clustering',
  'kCore',
  'community',
] as const;

export type ExternalMeasure = (typeof EXTERNAL_MEASURES)[number];

export interface ExternalMeasures {
  /** Short engine name, e.g. `gds`. */
  engine: string;
  /** The engine's version, e.g. `2.13.9`. */
  version: string;
  /** Per measure, a value for every node id; `community` holds raw partition ids (renumbered here). */
  values: Partial<Record<ExternalMeasure, NodeValues>>;
  /** With `values.eigenvector`: whether the other engine's iteration converged. Default true. */
  eigenvectorConverged?: boolean;
}

/** Which engine computed each node measure (and `modularity`/`communities`, which follow `community`). */
export interface EngineReport {
  /** The other engine and its version; every measure not listed under `measures` as it is local. */
  external: { engine: string; version: string };
  measures: Record<string, string>;
}

/**
 * The provided measures, checked: each must give a finite number for every node of the graph.
 * A mismatch is a programming error in the adapter (it projected another graph), so it throws.
 */
export function checkedExternal(
  context: MetricContext,
  external: ExternalMeasures | undefined,
): Partial<Record<ExternalMeasure, NodeValues>> {
  if (!external) return {};
  for (const [measure, values] of Object.entries(external.values)) {
    for (const id of context.ids) {
      const value = values[id];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`${external.engine} gave no ${measure} for node "${id}"`);
      }
    }
    if (Object.keys(values).length !== context.n) {
      throw new Error(`${external.engine} gave ${measure} for nodes that are not in the graph`);
    }
  }
  return external.values;
}

/** The `engines` field of a result, or undefined when everything was computed here. */
export function engineReport(external: ExternalMeasures | undefined): EngineReport | undefined {
  if (!external) return undefined;
  const provided = Object.keys(external.values) as ExternalMeasure[];
  if (provided.length === 0) return undefined;
  const measures: Record<string, string> = {};
  for (const measure of EXTERNAL_MEASURES)
    measures[measure] = provided.includes(measure) ? external.engine : 'local';
  measures.modularity = measures.community!;
  measures.communities = measures.community!;
  return { external: { engine: external.engine, version: external.version }, measures };
}
