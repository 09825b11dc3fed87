/**
 * The upload API on the real Neo4j: preview (counts, every error with file/line/column/reason,
 * what would change; nothing written), commit (all or nothing, an import record, metrics written
 * back), every format, and malformed or hostile requests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';
import { parseCsvBundle } from '../../server/domain/io/csv-bundle-reader.js';
import { serializeDataset } from '../../server/domain/io/formats.js';
import { errorHandler, notFoundHandler } from '../../server/http/middleware/error-handler.js';
import { uploadsRouter } from '../../server/http/routes/uploads.js';
import { createDriver } from '../../server/neo4j/driver.js';
import { DatasetStore } from '../../server/neo4j/dataset-store.js';
import { DatasetRepository } from '../../server/neo4j/repositories/dataset-repository.js';
import { OrganizationRepository } from '../../server/neo4j/repositories/organization-repository.js';
import { count, emptyDatabase, snapshotCounts, testDriver } from '../integration/helpers.js';
import { neo4jContext } from '../integration/neo4j-context.js';

const BUNDLES = path.join(PROJECT_ROOT, 'tests/fixtures/bundles');

function folder(name: string): Record<string, string> {
  const dir = path.join(BUNDLES, name);
  // As a dropped folder sends them: names carry the folder.
  return Object.fromEntries(
    readdirSync(dir).map((file) => [`${name}/${file}`, readFileSync(path.join(dir, file), 'utf8')]),
  );
}

let app: Express;
let appDriver: Driver;
let admin: Driver;

/** The uploads router as the app mounts it (under /api, the app's error handlers after it). */
function appWith(deps: Parameters<typeof uploadsRouter>[0], bodyLimit?: string): Express {
  const built = express();
  built.use('/api', uploadsRouter(deps, bodyLimit === undefined ? {} : { bodyLimit }), notFoundHandler());
  built.use(errorHandler(() => undefined));
  return built;
}

let deps: Parameters<typeof uploadsRouter>[0];

beforeAll(async () => {
  const ctx = neo4jContext();
  admin = testDriver();
  appDriver = createDriver({ ...ctx });
  const datasets = new DatasetRepository(appDriver, ctx.database);
  await datasets.applySchema();
  deps = {
    driver: appDriver,
    database: ctx.database,
    embedded: ctx.embedded,
    datasets,
    organizations: new OrganizationRepository(appDriver, ctx.database),
    store: new DatasetStore(datasets),
    clientDist: '/nonexistent',
    log: () => undefined,
  };
  app = appWith(deps);
});

beforeEach(async () => {
  await emptyDatabase(admin);
});

afterAll(async () => {
  await appDriver.close();
  await admin.close();
});

const nothing = { organizations: 0, waves: 0, events: 0, ties: 0, attendance: 0, responses: 0, imports: 0 };

describe('POST /api/uploads/preview', () => {
  it('a valid bundle: format, counts and what would be added; nothing written', async () => {
    const res = await request(app)
      .post('/api/uploads/preview')
      .send({ files: folder('valid-small') })
      .expect(200);
    expect(res.body).toStrictEqual({
      ok: true,
      format: 'csv-bundle',
      counts: { organizations: 4, waves: 2, ties: 4, events: 2, attendance: 3, responses: 3 },
      errors: [],
      changes: {
        info: true,
        organizations: { added: 4, changed: 0, removed: 0, unchanged: 0 },
        waves: { added: 2, changed: 0, removed: 0, unchanged: 0 },
        events: { added: 2, changed: 0, removed: 0, unchanged: 0 },
        ties: { added: 4, changed: 0, removed: 0, unchanged: 0 },
        attendance: { added: 3, changed: 0, removed: 0, unchanged: 0 },
        responses: { added: 3, changed: 0, removed: 0, unchanged: 0 },
      },
      replace: false,
    });
    expect(await snapshotCounts(admin)).toStrictEqual(nothing);
  });

  it('invalid files: 200 with every error (file, line, column, reason); nothing written', async () => {
    const res = await request(app)
      .post('/api/uploads/preview')
      .send({ files: folder('broken') })
      .expect(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.format).toBe('csv-bundle');
    expect(res.body.counts).toBeNull();
    expect(res.body.changes).toBeNull();
    expect(res.body.message).toBe('The bundle has 5 problems');
    expect(res.body.errors).toStrictEqual([
      { file: 'organizations.csv', line: 3, column: 'id', reason: 'duplicate id "a" (first on line 2)' },
      {
        file: 'organizations.csv',
        line: 3,
        column: 'kind',
        reason: 'kind must be "ngo" or "institution", not "charity"',
      },
      { file: 'ties.csv', line: 2, column: 'target', reason: 'self-tie: source and target are both "a"' },
      { file: 'ties.csv', line: 3, column: 'level', reason: 'level must be an integer from 1 to 4, not "9"' },
      {
        file: 'ties.csv',
        line: 3,
        column: 'target',
        reason: 'unknown organization "zz" (not in organizations.csv)',
      },
    ]);
    expect(await snapshotCounts(admin)).toStrictEqual(nothing);
  });

  it('GEXF, GraphML and JSON files, and a roster + edge list', async () => {
    const dataset = parseCsvBundle(
      Object.fromEntries(
        Object.entries(folder('valid-small')).map(([name, text]) => [path.basename(name), text]),
      ),
    );
    for (const format of ['gexf', 'graphml', 'json'] as const) {
      const output = serializeDataset(dataset, format);
      const text = output.kind === 'file' ? output.text : '';
      const res = await request(app)
        .post('/api/uploads/preview')
        .send({ files: { [`export.${format}`]: text } })
        .expect(200);
      expect(res.body, format).toMatchObject({
        ok: true,
        format,
        counts: { organizations: 4, ties: 4, waves: 2 },
      });
    }
    const pair = await request(app)
      .post('/api/uploads/preview')
      .send({ files: { 'a.csv': 'id,name\nx,X\ny,Y\n', 'b.csv': 'source;target\nx;y\n' }, name: 'Çift' })
      .expect(200);
    expect(pair.body).toMatchObject({
      ok: true,
      format: 'edge-list',
      counts: { organizations: 2, ties: 1, waves: 1 },
    });
  });

  it('hostile files are errors like any other', async () => {
    const lol = readFileSync(
      path.join(PROJECT_ROOT, 'tests/fixtures/hostile/billion-laughs.graphml'),
      'utf8',
    );
    const res = await request(app)
      .post('/api/uploads/preview')
      .send({ files: { 'x.graphml': lol } })
      .expect(200);
    expect(res.body.errors).toMatchObject([
      { file: 'x.graphml', line: 2, reason: expect.stringContaining('<!DOCTYPE') },
    ]);
    const garbled = await request(app)
      .post('/api/uploads/preview')
      .send({
        files: { 'organizations.csv': 'id,name,kind\na,T\uFFFDrk,ngo\n', 'ties.csv': 'source,target,wave\n' },
      })
      .expect(200);
    expect(garbled.body.errors).toMatchObject([{ file: 'organizations.csv', line: 2 }]);
    const proto = await request(app)
      .post('/api/uploads/preview')
      .set('Content-Type', 'application/json')
      .send('{"files": {"__proto__": "x"}}')
      .expect(200);
    expect(proto.body.ok).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('POST /api/uploads/commit', () => {
  it('imports all or nothing; a second identical commit changes nothing; replace removes', async () => {
    const first = await request(app)
      .post('/api/uploads/commit')
      .send({ files: folder('valid-small') })
      .expect(200);
    expect(first.body).toMatchObject({
      format: 'csv-bundle',
      written: true,
      counts: { organizations: 4, ties: 4 },
      changes: { organizations: { added: 4 } },
    });
    expect(first.body.importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await snapshotCounts(admin)).toStrictEqual({
      organizations: 4,
      waves: 2,
      events: 2,
      ties: 4,
      attendance: 3,
      responses: 3,
      imports: 1,
    });
    // The import record names the upload; metrics were written back on the organizations.
    expect(await count(admin, "MATCH (i:Import) WHERE i.source STARTS WITH 'upload: ' RETURN count(i)")).toBe(
      1,
    );
    expect(await count(admin, 'MATCH (o:Organization) WHERE o.degree_pre IS NOT NULL RETURN count(o)')).toBe(
      4,
    );

    const again = await request(app)
      .post('/api/uploads/preview')
      .send({ files: folder('valid-small') })
      .expect(200);
    expect(again.body.changes.ties).toStrictEqual({ added: 0, changed: 0, removed: 0, unchanged: 4 });
    const same = await request(app)
      .post('/api/uploads/commit')
      .send({ files: folder('valid-small') })
      .expect(200);
    expect(same.body).toMatchObject({ written: false, importId: null });

    const replaced = await request(app)
      .post('/api/uploads/commit')
      .send({ files: folder('no-waves'), replace: true })
      .expect(200);
    expect(replaced.body.changes.organizations.removed).toBeGreaterThan(0);
    expect(await count(admin, 'MATCH (e:Event) RETURN count(e)')).toBe(0);
  });

  it('invalid files: 400 invalid_input with the same errors, and nothing written', async () => {
    await request(app)
      .post('/api/uploads/commit')
      .send({ files: folder('valid-small') })
      .expect(200);
    const before = await snapshotCounts(admin);
    const res = await request(app)
      .post('/api/uploads/commit')
      .send({ files: folder('broken'), replace: true })
      .expect(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.details).toHaveLength(5);
    expect(res.body.error.details[0]).toStrictEqual({
      file: 'organizations.csv',
      line: 3,
      column: 'id',
      reason: 'duplicate id "a" (first on line 2)',
    });
    expect(await snapshotCounts(admin)).toStrictEqual(before);
  });
});

describe('malformed requests', () => {
  it('400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'files'],
      [{ files: {} }, 'files'],
      [{ files: { 'a.csv': 3 } }, 'files'],
      [{ files: { 'a.gexf': '' }, format: 'xlsx' }, 'format'],
      [{ files: { 'a.gexf': '' }, replace: 'yes' }, 'replace'],
      [{ files: { 'a.gexf': '' }, colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await request(app)
        .post('/api/uploads/preview')
        .send(body as object);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.error.details.map((d: { column: string }) => d.column),
        JSON.stringify(body),
      ).toContain(field);
    }
    const query = await request(app)
      .post('/api/uploads/preview?x=1')
      .send({ files: { 'a.gexf': '' } });
    expect(query.status).toBe(400);
  });

  it('413 over the body limit, 400 for JSON that does not parse', async () => {
    const small = appWith(deps, '1kb');
    const res = await request(small)
      .post('/api/uploads/preview')
      .send({ files: { 'a.gexf': 'x'.repeat(2048) } });
    expect(res.status).toBe(413);
    const broken = await request(app)
      .post('/api/uploads/preview')
      .set('Content-Type', 'application/json')
      .send('{"files":');
    expect(broken.status).toBe(400);
  });
});
