/** GET /api/organizations (filtered, Turkish-aware search) and GET /api/organizations/:id. */
import { Router } from 'express';
import { NotFoundError } from '../../errors.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../schemas/common.js';
import { OrganizationIdParam, OrganizationListQuery } from '../schemas/organizations.js';

export function organizationsRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/organizations', async (req, res) => {
    const query = parseInput(OrganizationListQuery, req.query);
    const organizations = await deps.organizations.search(query);
    res.json({ organizations, count: organizations.length });
  });

  router.get('/organizations/:id', async (req, res) => {
    const { id } = parseInput(OrganizationIdParam, req.params, 'path');
    const organization = await deps.organizations.get(id);
    if (!organization) throw new NotFoundError(`No organization with id "${id}"`);
    res.json(organization);
  });

  return router;
}
