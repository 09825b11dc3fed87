/**
 * createApp on deps that answer without a database (an empty store), for tests of what the HTTP layer
 * does before any route reaches Neo4j: headers, CORS, limits, validation, the OpenAPI document.
 */
import type { Express } from 'express';
import { createApp } from '../../../server/app.js';
import { DEFAULT_HTTP_CONFIG, type HttpConfig } from '../../../server/config.js';
import type { AuthServices } from '../../../server/auth/index.js';
import { AccountPresence } from '../../../server/auth/local-mode.js';
import type { AppDeps } from '../../../server/http/deps.js';

export function appWithoutDatabase(
  http: Partial<HttpConfig> = {},
  log: (m: string) => void = () => undefined,
): Express {
  const deps = {
    store: { current: async () => null },
    clientDist: '/nonexistent',
    embedded: false,
    log,
    // No accounts and no sessions: local mode, so requests from the test reach the routes as they
    // do on a fresh `npm start`.
    auth: {
      presence: new AccountPresence(async () => 0),
      sessions: { resolve: async () => null },
    } as unknown as AuthServices,
  } as unknown as AppDeps;
  return createApp(deps, { ...DEFAULT_HTTP_CONFIG, ...http });
}
