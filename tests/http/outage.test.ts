/**
 * Every interactive route while the database is unreachable, in the same Node process as before and
 * after (createApp on the real throwaway Neo4j holding the demo):
 *
 * - frozen: the JVM is stopped with SIGSTOP, so pooled connections stay open and nothing answers —
 *   the case where the driver alone would wait for its timeouts and 30 s retry window. Every route
 *   must answer 503 + Retry-After within its deadline (8 s interactive, 3 s health) plus slack.
 * - crashed: the JVM is killed (SIGKILL): 503 + Retry-After at once; then Neo4j is started again on
 *   the same store; the app must answer 200 again within 10 s of the database being back (measured
 *   on /api/dataset, polled), and then every route does.
 *
 * The statuses are taken before and after from the same app, so a cache cannot hide an outage: the
 * dataset version is asked from Neo4j on every request.
 */
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp } from '../integration/helpers.js';
import { killNeo4j, neo4jContext, neo4jStatus, startNeo4j } from '../integration/neo4j-context.js';

/** Interactive deadline (server/neo4j/errors.ts) plus slack for a machine shared by many processes. */
const MAX_WAIT_MS = 12_000;
const RECOVERY_LIMIT_MS = 10_000;

const TINY_UPLOAD = {
  files: {
    'organizations.csv': 'id,name,kind\na,A,ngo\nb,B,ngo\n',
    'ties.csv': 'source,target,wave\na,b,1\n',
  },
};

interface Route {
  name: string;
  call(app: Express): request.Test;
}

const ROUTES: Route[] = [
  '/api/health',
  '/api/dataset',
  '/api/waves',
  '/api/events',
  '/api/organizations?q=istanbul',
  '/api/organizations/inst-001',
  '/api/graph?wave=pre',
  '/api/graph?wave=post&mode=directed',
  '/api/metrics?wave=post',
  '/api/compare?from=pre&to=post&permutations=200',
  '/api/isolated?wave=post',
  '/api/report?from=pre&to=post&permutations=200',
].map((url) => ({ name: `GET ${url}`, call: (app: Express) => request(app).get(url) }));
ROUTES.push({
  name: 'POST /api/uploads/preview',
  call: (app) => request(app).post('/api/uploads/preview').send(TINY_UPLOAD),
});

let testApp: TestApp;
let app: Express;

beforeAll(async () => {
  testApp = await createDemoApp();
  app = testApp.app;
});

afterAll(async () => {
  // Whatever happened above, the files after this one need the database running.
  const status = await neo4jStatus();
  if (status.pid !== null) process.kill(status.pid, 'SIGCONT');
  if (!status.running) await startNeo4j();
  await testApp.close();
});

async function timed(
  route: Route,
): Promise<{ route: string; status: number; ms: number; retryAfter?: string; code?: string }> {
  const started = Date.now();
  const res = await route.call(app);
  return {
    route: route.name,
    status: res.status,
    ms: Date.now() - started,
    ...(res.headers['retry-after'] === undefined ? {} : { retryAfter: String(res.headers['retry-after']) }),
    ...(res.body?.error?.code === undefined ? {} : { code: String(res.body.error.code) }),
  };
}

async function allAnswer200(): Promise<void> {
  for (const route of ROUTES) {
    const res = await route.call(app);
    expect(res.status, route.name).toBe(200);
  }
}

function expectUnavailable(results: Awaited<ReturnType<typeof timed>>[]): void {
  for (const result of results) {
    expect(result.status, result.route).toBe(503);
    expect(result.retryAfter, result.route).toMatch(/^\d+$/);
    // /api/health answers with its own body ({ status: 'unavailable' }); the others with the error shape.
    if (!result.route.includes('/api/health')) expect(result.code, result.route).toBe('unavailable');
    expect(result.ms, `${result.route} waited ${result.ms} ms`).toBeLessThan(MAX_WAIT_MS);
  }
}

/** One line with the slowest 503 of a phase, for the README's figures. */
function report(phase: string, results: Awaited<ReturnType<typeof timed>>[]): void {
  const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.info(
    `outage (${phase}): ${results.length} routes answered 503, slowest ${slowest.ms} ms (${slowest.route})`,
  );
}

describe.skipIf(!neo4jContext().embedded)('while the database is unreachable', () => {
  it('every route answers before the outage (warm caches)', async () => {
    await allAnswer200();
  });

  it('frozen database (SIGSTOP): every route answers 503 + Retry-After within its deadline, not after 30 s', async () => {
    const { pid } = await neo4jStatus();
    expect(pid).not.toBeNull();
    process.kill(pid!, 'SIGSTOP');
    let results: Awaited<ReturnType<typeof timed>>[];
    try {
      // Concurrently, as a browser's requests would be; each has its own deadline.
      results = await Promise.all(ROUTES.map(timed));
    } finally {
      process.kill(pid!, 'SIGCONT');
    }
    expectUnavailable(results);
    report('frozen', results);
    // Once it runs again, the same app answers without any restart.
    await allAnswer200();
  }, 60_000);

  it('crashed database (SIGKILL): 503, then 200 again within 10 s of Neo4j being back, on every route', async () => {
    await killNeo4j();
    // Connection refused is retried by the driver for its (short, 3 s) retry window; the deadline caps it.
    const results = await Promise.all(ROUTES.map(timed));
    expectUnavailable(results);
    report('crashed', results);

    await startNeo4j();
    // Recovery: how long until the app answers from the database again (one route, polled)…
    const back = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - back < 30_000) {
      status = (await request(app).get('/api/dataset')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const recoveredMs = Date.now() - back;
    console.info(`outage: the app answered 200 again ${recoveredMs} ms after Neo4j was back`);
    expect(status).toBe(200);
    expect(recoveredMs, `answered 200 again ${recoveredMs} ms after Neo4j was back`).toBeLessThan(
      RECOVERY_LIMIT_MS,
    );
    // …and then every route does (their own time is request processing, not recovery).
    await allAnswer200();
  }, 180_000);
});
