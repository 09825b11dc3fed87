/**
 * GET /api/metrics, /api/metrics/registry, /api/compare, /api/isolated: the analyses of the dataset
 * in Neo4j, with the same domain code (and so the same numbers) as the CLI. Results are cached per
 * dataset version and parameters.
 *
 * Metrics and compare on a dataset of `asyncFromNodes` organizations or more (default
 * {@link ASYNC_FROM_NODES}) run as a job on worker threads: the answer is 202 with
 * `{ job: { id, status, progress } }` and `Location: /api/jobs/<id>` (routes/jobs.ts polls and
 * cancels). Smaller datasets, such as the demo, are answered synchronously as before.
 */
import { Router } from 'express';
import type { z } from 'zod';
import type { Response } from 'express';
import {
  analyseChange,
  analyseChangeAsync,
  analyseIsolation,
  analyseWave,
  analyseWaveAsync,
  resolveWave,
} from '../../domain/analysis/index.js';
import { processJobs, type JobRegistry } from '../../jobs/job-registry.js';
import { METRICS } from '../../domain/metrics/registry.js';
import { GDS_MIN_NODES_DEFAULT } from '../../config.js';
import type { Dataset } from '../../domain/types.js';
import { NotFoundError } from '../../errors.js';
import { externalMeasuresFor } from '../../neo4j/gds/engine.js';
import type { AppDeps } from '../deps.js';
import { ResultCache } from '../result-cache.js';
import { CompareQuery, IsolatedQuery, MetricsQuery } from '../schemas/analysis.js';
import { NoQuery, parseInput } from '../schemas/common.js';

/** From this many organizations up, metrics and compare answer 202 and run as a job. */
export const ASYNC_FROM_NODES = 2000;

export interface AnalysisRouterOptions {
  jobs?: JobRegistry;
  asyncFromNodes?: number;
}

/** Results are cached as their JSON text: a cached read is then a lookup and a write, with no
 *  re-serialisation of a compare result of a few hundred kilobytes. */
function sendJson(res: Response, body: string): void {
  res.type('json').send(body);
}

function accepted(res: Response, job: { id: string; status: string; progress: unknown }): void {
  res
    .status(202)
    .location(`/api/jobs/${job.id}`)
    .json({ job: { id: job.id, status: job.status, progress: job.progress } });
}

export function analysisRouter(deps: AppDeps, options: AnalysisRouterOptions = {}): Router {
  const router = Router();
  const cache = new ResultCache();
  const jobs = options.jobs ?? processJobs;
  const asyncFromNodes = options.asyncFromNodes ?? ASYNC_FROM_NODES;

  // Large waves: node measures inside Neo4j with GDS when it is installed (engine `auto`, see
  // server/neo4j/gds/engine.ts); below the threshold, or without GDS, nothing is asked of the database.
  const gdsMeasures = (data: Dataset, query: z.output<typeof MetricsQuery>) =>
    externalMeasuresFor(deps.driver, deps.database, {
      engine: 'auto',
      minNodes: deps.gdsMinNodes ?? GDS_MIN_NODES_DEFAULT,
      wave: resolveWave(data, query.wave),
      mode: query.mode,
      weighted: query.weighted,
      treated: query.treatment !== undefined && query.treatment !== 'as-reported',
      nodes: data.organizations.length,
    });

  const dataset = async () => {
    const current = await deps.store.current();
    if (!current) throw new NotFoundError('No dataset has been imported yet');
    return current;
  };

  router.get('/metrics/registry', (req, res) => {
    parseInput(NoQuery, req.query);
    res.json({
      metrics: METRICS.map(({ id, scope, label, description, modes, usesWeights, outputs }) => ({
        id,
        scope,
        label,
        description,
        modes: modes ?? null,
        usesWeights,
        outputs,
      })),
    });
  });

  router.get('/metrics', async (req, res) => {
    const query = parseInput(MetricsQuery, req.query);
    const { dataset: data, version } = await dataset();
    if (data.organizations.length >= asyncFromNodes) {
      const key = `${version} metrics ${JSON.stringify(query)}`;
      const done = jobs.resultFor(key);
      if (done) return void res.json(done.result);
      resolveWave(data, query.wave);
      return void accepted(
        res,
        jobs.start(
          'metrics',
          async (run) => analyseWaveAsync(data, { ...query, external: await gdsMeasures(data, query) }, run),
          key,
        ),
      );
    }
    sendJson(
      res,
      await cache.getOrCompute(version, `metrics ${JSON.stringify(query)}`, () =>
        JSON.stringify(analyseWave(data, query)),
      ),
    );
  });

  router.get('/compare', async (req, res) => {
    const query = parseInput(CompareQuery, req.query);
    const { dataset: data, version } = await dataset();
    if (data.organizations.length >= asyncFromNodes) {
      const key = `${version} compare ${JSON.stringify(query)}`;
      const done = jobs.resultFor(key);
      if (done) return void res.json(done.result);
      resolveWave(data, query.from);
      resolveWave(data, query.to);
      return void accepted(
        res,
        jobs.start('compare', (run) => analyseChangeAsync(data, query, run), key),
      );
    }
    sendJson(
      res,
      await cache.getOrCompute(version, `compare ${JSON.stringify(query)}`, () =>
        JSON.stringify(analyseChange(data, query)),
      ),
    );
  });

  router.get('/isolated', async (req, res) => {
    const query = parseInput(IsolatedQuery, req.query);
    const { dataset: data, version } = await dataset();
    sendJson(
      res,
      await cache.getOrCompute(version, `isolated ${JSON.stringify(query)}`, () =>
        JSON.stringify(
          analyseIsolation(data, { wave: query.wave, mode: query.mode, maxSuggestions: query.suggestions }),
        ),
      ),
    );
  });

  return router;
}
