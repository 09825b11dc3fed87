/**
 * GET /api/metrics, /api/metrics/registry, /api/compare, /api/isolated: the analyses of the dataset
 * in Neo4j, with the same domain code (and so the same numbers) as the CLI. Results are cached per
 * dataset version and parameters.
 */
import { Router } from 'express';
import { analyseChange, analyseIsolation, analyseWave } from '../../domain/analysis/index.js';
import { METRICS } from '../../domain/metrics/registry.js';
import { NotFoundError } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { ResultCache } from '../result-cache.js';
import { CompareQuery, IsolatedQuery, MetricsQuery } from '../schemas/analysis.js';
import { NoQuery, parseInput } from '../schemas/common.js';

export function analysisRouter(deps: AppDeps): Router {
  const router = Router();
  const cache = new ResultCache();

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
    res.json(
      await cache.getOrCompute(version, `metrics ${JSON.stringify(query)}`, () => analyseWave(data, query)),
    );
  });

  router.get('/compare', async (req, res) => {
    const query = parseInput(CompareQuery, req.query);
    const { dataset: data, version } = await dataset();
    res.json(
      await cache.getOrCompute(version, `compare ${JSON.stringify(query)}`, () => analyseChange(data, query)),
    );
  });

  router.get('/isolated', async (req, res) => {
    const query = parseInput(IsolatedQuery, req.query);
    const { dataset: data, version } = await dataset();
    res.json(
      await cache.getOrCompute(version, `isolated ${JSON.stringify(query)}`, () =>
        analyseIsolation(data, { wave: query.wave, mode: query.mode, maxSuggestions: query.suggestions }),
      ),
    );
  });

  return router;
}
