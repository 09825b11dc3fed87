/**
 * Fuzzing every route (OWASP API Top 10 2023: API4 unrestricted resource consumption, API8 security
 * misconfiguration): fast-check generates requests from the OpenAPI document — valid-ish and invalid
 * values, unknown and prototype-polluting parameters, huge and odd Unicode strings, random paths and
 * methods, random and malformed JSON bodies, the hostile-file corpus as uploads — against createApp on
 * the real database with the demo data. No answer may be a 5xx (503 would mean the database went away,
 * which nothing here does), nothing may be logged as an unexpected error, no answer may leak a stack,
 * Cypher or a path, Object.prototype stays clean, and the server still answers /api/health at the end.
 * `npm run fuzz` runs the same generators for thousands of requests per role.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { DEFAULT_HTTP_CONFIG } from '../../server/config.js';
import { createHttpServer } from '../../server/http/listen.js';
import { DatasetStore } from '../../server/neo4j/dataset-store.js';
import { OrganizationRepository } from '../../server/neo4j/repositories/organization-repository.js';
import { fuzzRequests, hostileUploads, leaks, send, type FuzzRequest } from '../fuzz/requests.js';
import { createDemoApp, TEST_RELEASES_DIR, type TestApp } from '../integration/helpers.js';
import { neo4jContext } from '../integration/neo4j-context.js';

let testApp: TestApp;
let server: Server;
let base: URL;
const unexpected: string[] = [];

beforeAll(async () => {
  testApp = await createDemoApp();
  const ctx = neo4jContext();
  const app = createApp(
    {
      driver: testApp.driver,
      database: ctx.database,
      embedded: ctx.embedded,
      datasets: testApp.datasets,
      organizations: new OrganizationRepository(testApp.driver, ctx.database),
      store: new DatasetStore(testApp.datasets),
      clientDist: '/nonexistent',
      releasesDir: TEST_RELEASES_DIR,
      log: (message) => unexpected.push(message),
    },
    // The limits themselves are tested elsewhere; here every request should reach its route.
    { ...DEFAULT_HTTP_CONFIG, rateLimitPerMinute: 0, heavyRateLimitPerMinute: 0 },
  );
  server = createHttpServer(app, { requestTimeoutMs: 60_000, headersTimeoutMs: 20_000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await testApp?.close();
});

async function check(req: FuzzRequest): Promise<void> {
  const res = await send(base, req);
  const what = `${req.method} ${req.path.slice(0, 300)} → ${res.status} ${res.body.slice(0, 300)}`;
  expect(res.status >= 500 && res.status !== 503, what).toBe(false);
  expect(leaks(res.body), what).toBeNull();
  expect(Object.prototype).not.toHaveProperty('polluted');
  if (res.status >= 400 && req.method !== 'HEAD' && res.status !== 431) {
    const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, what).toBe('string');
    expect(typeof body.error?.message, what).toBe('string');
  }
}

describe('fuzzing every route', () => {
  it('answers 1 000 random requests without a 5xx, a crash or a leak', async () => {
    const doc = JSON.parse(
      (await send(base, { method: 'GET', path: '/api/openapi.json', headers: {} })).body,
    );
    await fc.assert(
      fc.asyncProperty(fuzzRequests(doc, { validReports: false }), async (req) => {
        await check(req);
      }),
      { numRuns: 1000, seed: 20261126, endOnFailure: false },
    );
    expect(unexpected).toEqual([]);
    const health = await send(base, { method: 'GET', path: '/api/health', headers: {} });
    expect(health.status).toBe(200);
  }, 300_000);

  it('refuses every file of the hostile corpus with 400 naming the file, and writes nothing', async () => {
    const before = await send(base, { method: 'GET', path: '/api/dataset', headers: {} });
    const huge = {
      'huge.graphml': `<graphml><graph><node id="${'x'.repeat(1_100_000)}"/></graph></graphml>`,
    };
    for (const files of [...hostileUploads(), huge]) {
      const res = await send(base, {
        method: 'POST',
        path: '/api/uploads/commit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ files }),
      });
      const names = Object.keys(files).join(', ');
      expect(res.status, `${names}: ${res.body.slice(0, 300)}`).toBe(400);
      const error = JSON.parse(res.body).error as { code: string; details: { file?: string }[] };
      expect(error.code).toBe('invalid_input');
      expect(error.details.length, names).toBeGreaterThan(0);
      expect(leaks(res.body)).toBeNull();
    }
    const after = await send(base, { method: 'GET', path: '/api/dataset', headers: {} });
    expect(JSON.parse(after.body).version).toBe(JSON.parse(before.body).version);
  }, 120_000);
});
