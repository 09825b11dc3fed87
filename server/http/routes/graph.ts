/**
 * GET /api/graph?wave=&mode=: one wave as graphology's serialized JSON, every organization included
 * (isolates too). The graph attributes say which wave, mode and dataset version it is.
 */
import { Router } from 'express';
import { assertWave, buildWaveGraph, lastWaveId } from '../../domain/graph/build-wave-graph.js';
import { NotFoundError } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { answerIfNotModified, compressResponses, versionedEtag } from '../middleware/conditional-get.js';
import { parseInput } from '../schemas/common.js';
import { GraphQuery } from '../schemas/graph.js';

/** Serialized answers kept per dataset version and query: a cached read is a lookup and a write. */
const BODY_CACHE_BYTES = 64 * 1024 * 1024;

export function graphRouter(deps: AppDeps): Router {
  const router = Router();
  const bodies = new Map<string, string>();
  let cachedBytes = 0;
  const remember = (key: string, body: string) => {
    bodies.set(key, body);
    cachedBytes += body.length;
    // Oldest first: a Map iterates in insertion order.
    for (const [oldKey, old] of bodies) {
      if (cachedBytes <= BODY_CACHE_BYTES || oldKey === key) break;
      bodies.delete(oldKey);
      cachedBytes -= old.length;
    }
  };
  // The graph is the largest answer (megabytes at 10 000 organizations): compressed, and validated
  // by the dataset version so a reload of an unchanged dataset costs a 304.
  router.get('/graph', compressResponses(), async (req, res) => {
    const query = parseInput(GraphQuery, req.query);
    const current = await deps.store.current();
    if (!current) throw new NotFoundError('No dataset has been imported yet');
    const wave = query.wave ?? lastWaveId(current.dataset);
    if (wave === undefined) throw new NotFoundError('The dataset has no waves');
    assertWave(current.dataset, wave);
    // Before building anything: the version and the query decide the answer.
    if (answerIfNotModified(req, res, versionedEtag('graph', current.version, { wave, mode: query.mode })))
      return;
    const key = JSON.stringify([current.version, wave, query.mode]);
    const cached = bodies.get(key);
    if (cached !== undefined) {
      res.type('json').send(cached);
      return;
    }
    const graph = buildWaveGraph(current.dataset, wave, query.mode);
    graph.replaceAttributes({
      wave,
      mode: query.mode,
      datasetVersion: current.version,
      name: current.dataset.info.name,
      synthetic: current.dataset.info.synthetic,
    });
    const body = JSON.stringify(graph.export());
    remember(key, body);
    res.type('json').send(body);
  });
  return router;
}
