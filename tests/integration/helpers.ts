/**
 * Shared pieces of the integration tests: a driver on the throwaway database, a way to empty it,
 * counts read straight from Neo4j with Cypher, and expected counts read straight from the demo
 * bundle's CSV files (independently of Köprü's parser) to compare with.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import neo4j, { type Driver } from 'neo4j-driver';
import { createApp } from '../../server/app.js';
import { metricsWriteBack } from '../../server/domain/analysis/write-back.js';
import { readBundleFolder } from '../../server/files/read-bundle.js';
import { DatasetStore } from '../../server/neo4j/dataset-store.js';
import { createDriver } from '../../server/neo4j/driver.js';
import { DatasetRepository } from '../../server/neo4j/repositories/dataset-repository.js';
import { OrganizationRepository } from '../../server/neo4j/repositories/organization-repository.js';
import { PROJECT_ROOT } from '../../server/config.js';
import { neo4jContext } from './neo4j-context.js';

/** Where test apps publish releases: never the project's own .kopru/ (a user's public map). */
export const TEST_RELEASES_DIR = path.join(os.tmpdir(), `kopru-test-releases-${process.pid}`);

export const DEMO_DIR = path.join(PROJECT_ROOT, 'data', 'demo');

export function testDriver(): Driver {
  const ctx = neo4jContext();
  return neo4j.driver(ctx.uri, neo4j.auth.basic(ctx.user, ctx.password), { disableLosslessIntegers: true });
}

/** Sets NEO4J_* so code that reads the config (the CLI) uses the test database. */
export function useTestDatabaseEnv(): void {
  const ctx = neo4jContext();
  process.env.NEO4J_URI = ctx.uri;
  process.env.NEO4J_USER = ctx.user;
  process.env.NEO4J_PASSWORD = ctx.password;
  process.env.NEO4J_DATABASE = ctx.database;
}

export async function emptyDatabase(driver: Driver): Promise<void> {
  await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: neo4jContext().database });
}

export async function count(
  driver: Driver,
  query: string,
  params: Record<string, unknown> = {},
): Promise<number> {
  const { records } = await driver.executeQuery(query, params, { database: neo4jContext().database });
  return Number(records[0]?.get(0));
}

export async function snapshotCounts(driver: Driver): Promise<Record<string, number>> {
  return {
    organizations: await count(driver, 'MATCH (o:Organization) RETURN count(o)'),
    waves: await count(driver, 'MATCH (w:Wave) RETURN count(w)'),
    events: await count(driver, 'MATCH (e:Event) RETURN count(e)'),
    ties: await count(driver, 'MATCH ()-[r:COOPERATES_WITH]->() RETURN count(r)'),
    attendance: await count(driver, 'MATCH ()-[r:ATTENDED]->() RETURN count(r)'),
    responses: await count(driver, 'MATCH ()-[r:RESPONDED]->() RETURN count(r)'),
    imports: await count(driver, 'MATCH (i:Import) RETURN count(i)'),
  };
}

export function readCsv(dir: string, file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(dir, file), 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
}

/** Expected tie counts of a wave computed from ties.csv alone. */
export function expectedTies(dir: string, wave: string) {
  const rows = readCsv(dir, 'ties.csv').filter((row) => row.wave === wave);
  const ordered = new Set(rows.map((row) => `${row.source}>${row.target}`));
  const unordered = new Set(rows.map((row) => [row.source, row.target].sort().join('|')));
  const reciprocated = [...unordered].filter((pair) => {
    const [a, b] = pair.split('|');
    return ordered.has(`${a}>${b}`) && ordered.has(`${b}>${a}`);
  });
  return {
    rows: rows.length,
    directed: ordered.size,
    undirected: unordered.size,
    reciprocated: reciprocated.length,
  };
}

export interface TestApp {
  app: Express;
  /** The app's own driver (closed by `close`). */
  driver: Driver;
  datasets: DatasetRepository;
  close(): Promise<void>;
}

/**
 * The Express app on the test database holding exactly the demo data (imported as `npm start`
 * does, metrics written back), as createApp builds it for `npm start`.
 */
export async function createDemoApp(): Promise<TestApp> {
  const ctx = neo4jContext();
  const admin = testDriver();
  try {
    await emptyDatabase(admin);
  } finally {
    await admin.close();
  }
  const driver = createDriver({ ...ctx });
  const datasets = new DatasetRepository(driver, ctx.database);
  await datasets.applySchema();
  await datasets.import(await readBundleFolder(DEMO_DIR), {
    source: DEMO_DIR,
    deriveMetrics: metricsWriteBack,
  });
  const app = createApp({
    driver,
    database: ctx.database,
    embedded: ctx.embedded,
    datasets,
    organizations: new OrganizationRepository(driver, ctx.database),
    store: new DatasetStore(datasets),
    clientDist: '/nonexistent',
    releasesDir: TEST_RELEASES_DIR,
    log: () => undefined,
  });
  return { app, driver, datasets, close: () => driver.close() };
}
