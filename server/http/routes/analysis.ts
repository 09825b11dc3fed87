/**
 * GET /api/metrics, /api/metrics/registry, /api/compare, /api/isolated: the analyses of the dataset
 * in Neo4j, with the same domain code (and so the same numbers) as the CLI. Results are cached per
 * dataset version and parameters.
 */
import { Router } from 'express';
import { z } from 'zod';
import { analyseChange, analyseIsolation, analyseWave } from '../../domain/analysis/index.js';
import { METRICS } from '../../domain/metrics/registry.js';
import { NotFoundError } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { ResultCache } from '../result-cache.js';
import { integer, mode, parseInput, treatment, waveId } from '../schemas/common.js';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const seed = integer(0, 2 ** 31 - 1);
const groupBy = z.string().trim().min(1).max(100);

const MetricsQuery = z
  .object({
    wave: waveId.optional(),
    mode: mode.default('undirected'),
    groupBy: groupBy.optional(),
    treatment: treatment.optional(),
    weighted: flag.default(false),
    seed: seed.optional(),
  })
  .strict();

const CompareQuery = z
  .object({
    from: waveId,
    to: waveId,
    mode: mode.default('undirected'),
    permutations: integer(1, 100_000).default(5000),
    seed: seed.default(42),
    groupBy: groupBy.optional(),
    treatment: treatment.optional(),
    weighted: flag.default(false),
  })
  .strict();

const IsolatedQuery = z
  .object({
    wave: waveId.optional(),
    mode: mode.default('undirected'),
    suggestions: integer(0, 20).default(3),
  })
  .strict();

export function analysisRouter(deps: AppDeps): Router {
  const router = Router();
  const cache = new ResultCache();

  const dataset = async () => {
    const current = await deps.store.current();
    if (!current) throw new NotFoundError('No dataset has been imported yet');
    return current;
  };

  router.get('/metrics/registry', (_req, res) => {
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
