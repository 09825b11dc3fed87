/** GET /api/health: is the server up and can it reach the database? 503 while it cannot. */
import { Router } from 'express';
import { cypher } from '../../neo4j/cypher.js';
import { isUnavailable, withNeo4jErrors } from '../../neo4j/errors.js';
import type { AppDeps } from '../deps.js';
import { NoQuery, parseInput } from '../schemas/common.js';

/** Health checks answer fast: a database that does not answer in 3 s counts as down. */
const HEALTH_DEADLINE_MS = 3_000;

export function healthRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', async (req, res) => {
    parseInput(NoQuery, req.query);
    try {
      const { records } = await withNeo4jErrors(
        () =>
          deps.driver.executeQuery(
            cypher('health/version'),
            {},
            { database: deps.database, routing: 'READ' },
          ),
        HEALTH_DEADLINE_MS,
      );
      const row = records[0]?.toObject() ?? {};
      res.json({
        status: 'ok',
        neo4j: {
          connected: true,
          version: String(row.version ?? ''),
          edition: row.edition ?? null,
          embedded: deps.embedded,
        },
      });
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      res.setHeader('Retry-After', '5');
      res.status(503).json({
        status: 'unavailable',
        neo4j: { connected: false, version: null, embedded: deps.embedded },
      });
    }
  });
  return router;
}
