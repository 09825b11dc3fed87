/**
 * The HTTP API against the real (throwaway, embedded) Neo4j holding the demo data, through
 * supertest on createApp — including 404/400 answers and a real outage: the database is stopped,
 * requests get 503 + Retry-After, and the same app recovers once the database is back.
 */
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, DEMO_DIR, expectedTies, readCsv, type TestApp } from '../integration/helpers.js';
import { neo4jContext, withNeo4jStopped } from '../integration/neo4j-context.js';

let testApp: TestApp;
let app: Express;

beforeAll(async () => {
  testApp = await createDemoApp();
  app = testApp.app;
});

afterAll(() => testApp.close());

describe('GET /api/health', () => {
  it('reports the connected database and its version', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.neo4j.connected).toBe(true);
    expect(res.body.neo4j.embedded).toBe(neo4jContext().embedded);
    expect(res.body.neo4j.version).toMatch(/^5\./);
  });
});

describe('GET /api/dataset, /api/waves, /api/events', () => {
  it('describes the synthetic demo: 172 organizations, 114 NGOs, 58 institutions', async () => {
    const res = await request(app).get('/api/dataset').expect(200);
    expect(res.body).toMatchObject({
      synthetic: true,
      organizations: 172,
      ngos: 114,
      institutions: 58,
      waves: 2,
      events: readCsv(DEMO_DIR, 'events.csv').length,
      ties: readCsv(DEMO_DIR, 'ties.csv').length,
    });
    expect(res.body.name).toMatch(/synthetic/i);
  });

  it('lists waves in date order and events with their real dates', async () => {
    const waves = await request(app).get('/api/waves').expect(200);
    expect(waves.body.waves.map((w: { id: string }) => w.id)).toEqual(['pre', 'post']);
    expect(waves.body.waves[0].reportedTies).toBe(expectedTies(DEMO_DIR, 'pre').rows);
    const events = await request(app).get('/api/events').expect(200);
    const consultation = events.body.events.filter(
      (e: { type: string }) => e.type === 'consultation_meeting',
    );
    expect(consultation.map((e: { date: string }) => e.date).sort()).toEqual(['2019-12-11', '2019-12-23']);
    expect(consultation.every((e: { attendees: number }) => e.attendees > 0)).toBe(true);
  });

  it('rejects unknown query parameters with a 400 naming them', async () => {
    const res = await request(app).get('/api/waves?foo=1').expect(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.message).toMatch(/foo/);
  });
});

describe('GET /api/organizations', () => {
  const names = readCsv(DEMO_DIR, 'organizations.csv');

  it('"istanbul" finds the organizations named "İstanbul …"', async () => {
    const expected = names.filter((o) => (o.name as string).includes('İstanbul')).map((o) => o.id);
    expect(expected.length).toBeGreaterThan(0);
    const res = await request(app).get('/api/organizations').query({ q: 'istanbul' }).expect(200);
    const found = res.body.organizations.map((o: { id: string }) => o.id);
    for (const id of expected) expect(found).toContain(id);
  });

  it('matches Turkish letters from ASCII capitals ("ISIK" finds "Işık", "SAHINBEY" finds "Şahinbey")', async () => {
    for (const [query, needle] of [
      ['ISIK', 'Işık'],
      ['SAHINBEY', 'Şahinbey'],
      ['bagcilar', 'Bağcılar'],
    ] as const) {
      const expected = names.filter((o) => (o.name as string).includes(needle)).map((o) => o.id);
      if (expected.length === 0) continue;
      const res = await request(app).get('/api/organizations').query({ q: query }).expect(200);
      expect(res.body.organizations.map((o: { id: string }) => o.id).sort(), query).toEqual(expected.sort());
    }
  });

  it('filters by kind and city', async () => {
    const res = await request(app)
      .get('/api/organizations')
      .query({ kind: 'institution', city: 'gaziantep' });
    expect(res.status).toBe(200);
    const expected = names.filter((o) => o.kind === 'institution' && o.city === 'Gaziantep');
    expect(res.body.count).toBe(expected.length);
  });

  it('returns one organization with ties per wave and events attended', async () => {
    const ties = readCsv(DEMO_DIR, 'ties.csv');
    const attendance = readCsv(DEMO_DIR, 'attendance.csv');
    const id = 'inst-001';
    const res = await request(app).get(`/api/organizations/${id}`).expect(200);
    expect(res.body.id).toBe(id);
    const preTies = ties.filter((t) => t.wave === 'pre' && (t.source === id || t.target === id));
    expect(res.body.tiesByWave.pre).toHaveLength(preTies.length);
    expect(res.body.events).toHaveLength(attendance.filter((a) => a.organization === id).length);
  });

  it('404s an unknown organization and 400s a bad kind', async () => {
    const missing = await request(app).get('/api/organizations/no-such-org').expect(404);
    expect(missing.body.error.message).toMatch(/no-such-org/);
    const bad = await request(app).get('/api/organizations?kind=company').expect(400);
    expect(bad.body.error.details[0].column).toBe('kind');
  });
});

describe('GET /api/graph', () => {
  it('returns every organization and the undirected ties of the wave as graphology JSON', async () => {
    const res = await request(app).get('/api/graph?wave=pre').expect(200);
    expect(res.body.nodes).toHaveLength(172);
    expect(res.body.edges).toHaveLength(expectedTies(DEMO_DIR, 'pre').undirected);
    expect(res.body.options.type).toBe('undirected');
    expect(res.body.attributes).toMatchObject({ wave: 'pre', mode: 'undirected', synthetic: true });
    const node = res.body.nodes.find((n: { key: string }) => n.key === 'ngo-001');
    expect(Object.keys(node.attributes)).toEqual(expect.arrayContaining(['name', 'kind', 'type', 'city']));
    expect(res.body.edges.every((e: { attributes: { level: number } }) => e.attributes.level >= 1)).toBe(
      true,
    );
  });

  it('honours directed and reciprocated modes', async () => {
    const expected = expectedTies(DEMO_DIR, 'post');
    const directed = await request(app).get('/api/graph?wave=post&mode=directed').expect(200);
    expect(directed.body.edges).toHaveLength(expected.directed);
    const reciprocated = await request(app).get('/api/graph?wave=post&mode=reciprocated').expect(200);
    expect(reciprocated.body.edges).toHaveLength(expected.reciprocated);
    expect(reciprocated.body.nodes).toHaveLength(172);
  });

  it('404s an unknown wave and 400s an invalid mode, naming the field', async () => {
    const wave = await request(app).get('/api/graph?wave=mid').expect(404);
    expect(wave.body.error.message).toMatch(/mid/);
    const mode = await request(app).get('/api/graph?wave=pre&mode=sideways').expect(400);
    expect(mode.body.error.details[0].column).toBe('mode');
  });

  it('404s unknown API routes with JSON', async () => {
    const res = await request(app).get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('when the database goes down', () => {
  it.skipIf(!neo4jContext().embedded)('answers 503 with Retry-After, then recovers on its own', async () => {
    await withNeo4jStopped(async () => {
      const started = Date.now();
      const graph = await request(app).get('/api/graph?wave=pre');
      expect(graph.status).toBe(503);
      expect(graph.headers['retry-after']).toMatch(/^\d+$/);
      expect(graph.body.error.code).toBe('unavailable');
      // Interactive routes must not hang for the driver's default 30 s retry window.
      expect(Date.now() - started).toBeLessThan(15_000);
      const health = await request(app).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.neo4j.connected).toBe(false);
    });
    // The database is back (same port and password); the same app reconnects by itself.
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await request(app).get('/api/graph?wave=pre')).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
    await request(app).get('/api/health').expect(200);
  });
});
