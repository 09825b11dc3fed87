/**
 * GET /api/report on an in-memory store (the numbers themselves are the domain tests' business; the
 * route's are headers, parameter validation and the per-version cache). The dataset comes from the demo
 * bundle, so no database is needed.
 */
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.js';
import type { Dataset } from '../../../server/domain/types.js';
import { readBundleFolder } from '../../../server/files/read-bundle.js';
import type { AppDeps } from '../../../server/http/deps.js';
import { errorHandler } from '../../../server/http/middleware/error-handler.js';
import { reportRouter } from '../../../server/http/routes/report.js';

let dataset: Dataset;
let version = 1;
let app: express.Express;

beforeAll(async () => {
  dataset = await readBundleFolder(path.join(PROJECT_ROOT, 'data', 'demo'));
  const deps = {
    store: { current: async () => ({ dataset, version }) },
  } as unknown as AppDeps;
  app = express();
  app.set('query parser', 'simple');
  app.use('/api', reportRouter(deps));
  app.use(errorHandler(() => undefined));
});

describe('GET /api/report', () => {
  it('returns the report as an HTML attachment that may not load or run anything', async () => {
    const response = await request(app).get('/api/report?from=pre&to=post&lang=tr&permutations=100');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="kopru-report-pre-post-tr.html"',
    );
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.text).toMatch(/^<!doctype html>\n<html lang="tr">/);
  });

  it('answers 400 naming every invalid parameter', async () => {
    const response = await request(app).get('/api/report?from=pre&lang=de&permutations=0&colour=red');
    expect(response.status).toBe(400);
    const columns = response.body.error.details.map((d: { column: string }) => d.column).sort();
    expect(columns).toEqual(['colour', 'lang', 'permutations', 'to']);
    expect(response.body.error.message).toMatch(/lang/);
  });

  it('answers 400 for the same wave twice and 404 for an unknown wave', async () => {
    const same = await request(app).get('/api/report?from=pre&to=pre&permutations=100');
    expect(same.status).toBe(400);
    expect(same.body.error.details[0].column).toBe('from, to');
    const unknown = await request(app).get('/api/report?from=pre&to=nope');
    expect(unknown.status).toBe(404);
  });

  it('serves the cached report while the dataset version is unchanged', async () => {
    const url = '/api/report?from=pre&to=post&permutations=100';
    const first = await request(app).get(url);
    const original = dataset;
    // Same version, different data: a cached answer ignores the change…
    dataset = { ...original, info: { ...original.info, name: 'Renamed dataset' } };
    const cached = await request(app).get(url);
    expect(cached.text).toBe(first.text);
    // …and a new version is computed afresh.
    version += 1;
    const fresh = await request(app).get(url);
    expect(fresh.text).toContain('<h1>Renamed dataset</h1>');
    dataset = original;
  });
});
