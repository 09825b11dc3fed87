/** GET /api/health: is the server up and can it reach the database? 503 while it cannot. */
import { Router } from 'express';
import { cypher } from '../../neo4j/cypher.js';
import { isUnavailable } from '../../neo4j/errors.js';
import type { AppDeps } from '../deps.js';

export function healthRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      const { records } = await deps.driver.executeQuery(
        cypher('health/version'),
        {},
        { database: deps.database, routing: 'READ' },
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
