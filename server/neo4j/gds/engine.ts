/**
 * Which engine computes a wave's node measures: Köprü's own (in process, `local`) or Neo4j Graph Data
 * Science inside the database (`gds`), and with `auto` (the default) GDS when it is installed and the
 * wave has at least `minNodes` organizations (KOPRU_GDS_MIN_NODES, default 20 000). GDS is used for
 * binary analyses in `undirected` and `reciprocated` mode of the data as stored (no non-response
 * treatment); anything else runs locally. Measures GDS lacks (network-level ones, brokerage, E-I)
 * always run locally; the result's `engines` field says which engine computed what.
 */
import type { Driver } from 'neo4j-driver';
import type { ExternalMeasures } from '../../domain/metrics/external-measures.js';
import type { AnalysisMode } from '../../domain/types.js';
import { UnavailableError, ValidationError } from '../../errors.js';
import { probeGds, type GdsStatus } from './gds-probe.js';
import { computeGdsWaveMeasures } from './gds-wave-measures.js';

export const METRICS_ENGINES = ['auto', 'gds', 'local'] as const;
export type MetricsEngine = (typeof METRICS_ENGINES)[number];

export interface EngineRequest {
  engine: MetricsEngine;
  /** `auto` uses GDS from this many organizations up. */
  minNodes: number;
  wave: string;
  mode: AnalysisMode;
  weighted: boolean;
  /** Organizations in the wave graph (every organization is in every wave). */
  nodes: number;
  /** True when a non-response treatment changes the data the local engine analyses. */
  treated?: boolean;
}

/** Why a request cannot run in GDS, or null when it can. */
function unsupported(request: EngineRequest): string | null {
  if (request.mode === 'directed') return 'directed mode runs in process only';
  if (request.weighted) return 'weighted analyses run in process only';
  if (request.treated) return 'a non-response treatment changes the data; it runs in process only';
  return null;
}

/**
 * The measures GDS computed for this request, or undefined when the local engine should compute
 * everything. `--engine gds` fails clearly instead of falling back.
 * @throws ValidationError (engine `gds` for an analysis GDS does not serve), UnavailableError (GDS absent).
 */
export async function externalMeasuresFor(
  driver: Driver,
  database: string,
  request: EngineRequest,
  probe: () => Promise<GdsStatus> = () => probeGds(driver, database),
): Promise<ExternalMeasures | undefined> {
  if (request.engine === 'local') return undefined;
  const why = unsupported(request);
  if (request.engine === 'auto' && (why || request.nodes < request.minNodes)) return undefined;
  if (why) {
    throw new ValidationError(
      `The GDS engine cannot serve this analysis: ${why}. Use --engine local or auto.`,
      [{ column: 'engine', reason: why }],
    );
  }
  const status = await probe();
  if (!status.available) {
    if (request.engine === 'auto') return undefined;
    throw new UnavailableError(
      `${status.reason}. Start Köprü with KOPRU_GDS=1 (embedded Neo4j) or install GDS on the server.`,
      0,
    );
  }
  return computeGdsWaveMeasures(driver, database, {
    wave: request.wave,
    mode: request.mode as 'undirected' | 'reciprocated',
    version: status.version,
  });
}
