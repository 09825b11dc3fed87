/**
 * Computes a wave's node measures inside Neo4j with Graph Data Science: projects the wave's ties into
 * an in-memory graph (cypher/queries/gds/project-wave.cypher: undirected, one relationship per pair),
 * streams one GDS algorithm per measure, and always drops the projection. Values come back keyed by
 * organization id and converted to Köprü's conventions (DATA-FORMAT.md §3), so that
 * `computeWaveMetrics(…, { external })` can use them as they are:
 *
 * - betweenness: GDS counts each unordered pair once (unnormalized, NetworkX's undirected raw value);
 *   × 2/((n − 1)(n − 2)) gives the normalized value (0 when n < 3).
 * - closeness: `useWassermanFaust: true` is NetworkX's `wf_improved=True`: no conversion.
 * - harmonicCloseness: GDS already divides Σ 1/d by n − 1, as harmonic-closeness.ts does.
 * - pagerank: GDS does not redistribute the rank of dangling nodes (isolates) and does not normalize;
 *   its fixed point is NetworkX's times a constant, so dividing by the sum gives NetworkX's values.
 * - eigenvector: both L2-normalized; GDS iterates on A, NetworkX (and eigenvector.ts) on A + I, which
 *   has the same principal eigenvector when it converges. Run to a tight tolerance.
 * - degree, clustering (local clustering coefficient), kCore (core number): same definitions.
 * - community: GDS's Louvain partition; communitiesFromPartition renumbers it and scores modularity
 *   with Köprü's formula. A different (equally valid) partition than graphology's Louvain.
 *
 * Only binary analyses in `undirected` or `reciprocated` mode are projected (engine.ts decides).
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { ExternalMeasure, ExternalMeasures } from '../../domain/metrics/external-measures.js';
import type { NodeValues } from '../../domain/metrics/types.js';
import { cypher } from '../cypher.js';
import { mapNeo4jError } from '../errors.js';

export interface GdsWaveMeasuresOptions {
  wave: string;
  mode: 'undirected' | 'reciprocated';
  /** GDS version reported by the probe, echoed in the result. */
  version: string;
  /** Threads GDS may use per algorithm; OpenGDS caps it at 4. Default 4. */
  concurrency?: number;
}

// GDS stops when no score moves by more than `tolerance`; PageRank's scores are about 1 before
// normalization, eigenvector's at most 1. Far tighter than NetworkX's rules, so the values are the
// converged ones (the parity test measures |Δ| < 1e-9 against our engine run to the same point).
const ITERATIVE = { tolerance: 1e-13, maxIterations: 1_000 } as const;

/** Every statement that streams one measure, by the result key it fills. */
const STREAMS: ReadonlyArray<readonly [ExternalMeasure, string]> = [
  ['degree', cypher('gds/degree')],
  ['betweenness', cypher('gds/betweenness')],
  ['closeness', cypher('gds/closeness')],
  ['harmonicCloseness', cypher('gds/harmonic-closeness')],
  ['pagerank', cypher('gds/pagerank')],
  ['eigenvector', cypher('gds/eigenvector')],
  ['clustering', cypher('gds/local-clustering')],
  ['kCore', cypher('gds/k-core')],
  ['community', cypher('gds/louvain')],
];

/**
 * The node measures of one wave computed by GDS, in Köprü's conventions.
 * @throws UnavailableError when the database cannot be reached; anything GDS refuses is rethrown.
 */
export async function computeGdsWaveMeasures(
  driver: Driver,
  database: string,
  options: GdsWaveMeasuresOptions,
): Promise<ExternalMeasures> {
  const graph = `kopru-${randomUUID()}`;
  const concurrency = neo4j.int(options.concurrency ?? 4);
  // One session on the writer: an in-memory graph lives on the member that projected it, so the
  // projection, every algorithm and the drop must reach the same server.
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  const run = <T>(work: (tx: ManagedTransaction) => Promise<T>) => session.executeWrite(work);
  let projected = false;
  try {
    const projection = await run((tx) =>
      tx.run(cypher('gds/project-wave'), {
        graph,
        wave: options.wave,
        reciprocatedOnly: options.mode === 'reciprocated',
      }),
    );
    projected = true;
    const n = numberOf(projection.records[0]?.get('nodeCount'));
    const values: Partial<Record<ExternalMeasure, NodeValues>> = {};
    for (const [measure, statement] of STREAMS) {
      const result = await run((tx) => tx.run(statement, { graph, concurrency, ...iterative() }));
      const byId: NodeValues = {};
      for (const record of result.records) byId[record.get('id') as string] = numberOf(record.get('value'));
      values[measure] = byId;
    }
    return { engine: 'gds', version: options.version, values: toKopruConventions(values, n) };
  } catch (error) {
    throw mapNeo4jError(error);
  } finally {
    try {
      if (projected) await run((tx) => tx.run(cypher('gds/drop-graph'), { graph }));
    } finally {
      await session.close();
    }
  }
}

function iterative() {
  return { tolerance: ITERATIVE.tolerance, maxIterations: neo4j.int(ITERATIVE.maxIterations) };
}

function numberOf(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'number') return value;
  throw new Error(`GDS returned a non-numeric value: ${String(value)}`);
}

/** Exported for the unit test of the conversions. */
export function toKopruConventions(
  values: Partial<Record<ExternalMeasure, NodeValues>>,
  n: number,
): Partial<Record<ExternalMeasure, NodeValues>> {
  const out = { ...values };
  if (values.betweenness) {
    const scale = n > 2 ? 2 / ((n - 1) * (n - 2)) : 0;
    out.betweenness = mapValues(values.betweenness, (x) => x * scale);
  }
  if (values.pagerank) {
    const sum = Object.values(values.pagerank).reduce((a, b) => a + b, 0);
    out.pagerank = mapValues(values.pagerank, (x) => (sum > 0 ? x / sum : 0));
  }
  return out;
}

function mapValues(values: NodeValues, f: (x: number) => number): NodeValues {
  return Object.fromEntries(Object.entries(values).map(([id, x]) => [id, f(x)]));
}
