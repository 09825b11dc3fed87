/** GET /api/openapi.json: the OpenAPI 3.1 document of this API, generated from the route list. */
import { Router } from 'express';
import { buildOpenApiDocument } from '../openapi/document.js';
import type { RouteSpec } from '../openapi/registry.js';
import { NoQuery, parseInput } from '../schemas/common.js';

export function openApiRouter(routes: readonly RouteSpec[], version: string): Router {
  const router = Router();
  let document: unknown = null;
  router.get('/openapi.json', (req, res) => {
    parseInput(NoQuery, req.query);
    document ??= buildOpenApiDocument(routes, {
      title: 'Köprü API',
      version,
      description:
        'Stakeholder network analysis: the dataset in Neo4j, its organizations, graphs per wave, metrics, ' +
        'comparisons, isolated organizations, uploads and the evaluation report.',
    });
    res.json(document);
  });
  return router;
}
