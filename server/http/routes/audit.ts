/**
 * GET /api/audit (admin): the audit log, newest first, a page at a time.
 * `?offset=0&limit=50` (limit 1–200) → `{ total, offset, limit, events: [{ id, at, actor, action, details }] }`.
 */
import { Router } from 'express';
import { listAudit } from '../../neo4j/repositories/audit-repository.js';
import type { AppDeps } from '../deps.js';
import { AuditQuery as Query } from '../schemas/accounts.js';
import { parseInput } from '../schemas/common.js';

export function auditRouter(deps: Pick<AppDeps, 'driver' | 'database'>): Router {
  const router = Router();
  router.get('/audit', async (req, res) => {
    const page = parseInput(Query, req.query);
    const { total, events } = await listAudit(deps, page);
    res.json({ total, offset: page.offset, limit: page.limit, events });
  });
  return router;
}
