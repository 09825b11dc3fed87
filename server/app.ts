/**
 * createApp(deps): the Express application without `listen`, so tests drive it with supertest
 * against a real database. Security headers, CORS, rate and body limits, routers per resource under
 * /api (each listed in `http/openapi/routes.ts`), the built client at /, one error handler.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { DEFAULT_HTTP_CONFIG, PROJECT_ROOT, type HttpConfig } from './config.js';
import type { AppDeps } from './http/deps.js';
import { jsonBody } from './http/middleware/body-parsers.js';
import { cors } from './http/middleware/cors.js';
import { errorHandler, notFoundHandler } from './http/middleware/error-handler.js';
import { methodNotAllowed } from './http/middleware/method-not-allowed.js';
import { rateLimiter } from './http/middleware/rate-limit.js';
import { securityHeaders } from './http/middleware/security-headers.js';
import { API_ROUTES } from './http/openapi/routes.js';
import { analysisRouter } from './http/routes/analysis.js';
import { datasetRouter } from './http/routes/dataset.js';
import { graphRouter } from './http/routes/graph.js';
import { healthRouter } from './http/routes/health.js';
import { openApiRouter } from './http/routes/openapi.js';
import { organizationsRouter } from './http/routes/organizations.js';
import { reportRouter } from './http/routes/report.js';
import { uploadsRouter } from './http/routes/uploads.js';

const PLACEHOLDER = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Köprü</title>
<body>
<h1>Köprü</h1><p>The API is running. The client has not been built: run <code>npm run build:client</code>.</p>
<p>Try <a href="/api/health">/api/health</a> or <a href="/api/graph?wave=pre">/api/graph?wave=pre</a>.</p></body></html>`;

const VERSION = (
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

export function createApp(deps: AppDeps, http: HttpConfig = DEFAULT_HTTP_CONFIG): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());

  const api = express.Router();
  api.use(cors(http.corsOrigins));
  api.use(rateLimiter(http.rateLimitPerMinute, 'api'));
  const heavy = rateLimiter(http.heavyRateLimitPerMinute, 'uploads and report');
  api.use(['/uploads', '/report'], heavy);
  // Uploads parse their own, larger body; every other route gets the small limit.
  const json = jsonBody(http.jsonLimitBytes);
  api.use((req, res, next) => (req.path.startsWith('/uploads/') ? next() : json(req, res, next)));

  api.use(healthRouter(deps));
  api.use(openApiRouter(API_ROUTES, VERSION));
  api.use(datasetRouter(deps));
  api.use(organizationsRouter(deps));
  api.use(graphRouter(deps));
  api.use(analysisRouter(deps));
  api.use(
    uploadsRouter(deps, {
      bodyLimit: http.uploadLimitBytes,
      maxFileBytes: http.uploadLimitBytes,
      maxFiles: http.uploadMaxFiles,
    }),
  );
  api.use(reportRouter(deps));
  api.use(methodNotAllowed(API_ROUTES));
  api.use(notFoundHandler());
  app.use('/api', api);

  const index = path.join(deps.clientDist, 'index.html');
  if (existsSync(index)) {
    app.use(express.static(deps.clientDist, { index: 'index.html', maxAge: '1h' }));
  } else {
    app.get('/', (_req, res) => {
      res.type('html').send(PLACEHOLDER);
    });
  }
  app.use(notFoundHandler());
  app.use(errorHandler(deps.log));
  return app;
}
