/**
 * The privacy leak test. A bundle where every private value is a unique marker (internal ids, e-mails,
 * phones, contact persons, a custom column, refugee_led, wave and dataset descriptions, names of
 * organizations that did not opt in) is imported into the real Neo4j and published through
 * POST /api/publications and `kopru publish`; then every public route, the release files and the
 * CLI's output are searched byte by byte for any marker. Also: categories under 5 never appear,
 * every count is a multiple of 5, ids are fresh per release, only allowed keys exist, and the public
 * map answers with Neo4j stopped.
 */
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { releasesDirOf } from '../../server/files/public-releases.js';
import { readBundleFolder } from '../../server/files/read-bundle.js';
import { DatasetStore } from '../../server/neo4j/dataset-store.js';
import { createDriver } from '../../server/neo4j/driver.js';
import { DatasetRepository } from '../../server/neo4j/repositories/dataset-repository.js';
import { OrganizationRepository } from '../../server/neo4j/repositories/organization-repository.js';
import { emptyDatabase, testDriver, useTestDatabaseEnv } from '../integration/helpers.js';
import { neo4jContext, withNeo4jStopped } from '../integration/neo4j-context.js';
import { cli } from '../unit/cli/run-cli.js';

interface Spec {
  city: string;
  kind: 'ngo' | 'institution';
  group: string;
  n: number;
}

// 52 organizations. Expected cells (k = 5): Istanbul NGO women 12, children 7 (legal_aid 2 → "other"
// of 2 → hidden), institution municipality 6 (school 3 → hidden); Gaziantep NGO women 9, "other"
// (education 4 + relief 1 = 5), institution district_governorship 5; Hatay NGO women 3 → hidden.
const SPECS: Spec[] = [
  { city: 'Istanbul', kind: 'ngo', group: 'women', n: 12 },
  { city: 'Istanbul', kind: 'ngo', group: 'children', n: 7 },
  { city: 'Istanbul', kind: 'ngo', group: 'legal_aid', n: 2 },
  { city: 'Istanbul', kind: 'institution', group: 'municipality', n: 6 },
  { city: 'Istanbul', kind: 'institution', group: 'school', n: 3 },
  { city: 'Gaziantep', kind: 'ngo', group: 'women', n: 9 },
  { city: 'Gaziantep', kind: 'ngo', group: 'education', n: 4 },
  { city: 'Gaziantep', kind: 'ngo', group: 'relief', n: 1 },
  { city: 'Gaziantep', kind: 'institution', group: 'district_governorship', n: 5 },
  { city: 'Hatay', kind: 'ngo', group: 'women', n: 3 },
];

interface MarkedOrg {
  id: string;
  name: string;
  optIn: boolean;
  city: string;
  kind: 'ngo' | 'institution';
  group: string;
  markers: string[];
}

const ORGS: MarkedOrg[] = SPECS.flatMap((spec) => Array.from({ length: spec.n }, () => spec)).map(
  (spec, i) => {
    const id = `ORGID${i}QX`;
    const optIn = i % 4 === 0;
    return {
      id,
      name: optIn ? `Open Org ${i}` : `HIDDENNAME${i}ZQ`,
      optIn,
      city: spec.city,
      kind: spec.kind,
      group: spec.group,
      markers: [id, `secret-${id}@x.org`, `PHONE${i}MARK`, `PERSON${i}MARK`, `NOTE${i}MARK`],
    };
  },
);

function csvLine(values: string[]): string {
  return values.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}

async function writeMarkedBundle(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const header = [
    'id',
    'name',
    'kind',
    'type',
    'city',
    'district',
    'focus',
    'refugee_led',
    'founded',
    'public_name',
    'email',
    'phone',
    'contact_person',
    'notes',
  ];
  const rows = ORGS.map((o, i) =>
    csvLine([
      o.id,
      o.name,
      o.kind,
      o.kind === 'institution' ? o.group : 'association',
      o.city,
      `District${i % 3}`,
      o.kind === 'ngo' ? `${o.group};relief` : '',
      i % 3 === 0 ? 'true' : 'false',
      '2001',
      o.optIn ? 'true' : 'false',
      `secret-${o.id}@x.org`,
      `PHONE${i}MARK`,
      `PERSON${i}MARK`,
      `NOTE${i}MARK`,
    ]),
  );
  await writeFile(path.join(dir, 'organizations.csv'), [csvLine(header), ...rows].join('\n') + '\n');
  await writeFile(
    path.join(dir, 'waves.csv'),
    'id,label,date,description\npre,Before,2019-01-01,WAVEDESCMARK1\npost,After,2020-01-01,WAVEDESCMARK2\n',
  );
  // Within each city, organization i works with i+1 and i+2 before, and also with i+3 after.
  const ties: string[] = ['source,target,wave,level,comment'];
  for (const [i, a] of ORGS.entries()) {
    for (const step of [1, 2, 3]) {
      const b = ORGS[i + step];
      if (!b || b.city !== a.city) continue;
      if (step < 3) ties.push(`${a.id},${b.id},pre,2,TIECOMMENTMARK${i}`);
      ties.push(`${a.id},${b.id},post,3,TIECOMMENTMARK${i}`);
    }
  }
  await writeFile(path.join(dir, 'ties.csv'), ties.join('\n') + '\n');
  await writeFile(
    path.join(dir, 'dataset.json'),
    JSON.stringify({ name: 'Leak test', synthetic: true, description: 'DATASETDESCMARK' }),
  );
}

/** Every marker that must never be public. */
function forbiddenStrings(): string[] {
  return [
    ...ORGS.flatMap((o) => o.markers),
    ...ORGS.filter((o) => !o.optIn).map((o) => o.name),
    'TIECOMMENTMARK',
    'WAVEDESCMARK',
    'DATASETDESCMARK',
    'refugee',
    'public_name',
    'District',
  ];
}

function expectNoLeak(where: string, bytes: string): void {
  for (const marker of forbiddenStrings()) {
    expect(bytes.includes(marker), `${where} contains "${marker}"`).toBe(false);
  }
}

// Every key a release may contain; anything else would be a new field to review for privacy.
const ALLOWED_KEYS = new Set([
  'type',
  'version',
  'id',
  'publishedAt',
  'dataset',
  'name',
  'synthetic',
  'rules',
  'minCellSize',
  'roundingBase',
  'rounding',
  'small',
  'waves',
  'label',
  'date',
  'cells',
  'city',
  'kind',
  'group',
  'merged',
  'count',
  'names',
  'wave',
  'ties',
  'changes',
  'from',
  'to',
  'change',
  'links',
  'source',
  'target',
  'namedTies',
  'releases',
  'counts',
  'error',
  'code',
  'message',
  'details',
  // Error details name the offending parameter.
  'file',
  'column',
  'reason',
]);

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

/** The public routes: what an anonymous visitor can fetch (with error paths). */
const PUBLIC_ROUTES = ['/api/public/map', '/api/public/releases', '/api/public/nope', '/api/public/map?x=1'];

interface PublicCellJson {
  id: string;
  city: string;
  kind: string;
  group: string | null;
  merged: boolean;
  count: number;
  names: { id: string; name: string }[];
  waves: { wave: string; ties: number | null }[];
  changes: { change: number | null }[];
}
interface ReleaseJson {
  id: string;
  cells: PublicCellJson[];
  links: { source: string; target: string; ties: number }[];
  namedTies: { source: string; target: string }[];
}

let home: string;
let bundle: string;
let driver: Driver;
let app: Express;

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'kopru-privacy-'));
  bundle = path.join(home, 'bundle');
  await writeMarkedBundle(bundle);
  const ctx = neo4jContext();
  const admin = testDriver();
  try {
    await emptyDatabase(admin);
  } finally {
    await admin.close();
  }
  driver = createDriver({ ...ctx });
  const datasets = new DatasetRepository(driver, ctx.database);
  await datasets.applySchema();
  await datasets.import(await readBundleFolder(bundle), { source: bundle });
  app = createApp({
    driver,
    database: ctx.database,
    embedded: ctx.embedded,
    datasets,
    organizations: new OrganizationRepository(driver, ctx.database),
    store: new DatasetStore(datasets),
    clientDist: '/nonexistent',
    releasesDir: releasesDirOf(home),
    log: () => undefined,
  });
});

afterAll(async () => {
  delete process.env.KOPRU_HOME;
  await driver?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('before anything is published', () => {
  it('GET /api/public/map is a 404 saying how to publish; the release list is empty', async () => {
    const res = await request(app).get('/api/public/map').expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect(res.body.error.message).toMatch(/Nothing has been published yet/);
    const list = await request(app).get('/api/public/releases').expect(200);
    expect(list.body).toEqual({ releases: [] });
  });
});

describe('publishing and the public routes', () => {
  let first: ReleaseJson;

  it('POST /api/publications writes a release file and a (:Publication) record', async () => {
    const res = await request(app).post('/api/publications').expect(201);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.counts).toEqual({
      cells: 6,
      links: expect.any(Number),
      names: expect.any(Number),
      namedTies: expect.any(Number),
    });
    const files = await readdir(releasesDirOf(home));
    expect(files).toEqual([`${res.body.id}.json`]);
    const list = await request(app).get('/api/publications').expect(200);
    expect(list.body.publications).toEqual([
      { id: res.body.id, at: expect.any(String), by: 'local', counts: res.body.counts },
    ]);
    first = (await request(app).get('/api/public/map').expect(200)).body as ReleaseJson;
    expect(first.id).toBe(res.body.id);
  });

  it('publishes exactly the categories of 5 or more; smaller ones merged into "other" or hidden', () => {
    const cells = first.cells.map((c) => [c.city, c.kind, c.group, c.count]);
    expect(cells).toEqual([
      ['Gaziantep', 'institution', 'district_governorship', 5],
      ['Gaziantep', 'ngo', 'women', 10], // 9
      ['Gaziantep', 'ngo', null, 5], // education 4 + relief 1
      ['Istanbul', 'institution', 'municipality', 5], // 6
      ['Istanbul', 'ngo', 'children', 5], // 7
      ['Istanbul', 'ngo', 'women', 10], // 12
    ]);
    // Exact sizes from the bundle: no published category has fewer than 5 organizations.
    for (const cell of first.cells) {
      const members = ORGS.filter((o) => o.city === cell.city && o.kind === cell.kind);
      const exact = cell.merged
        ? members.filter((o) => members.filter((m) => m.group === o.group).length < 5).length
        : members.filter((o) => o.group === cell.group).length;
      expect(exact, `${cell.city}/${cell.kind}/${String(cell.group)}`).toBeGreaterThanOrEqual(5);
    }
    expect(first.cells.some((c) => c.city === 'Hatay')).toBe(false);
  });

  it('rounds every count to a multiple of 5 and never publishes a tie count under 5', () => {
    for (const cell of first.cells) {
      expect(cell.count % 5).toBe(0);
      for (const w of cell.waves) if (w.ties !== null) expect(w.ties % 5).toBe(0);
      for (const c of cell.changes) if (c.change !== null) expect(c.change % 5).toBe(0);
    }
    expect(first.links.length).toBeGreaterThan(0);
    for (const link of first.links) {
      expect(link.ties % 5).toBe(0);
      expect(link.ties).toBeGreaterThanOrEqual(5);
    }
  });

  it('names exactly the opted-in organizations of published categories', () => {
    const published = new Set(first.cells.flatMap((c) => c.names.map((n) => n.name)));
    const hiddenGroups = new Set(['legal_aid', 'school']);
    const expected = ORGS.filter((o) => o.optIn && o.city !== 'Hatay' && !hiddenGroups.has(o.group)).map(
      (o) => o.name,
    );
    expect([...published].sort()).toEqual(expected.sort());
    expect(ORGS.some((o) => o.optIn && (o.city === 'Hatay' || hiddenGroups.has(o.group)))).toBe(true);
    // An individual tie only between two opted-in organizations.
    const nameIds = new Set(first.cells.flatMap((c) => c.names.map((n) => n.id)));
    for (const tie of first.namedTies) {
      expect(nameIds.has(tie.source) && nameIds.has(tie.target)).toBe(true);
    }
  });

  it('gives fresh ids in a second release and the public map serves the latest', async () => {
    const res = await request(app).post('/api/publications').expect(201);
    const second = (await request(app).get('/api/public/map').expect(200)).body as ReleaseJson;
    expect(second.id).toBe(res.body.id);
    const ids = (r: ReleaseJson) => [
      r.id,
      ...r.cells.map((c) => c.id),
      ...r.cells.flatMap((c) => c.names.map((n) => n.id)),
    ];
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    // Same data, same aggregate: only the ids differ.
    expect(second.cells.map((c) => [c.city, c.group, c.count, c.names.length])).toEqual(
      first.cells.map((c) => [c.city, c.group, c.count, c.names.length]),
    );
    const list = await request(app).get('/api/public/releases').expect(200);
    expect(list.body.releases.map((r: { id: string }) => r.id)).toEqual([second.id, first.id]);
  });

  it('`kopru publish` writes the same kind of release, to a file or into KOPRU_HOME with --db', async () => {
    useTestDatabaseEnv();
    process.env.KOPRU_HOME = home;
    const printed = await cli('publish', bundle, '--out', '-');
    expect(printed.code).toBe(0);
    const fromFile = JSON.parse(printed.stdout) as ReleaseJson;
    expect(fromFile.cells).toHaveLength(6);
    expectNoLeak('kopru publish --out -', printed.stdout);

    const published = await cli('publish', '--db');
    expect(published.code).toBe(0);
    expect(published.stdout).toMatch(/^Published release [0-9a-f-]{36} \(6 categories/);
    const latest = (await request(app).get('/api/public/map').expect(200)).body as ReleaseJson;
    expect(published.stdout).toContain(latest.id);
    const list = await request(app).get('/api/publications').expect(200);
    expect(list.body.publications).toHaveLength(3);
    expect(list.body.publications[0].id).toBe(latest.id);
  });

  it('leaks no private attribute, internal id or non-opted-in name through any public route or file', async () => {
    for (const route of PUBLIC_ROUTES) {
      const res = await request(app).get(route);
      expect([200, 400, 404]).toContain(res.status);
      expectNoLeak(route, res.text);
      for (const key of keysOf(JSON.parse(res.text)))
        expect(ALLOWED_KEYS, `${route}: key ${key}`).toContain(key);
    }
    const dir = releasesDirOf(home);
    const files = await readdir(dir);
    expect(files).toHaveLength(3);
    for (const file of files) {
      const text = await readFile(path.join(dir, file), 'utf8');
      expectNoLeak(file, text);
      for (const key of keysOf(JSON.parse(text))) expect(ALLOWED_KEYS, `${file}: key ${key}`).toContain(key);
    }
    // The test would catch a leak: the markers are in the bundle and reach the analysts' API.
    const org = ORGS.find((o) => !o.optIn) as MarkedOrg;
    const analyst = await request(app).get(`/api/organizations/${org.id}`).expect(200);
    expect(analyst.text).toContain(org.name);
    expect(analyst.text).toContain(`secret-${org.id}@x.org`);
  });

  it.skipIf(!neo4jContext().embedded)(
    'serves the public map and releases with Neo4j stopped',
    async () => {
      const before = await request(app).get('/api/public/map').expect(200);
      await withNeo4jStopped(async () => {
        const map = await request(app).get('/api/public/map').expect(200);
        expect(map.text).toBe(before.text);
        const list = await request(app).get('/api/public/releases').expect(200);
        expect(list.body.releases).toHaveLength(3);
        // The analysts' list needs the database: it is down.
        await request(app).get('/api/publications').expect(503);
      });
    },
    240_000,
  );
});
