/**
 * The analysis API on the real Neo4j: the numbers equal what the CLI prints from the bundle itself
 * (so Neo4j round-trips the data exactly), parameters are validated, and the per-wave metrics written
 * back at import can be queried in Cypher with the documented example.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';
import {
  createDemoApp,
  DEMO_DIR,
  testDriver,
  useTestDatabaseEnv,
  type TestApp,
} from '../integration/helpers.js';
import { cli } from '../unit/cli/run-cli.js';

let testApp: TestApp;
let app: Express;
let admin: Driver;

beforeAll(async () => {
  testApp = await createDemoApp();
  app = testApp.app;
  admin = testDriver();
});

afterAll(async () => {
  await testApp.close();
  await admin.close();
});

async function cliJson(...argv: string[]) {
  const { code, stdout, stderr } = await cli(...argv, '--format', 'json');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe('the API returns the same numbers from Neo4j as the CLI from the bundle', () => {
  it('GET /api/metrics', async () => {
    for (const [wave, mode] of [
      ['pre', 'undirected'],
      ['post', 'directed'],
      ['post', 'reciprocated'],
    ]) {
      const api = await request(app).get('/api/metrics').query({ wave, mode }).expect(200);
      expect(api.body, `${wave} ${mode}`).toEqual(
        await cliJson('metrics', DEMO_DIR, '--wave', wave!, '--mode', mode!),
      );
    }
  });

  it('GET /api/compare', async () => {
    const api = await request(app)
      .get('/api/compare')
      .query({ from: 'pre', to: 'post', permutations: 500, seed: 3 })
      .expect(200);
    const local = await cliJson(
      'compare',
      DEMO_DIR,
      '--from',
      'pre',
      '--to',
      'post',
      '--permutations',
      '500',
      '--seed',
      '3',
    );
    expect(api.body).toEqual(local);
    expect(api.body.qap.permutations).toBe(500);
  });

  it('kopru metrics --db reads the same data from Neo4j', async () => {
    useTestDatabaseEnv();
    const api = await request(app).get('/api/metrics').query({ wave: 'post' }).expect(200);
    const { code, stdout } = await cli('metrics', '--db', '--wave', 'post', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(api.body);
  });

  it('GET /api/isolated', async () => {
    const api = await request(app).get('/api/isolated').query({ wave: 'pre' }).expect(200);
    expect(api.body).toEqual(await cliJson('isolated', DEMO_DIR, '--wave', 'pre'));
    expect(api.body.organizations.length).toBeGreaterThan(0);
  });

  it('GET /api/metrics/registry lists every metric with English and Turkish labels', async () => {
    const res = await request(app).get('/api/metrics/registry').expect(200);
    const ids = res.body.metrics.map((m: { id: string }) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['density', 'betweenness', 'closeness', 'brokerage']));
    for (const metric of res.body.metrics) {
      expect(metric.label.en.length).toBeGreaterThan(0);
      expect(metric.label.tr.length).toBeGreaterThan(0);
    }
  });
});

describe('analysis parameters', () => {
  it('400 naming the parameter', async () => {
    const cases: [string, Record<string, string | number>, string][] = [
      ['/api/compare', { from: 'pre', to: 'post', permutations: 0 }, 'permutations'],
      ['/api/compare', { from: 'pre' }, 'to'],
      ['/api/metrics', { wave: 'pre', mode: 'sideways' }, 'mode'],
      ['/api/metrics', { wave: 'pre', weighted: 'maybe' }, 'weighted'],
      ['/api/metrics', { wave: 'pre', colour: 'red' }, 'colour'],
      ['/api/isolated', { suggestions: 99 }, 'suggestions'],
      ['/api/isolated', { suggestions: '' }, 'suggestions'],
      ['/api/metrics', { wave: 'pre', seed: '' }, 'seed'],
      ['/api/metrics', { wave: 'pre', seed: '0x10' }, 'seed'],
      ['/api/compare', { from: 'pre', to: 'post', permutations: '1e3' }, 'permutations'],
    ];
    for (const [route, query, field] of cases) {
      const res = await request(app).get(route).query(query);
      expect(res.status, `${route} ${JSON.stringify(query)}`).toBe(400);
      expect(res.body.error.details.map((d: { column: string }) => d.column)).toContain(field);
    }
    const groupBy = await request(app)
      .get('/api/metrics')
      .query({ wave: 'pre', groupBy: 'colour' })
      .expect(400);
    expect(groupBy.body.error.message).toMatch(/colour/);
  });

  it('404 for an unknown wave', async () => {
    await request(app).get('/api/metrics').query({ wave: 'mid' }).expect(404);
    await request(app).get('/api/compare').query({ from: 'pre', to: 'mid' }).expect(404);
    await request(app).get('/api/isolated').query({ wave: 'mid' }).expect(404);
  });
});

describe('metrics written back to Neo4j', () => {
  it('stores each wave’s node metrics on organizations, equal to the API’s', async () => {
    const api = await request(app).get('/api/metrics').query({ wave: 'post' }).expect(200);
    const expected = new Map(api.body.nodes.map((n: { id: string; betweenness: number }) => [n.id, n]));
    const { records } = await admin.executeQuery(
      'MATCH (o:Organization) RETURN o.id AS id, o.betweenness_post AS b, o.degree_pre AS dPre, o.brokerageRole_post AS role',
    );
    expect(records).toHaveLength(172);
    for (const record of records) {
      const node = expected.get(record.get('id')) as { betweenness: number; brokerageRole: string | null };
      expect(record.get('b')).toBeCloseTo(node.betweenness, 12);
      expect(record.get('role')).toBe(node.brokerageRole);
      expect(record.get('dPre')).toEqual(expect.any(Number));
    }
    const wave = await admin.executeQuery("MATCH (w:Wave {id: 'post'}) RETURN w.density AS density");
    expect(wave.records[0]?.get('density')).toBeCloseTo(api.body.network.density, 12);
  });

  it('the documented example query runs and ranks by betweenness in post', async () => {
    const query = readFileSync(
      path.join(PROJECT_ROOT, 'cypher', 'examples', 'top-brokers-post.cypher'),
      'utf8',
    );
    const { records } = await admin.executeQuery(query);
    expect(records).toHaveLength(15);
    const values = records.map((r) => r.get('betweennessPost') as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});
