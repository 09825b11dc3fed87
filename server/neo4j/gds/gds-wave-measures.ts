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
import os from 'node:os';
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
  /** Threads GDS may use per algorithm; OpenGDS caps it at 4. Default: this machine's cores, up to 4. */
  concurrency?: number;
}

// GDS stops when no score moves by more than `tolerance` between iterations: far tighter than
// NetworkX's rules, so the values are the converged ones. PageRank's scores are about 1 before
// normalization. Eigenvector gets a looser 1e-10 on purpose: GDS 2.13.9 keeps the iterates
// unnormalized and computes their L2 norm from squares, which overflow once λ₁^(2k) passes 1e308
// (k = 149 iterations on a 400-node block model of mean degree 10); the stream then returns all
// zeros and reports convergence. Stopping sooner avoids that, and a vector whose norm is not 1 is
// dropped (the local engine computes it instead).
const PAGERANK = { tolerance: 1e-13, maxIterations: 1_000 } as const;
const EIGENVECTOR = { tolerance: 1e-10, maxIterations: 1_000 } as const;

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
  // The embedded database shares this machine's cores; a remote one is usually no smaller.
  const concurrency = neo4j.int(options.concurrency ?? Math.min(4, os.availableParallelism()));
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
    // One GDS algorithm per measure; each statement returns (id, value) rows.
    async function stream(
      measure: ExternalMeasure,
      query: string,
      iterative: { tolerance: number; maxIterations: number } = PAGERANK,
    ): Promise<void> {
      const parameters = { graph, concurrency, ...integerIterations(iterative) };
      const result = await run((tx) => tx.run(query, parameters));
      const byId: NodeValues = {};
      for (const record of result.records) byId[record.get('id') as string] = numberOf(record.get('value'));
      values[measure] = byId;
    }
    await stream('degree', cypher('gds/degree'));
    await stream('betweenness', cypher('gds/betweenness'));
    await stream('closeness', cypher('gds/closeness'));
    await stream('harmonicCloseness', cypher('gds/harmonic-closeness'));
    await stream('pagerank', cypher('gds/pagerank'));
    await stream('eigenvector', cypher('gds/eigenvector'), EIGENVECTOR);
    await stream('clustering', cypher('gds/local-clustering'));
    await stream('kCore', cypher('gds/k-core'));
    await stream('community', cypher('gds/louvain'));
    let eigenvectorConverged = true;
    if (values.eigenvector && isUnitVector(values.eigenvector)) {
      const parameters = { graph, concurrency, ...integerIterations(EIGENVECTOR) };
      const stats = await run((tx) => tx.run(cypher('gds/eigenvector-converged'), parameters));
      eigenvectorConverged = stats.records[0]?.get('converged') === true;
    } else {
      delete values.eigenvector;
    }
    return {
      engine: 'gds',
      version: options.version,
      values: toKopruConventions(values, n),
      ...(values.eigenvector ? { eigenvectorConverged } : {}),
    };
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

// GDS refuses a float where it wants an integer, and JavaScript numbers travel as floats.
function integerIterations(settings: { tolerance: number; maxIterations: number }) {
  return { tolerance: settings.tolerance, maxIterations: neo4j.int(settings.maxIterations) };
}

/** An L2-normalized vector, as GDS's eigenvector should be (see EIGENVECTOR above). */
function isUnitVector(values: NodeValues): boolean {
  let squares = 0;
  for (const value of Object.values(values)) squares += value * value;
  return Math.abs(squares - 1) < 1e-6;
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
