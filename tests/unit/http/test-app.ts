/**
 * createApp on deps that answer without a database (an empty store), for tests of what the HTTP layer
 * does before any route reaches Neo4j: headers, CORS, limits, validation, the OpenAPI document.
 */
import type { Express } from 'express';
import { createApp } from '../../../server/app.js';
import { DEFAULT_HTTP_CONFIG, type HttpConfig } from '../../../server/config.js';
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
  } as unknown as AppDeps;
  return createApp(deps, { ...DEFAULT_HTTP_CONFIG, ...http });
}
