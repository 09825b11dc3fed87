/** Query string of /api/organizations and the path of /api/organizations/:id. */
import { z } from 'zod';
import { integer, kind } from './common.js';

export const OrganizationListQuery = z
  .object({
    kind: kind.optional(),
    city: z.string().trim().min(1).max(200).optional(),
    q: z.string().max(200).optional(),
    limit: integer(1, 10_000).default(1000),
  })
  .strict();

export const OrganizationIdParam = z.object({ id: z.string().min(1).max(200) }).strict();
