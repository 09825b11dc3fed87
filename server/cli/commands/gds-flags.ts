/**
 * `--engine auto|gds|local` and `--gds-min-nodes N` of `kopru metrics`: whether the node measures of
 * a `--db` analysis run inside Neo4j with Graph Data Science (server/neo4j/gds/engine.ts). Files are
 * analysed in process whatever the flag, except that `--engine gds` without `--db` is a usage error.
 */
import { loadConfig } from '../../config.js';
import { resolveWave } from '../../domain/analysis/index.js';
import type { ExternalMeasures } from '../../domain/metrics/index.js';
import type { AnalysisMode, Dataset } from '../../domain/types.js';
import { externalMeasuresFor, METRICS_ENGINES, type MetricsEngine } from '../../neo4j/gds/engine.js';
import type { Driver } from 'neo4j-driver';
import { UsageError } from '../command.js';

export const GDS_FLAGS = {
  engine: { type: 'string' },
  'gds-min-nodes': { type: 'string' },
} as const;

export const GDS_USAGE = [
  '  --engine E       with --db: auto (default: Neo4j GDS from --gds-min-nodes organizations up, when',
  '                   installed), gds (always GDS; fails without it) or local (always in process)',
  '  --gds-min-nodes N  the auto threshold (default KOPRU_GDS_MIN_NODES, 20 000)',
].join('\n');

export interface GdsChoice {
  engine: MetricsEngine;
  minNodes: number;
}

export function parseGdsFlags(
  values: { engine?: string | undefined; 'gds-min-nodes'?: string | undefined },
  fromDb: boolean,
): GdsChoice {
  const engine = values.engine ?? 'auto';
  if (!(METRICS_ENGINES as readonly string[]).includes(engine))
    throw new UsageError(`--engine must be one of ${METRICS_ENGINES.join(', ')}, not "${engine}"`);
  if (engine === 'gds' && !fromDb) throw new UsageError('--engine gds runs inside Neo4j: it needs --db');
  const raw = values['gds-min-nodes'];
  let minNodes = loadConfig().neo4j.gdsMinNodes;
  if (raw !== undefined) {
    minNodes = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(minNodes))
      throw new UsageError(`--gds-min-nodes must be a whole number, not "${raw}"`);
  }
  return { engine: engine as MetricsEngine, minNodes };
}

/** The GDS measures of the analysed wave, or undefined when the local engine computes everything. */
export async function gdsMeasuresFor(
  driver: Driver,
  database: string,
  dataset: Dataset,
  choice: GdsChoice,
  analysis: { wave: string | undefined; mode: AnalysisMode | undefined; weighted: boolean; treated: boolean },
): Promise<ExternalMeasures | undefined> {
  return externalMeasuresFor(driver, database, {
    ...choice,
    wave: resolveWave(dataset, analysis.wave),
    mode: analysis.mode ?? 'undirected',
    weighted: analysis.weighted,
    treated: analysis.treated,
    nodes: dataset.organizations.length,
  });
}
