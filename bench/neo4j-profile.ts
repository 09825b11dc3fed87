/**
 * Where the time of a streamed import goes (a profiling aid, not part of `npm run bench`):
 * the JS pass alone (ties.csv read, checked and batched, nothing written), the plan of the tie batch statement
 * (PROFILE), and the tie writes of the same file by several variants of the batch statement, side
 * by side with LOAD CSV, in one embedded Neo4j so that they share the machine's load.
 *
 *   npx tsx bench/neo4j-profile.ts --ties 200000 --organizations 10000
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4jDriver, { type Driver } from 'neo4j-driver';
import { openBundleStream } from '../server/files/stream-bundle.js';
import { cypher } from '../server/neo4j/cypher.js';
import { embeddedPaths } from '../server/neo4j/embedded.js';
import { DatasetRepository } from '../server/neo4j/repositories/dataset-repository.js';
import { startBenchNeo4j, writeLargeBundle } from './neo4j-bundle.js';

const { values } = parseArgs({
  options: {
    ties: { type: 'string', default: '200000' },
    organizations: { type: 'string', default: '10000' },
    batch: { type: 'string', default: '10000' },
    variants: { type: 'string', default: 'element-id,load-csv' },
  },
});
const ties = Number(values.ties);
const organizations = Number(values.organizations);
const batchSize = Number(values.batch);

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);
const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

async function run(driver: Driver, query: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ database: 'neo4j' });
  try {
    const result = await session.run(query, params);
    return { records: result.records, summary: await result.summary };
  } finally {
    await session.close();
  }
}

// Variants of the tie batch statement; each gets its own staged organizations.
const VARIANTS: Record<string, { query: string; key: 'elementId' | 'id' | 'orgId' }> = {
  'element-id': { query: cypher('staging/ties'), key: 'elementId' },
  'node-id': {
    query: `MATCH (p:PendingImport {id: $importId}) SET p.heartbeat = datetime() WITH p
UNWIND $rows AS row
MATCH (a) WHERE id(a) = row[0]
MATCH (b) WHERE id(b) = row[1]
CREATE (a)-[r:COOPERATES_WITH {wave: row[2], level: row[3], extra: row[4]}]->(b)
RETURN count(r) AS count`,
    key: 'id',
  },
  'node-id-checked': {
    query: `MATCH (p:PendingImport {id: $importId}) SET p.heartbeat = datetime() WITH p
UNWIND $rows AS row
MATCH (a:StagedOrganization) WHERE id(a) = row[0] AND a.importId = $importId
MATCH (b:StagedOrganization) WHERE id(b) = row[1] AND b.importId = $importId
CREATE (a)-[r:COOPERATES_WITH {wave: row[2], level: row[3], extra: row[4]}]->(b)
RETURN count(r) AS count`,
    key: 'id',
  },
  'index-seek': {
    query: `MATCH (p:PendingImport {id: $importId}) SET p.heartbeat = datetime() WITH p
UNWIND $rows AS row
MATCH (a:StagedOrganization {importId: $importId, id: row[0]})
MATCH (b:StagedOrganization {importId: $importId, id: row[1]})
CREATE (a)-[r:COOPERATES_WITH {wave: row[2], level: row[3], extra: row[4]}]->(b)
RETURN count(r) AS count`,
    key: 'orgId',
  },
};

const scratch = await mkdtemp(path.join(os.tmpdir(), 'kopru-profile-neo4j-'));
const bundle = path.join(scratch, 'bundle');
const home = path.join(scratch, 'home');
await writeLargeBundle(bundle, { organizations, ties });

/** The ties in batches, by the import's own pass over ties.csv (read and checked; a stream is read once). */
async function* tieBatches(size: number) {
  yield* (await openBundleStream(bundle)).pass(size);
}

let started = performance.now();
const streamed = await openBundleStream(bundle);
console.log(`small files: ${seconds(started)} s  (load ${load()})`);
started = performance.now();
let parsed = 0;
for await (const batch of tieBatches(batchSize)) parsed += batch.length;
console.log(
  `the pass over ties.csv (read, check, batch), nothing written: ${seconds(started)} s for ${parsed} ties`,
);

const { neo4j, driver } = await startBenchNeo4j(home);
try {
  await new DatasetRepository(driver, 'neo4j').applySchema();
  await run(driver, cypher('staging/await-indexes'));
  let round = 0;
  for (const name of String(values.variants).split(',')) {
    round += 1;
    if (name === 'load-csv') {
      const importDir = embeddedPaths(home).importDir;
      await mkdir(importDir, { recursive: true });
      for (const file of ['organizations.csv', 'ties.csv'])
        await cp(path.join(bundle, file), path.join(importDir, file));
      await run(driver, 'MATCH (o:Organization) DETACH DELETE o');
      started = performance.now();
      await run(
        driver,
        `LOAD CSV WITH HEADERS FROM 'file:///organizations.csv' AS row CALL { WITH row
         CREATE (:Organization {id: row.id, name: row.name, kind: row.kind, city: row.city}) } IN TRANSACTIONS OF 10000 ROWS`,
      );
      const tiesStarted = performance.now();
      await run(
        driver,
        `LOAD CSV WITH HEADERS FROM 'file:///ties.csv' AS row CALL { WITH row
         MATCH (a:Organization {id: row.source}) MATCH (b:Organization {id: row.target})
         CREATE (a)-[:COOPERATES_WITH {wave: row.wave, level: toInteger(row.level)}]->(b) } IN TRANSACTIONS OF 10000 ROWS`,
      );
      console.log(
        `load-csv: organizations ${((tiesStarted - started) / 1000).toFixed(1)} s, ties ${seconds(tiesStarted)} s (load ${load()})`,
      );
      continue;
    }
    const parallel = name.endsWith('-x2');
    const variant = VARIANTS[name.replace(/-x2$/, '')];
    if (variant === undefined) throw new Error(`unknown variant ${name}`);
    const importId = `profile-${round}`;
    await run(driver, cypher('staging/begin'), {
      id: importId,
      source: 'profile',
      at: new Date().toISOString(),
    });
    const keys = new Map<string, unknown>();
    const orgRows = streamed.dataset.organizations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      type: null,
      city: o.city ?? null,
      district: null,
      focus: [],
      refugeeLed: null,
      founded: null,
      extra: null,
      searchName: o.name,
      searchCity: o.city ?? null,
    }));
    for (let at = 0; at < orgRows.length; at += batchSize) {
      const { records } = await run(driver, cypher('staging/organizations'), {
        importId,
        rows: orgRows.slice(at, at + batchSize),
      });
      for (const r of records) {
        const elementId = String(r.get('elementId'));
        const id = String(r.get('id'));
        keys.set(
          id,
          variant.key === 'elementId'
            ? elementId
            : variant.key === 'id'
              ? neo4jDriver.int(elementId.slice(elementId.lastIndexOf(':') + 1))
              : id,
        );
      }
    }
    const session = driver.session({ database: 'neo4j' });
    const second = driver.session({ database: 'neo4j' });
    let inFlight: Promise<unknown> | undefined;
    let attempts = 0;
    started = performance.now();
    let first = true;
    try {
      for await (const batch of tieBatches(batchSize)) {
        const rows = batch.map((t) => [keys.get(t.source), keys.get(t.target), t.wave, t.level, null]);
        if (first) {
          first = false;
          // PROFILE before a fixed statement of this file; no value enters the text.
          const profiled = await session.executeWrite((tx) =>
            // eslint-disable-next-line no-restricted-syntax
            tx.run(`PROFILE ${variant.query}`, { importId, rows }),
          );
          const plan = (await profiled.summary).profile;
          const lines: string[] = [];
          const walk = (op: typeof plan, depth: number) => {
            if (!op) return;
            lines.push(`${'  '.repeat(depth)}${op.operatorType} rows=${op.rows} dbHits=${op.dbHits}`);
            for (const child of op.children) walk(child, depth + 1);
          };
          walk(plan, 1);
          console.log(`${name} plan of the first batch:\n${lines.join('\n')}`);
          continue;
        }
        if (!parallel) {
          await session.executeWrite((tx) => tx.run(variant.query, { importId, rows }));
          continue;
        }
        // Two transactions at a time: this batch on one session while the previous one finishes.
        const writing = (inFlight === undefined ? session : second).executeWrite((tx) => {
          attempts += 1;
          return tx.run(variant.query, { importId, rows });
        });
        if (inFlight !== undefined) {
          await Promise.all([inFlight, writing]);
          inFlight = undefined;
        } else inFlight = writing;
      }
      await inFlight;
    } finally {
      await session.close();
      await second.close();
    }
    console.log(
      `${name}: ties ${seconds(started)} s (load ${load()})${parallel ? `, ${attempts} attempts` : ''}`,
    );
  }
} finally {
  await driver.close();
  await neo4j.stop();
  await rm(scratch, { recursive: true, force: true });
}
