/**
 * createApp(deps): the Express application without `listen`, so tests drive it with supertest
 * against a real database. Security headers, CORS, rate and body limits, routers per resource under
 * /api (each listed in `http/openapi/routes.ts`), the built client at /, one error handler.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { createAuthServices } from './auth/index.js';
import { DEFAULT_HTTP_CONFIG, loadConfig, PROJECT_ROOT, type HttpConfig } from './config.js';
import { releasesDirOf } from './files/public-releases.js';
import type { AppDeps } from './http/deps.js';
import { authenticate, authOf, authorize, csrfProtection } from './http/middleware/auth.js';
import { jsonBody } from './http/middleware/body-parsers.js';
import { cors } from './http/middleware/cors.js';
import { errorHandler, notFoundHandler } from './http/middleware/error-handler.js';
import { methodNotAllowed } from './http/middleware/method-not-allowed.js';
import { rateLimiter } from './http/middleware/rate-limit.js';
import { securityHeaders } from './http/middleware/security-headers.js';
import { API_ROUTES } from './http/openapi/routes.js';
import { analysisRouter } from './http/routes/analysis.js';
import { auditRouter } from './http/routes/audit.js';
import { datasetRouter } from './http/routes/dataset.js';
import { graphRouter } from './http/routes/graph.js';
import { healthRouter } from './http/routes/health.js';
import { jobsRouter } from './http/routes/jobs.js';
import { openApiRouter } from './http/routes/openapi.js';
import { organizationsRouter } from './http/routes/organizations.js';
import { publicRouter } from './http/routes/public.js';
import { publicationsRouter } from './http/routes/publications.js';
import { reportRouter } from './http/routes/report.js';
import { sessionRouter } from './http/routes/session.js';
import { uploadsRouter } from './http/routes/uploads.js';
import { usersRouter } from './http/routes/users.js';
import { recordAudit } from './neo4j/repositories/audit-repository.js';
import { PublicationRepository } from './neo4j/repositories/publication-repository.js';

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
  // Behind a reverse proxy (TRUST_PROXY), req.ip and req.secure come from its X-Forwarded-* headers.
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.use(securityHeaders());

  const auth = deps.auth ?? createAuthServices(deps);
  const releasesDir = deps.releasesDir ?? releasesDirOf(loadConfig().neo4j.home);
  const api = express.Router();
  api.use(cors(http.corsOrigins));
  api.use(rateLimiter(http.rateLimitPerMinute, 'api'));
  const heavy = rateLimiter(http.heavyRateLimitPerMinute, 'uploads and report');
  api.use(['/uploads', '/report'], heavy);
  // Uploads parse their own, larger body; every other route gets the small limit.
  const json = jsonBody(http.jsonLimitBytes);
  api.use((req, res, next) => (req.path.startsWith('/uploads/') ? next() : json(req, res, next)));

  // Access control after the limits and before every router: who is asking, may they, and is it
  // really them (CSRF).
  api.use(authenticate(auth), authorize(), csrfProtection(http.corsOrigins));
  // Public: served from published release files only, never from the live database.
  api.use(publicRouter({ releasesDir }));
  api.use(sessionRouter(auth, deps.loginLimit === undefined ? {} : { loginLimit: deps.loginLimit }));
  api.use(usersRouter(auth));
  api.use(auditRouter(deps));
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
  api.use(jobsRouter(deps));
  api.use(
    publicationsRouter(deps, {
      releasesDir,
      publications: deps.publications ?? new PublicationRepository(deps.driver, deps.database),
      publisherOf: (req) => authOf(req).actor,
      onPublished: (event, req) =>
        recordAudit(deps, { actor: authOf(req).actor, action: 'publish', details: { ...event } }),
    }),
  );
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
