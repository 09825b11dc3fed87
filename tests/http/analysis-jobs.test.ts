/**
 * Large analyses as jobs (issue: scale), on the real Neo4j with the demo data: with the size
 * threshold lowered to 1 organization, GET /api/metrics and /api/compare answer 202 with a job and its
 * Location; polling GET /api/jobs/:id gives the very result the synchronous API gives; DELETE cancels;
 * a finished job's result is then served directly. With the default threshold the demo stays synchronous
 * (tests/http/analysis.test.ts).
 */
import express, { type Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../server/http/deps.js';
import { errorHandler, notFoundHandler } from '../../server/http/middleware/error-handler.js';
import { analysisRouter } from '../../server/http/routes/analysis.js';
import { jobsRouter } from '../../server/http/routes/jobs.js';
import { JobRegistry } from '../../server/jobs/job-registry.js';
import { DatasetStore } from '../../server/neo4j/dataset-store.js';
import { OrganizationRepository } from '../../server/neo4j/repositories/organization-repository.js';
import { createDemoApp, type TestApp } from '../integration/helpers.js';
import { neo4jContext } from '../integration/neo4j-context.js';

let testApp: TestApp;
let app: Express;
let jobs: JobRegistry;

beforeAll(async () => {
  testApp = await createDemoApp();
  const { database } = neo4jContext();
  const deps: AppDeps = {
    driver: testApp.driver,
    database,
    embedded: true,
    datasets: testApp.datasets,
    organizations: new OrganizationRepository(testApp.driver, database),
    store: new DatasetStore(testApp.datasets),
    clientDist: '/nonexistent',
    log: () => undefined,
  };
  jobs = new JobRegistry();
  const api = express.Router();
  api.use(analysisRouter(deps, { jobs, asyncFromNodes: 1 }));
  api.use(jobsRouter(deps, jobs));
  app = express();
  app.use('/api', api);
  app.use(notFoundHandler());
  app.use(errorHandler(() => undefined));
});

afterAll(async () => {
  jobs.cancelAll();
  await testApp.close();
});

async function poll(location: string): Promise<request.Response> {
  for (;;) {
    const response = await request(app).get(location).expect(200);
    if (response.body.job.status !== 'running') return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('analyses over the size threshold run as jobs', () => {
  it('GET /api/metrics → 202, then the same result as the synchronous API', async () => {
    const accepted = await request(app).get('/api/metrics').query({ wave: 'post' }).expect(202);
    expect(accepted.body.job).toMatchObject({ status: 'running', progress: null });
    expect(accepted.headers.location).toBe(`/api/jobs/${accepted.body.job.id}`);
    const done = await poll(accepted.headers.location!);
    expect(done.body.job).toMatchObject({ id: accepted.body.job.id, kind: 'metrics', status: 'done' });
    const synchronous = await request(testApp.app).get('/api/metrics').query({ wave: 'post' }).expect(200);
    expect(done.body.result).toEqual(synchronous.body);
    // Finished: the same request is now answered directly.
    const again = await request(app).get('/api/metrics').query({ wave: 'post' }).expect(200);
    expect(again.body).toEqual(synchronous.body);
  });

  it('GET /api/compare → 202, then the same result as the synchronous API', async () => {
    const query = { from: 'pre', to: 'post', permutations: 200 };
    const accepted = await request(app).get('/api/compare').query(query).expect(202);
    const done = await poll(accepted.headers.location!);
    expect(done.body.job.status).toBe('done');
    const synchronous = await request(testApp.app).get('/api/compare').query(query).expect(200);
    expect(done.body.result).toEqual(synchronous.body);
  });

  it('DELETE /api/jobs/:id cancels a running job; unknown ids are 404, bad ids 400', async () => {
    // A job that runs until cancelled (the demo's analyses finish too fast to catch one running).
    let aborted = false;
    const job = jobs.start('test', ({ signal, onProgress }) => {
      onProgress?.({ phase: 'waiting', done: 1, total: 4 });
      return new Promise((_resolve, reject) =>
        signal!.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        }),
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const running = await request(app).get(`/api/jobs/${job.id}`).expect(200);
    expect(running.body.job).toMatchObject({
      status: 'running',
      progress: { phase: 'waiting', fraction: 0.25 },
    });
    const cancelled = await request(app).delete(`/api/jobs/${job.id}`).expect(200);
    expect(cancelled.body.job.status).toBe('cancelled');
    expect(aborted).toBe(true);
    const after = await request(app).get(`/api/jobs/${job.id}`).expect(200);
    expect(after.body.job.status).toBe('cancelled');
    expect(after.body.result).toBeUndefined();
    const unknown = await request(app).get('/api/jobs/00000000-0000-4000-8000-000000000000').expect(404);
    expect(unknown.body.error.code).toBe('not_found');
    const bad = await request(app).get('/api/jobs/nope').expect(400);
    expect(bad.body.error.code).toBe('invalid_input');
  });

  it('refuses bad parameters and unknown waves before starting a job', async () => {
    const bad = await request(app).get('/api/metrics').query({ betweenness: 'sometimes' }).expect(400);
    expect(bad.body.error.details[0].column).toBe('betweenness');
    await request(app).get('/api/metrics').query({ wave: 'nope' }).expect(404);
  });
});
