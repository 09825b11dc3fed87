/**
 * GET /api/graph?wave=&mode=: one wave as graphology's serialized JSON, every organization included
 * (isolates too). The graph attributes say which wave, mode and dataset version it is.
 */
import { Router } from 'express';
import { buildWaveGraph, lastWaveId } from '../../domain/graph/build-wave-graph.js';
import { NotFoundError } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../schemas/common.js';
import { GraphQuery } from '../schemas/graph.js';

export function graphRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/graph', async (req, res) => {
    const query = parseInput(GraphQuery, req.query);
    const current = await deps.store.current();
    if (!current) throw new NotFoundError('No dataset has been imported yet');
    const wave = query.wave ?? lastWaveId(current.dataset);
    if (wave === undefined) throw new NotFoundError('The dataset has no waves');
    const graph = buildWaveGraph(current.dataset, wave, query.mode);
    graph.replaceAttributes({
      wave,
      mode: query.mode,
      datasetVersion: current.version,
      name: current.dataset.info.name,
      synthetic: current.dataset.info.synthetic,
    });
    res.json(graph.export());
  });
  return router;
}
