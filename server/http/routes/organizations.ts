/** GET /api/organizations (filtered, Turkish-aware search) and GET /api/organizations/:id. */
import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { integer, kind, parseInput } from '../schemas/common.js';

const ListQuery = z
  .object({
    kind: kind.optional(),
    city: z.string().trim().min(1).max(200).optional(),
    q: z.string().max(200).optional(),
    limit: integer(1, 10_000).default(1000),
  })
  .strict();

const IdParam = z.object({ id: z.string().min(1).max(200) });

export function organizationsRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/organizations', async (req, res) => {
    const query = parseInput(ListQuery, req.query);
    const organizations = await deps.organizations.search(query);
    res.json({ organizations, count: organizations.length });
  });

  router.get('/organizations/:id', async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'path');
    const organization = await deps.organizations.get(id);
    if (!organization) throw new NotFoundError(`No organization with id "${id}"`);
    res.json(organization);
  });

  return router;
}
