/**
 * Neo4j load rates (issue: scale): a seeded bundle of `ties` ties over `organizations`
 * organizations is written to disk and loaded into a throwaway embedded Neo4j:
 * - by Köprü's streamed import (validation pass + staged batches + publish) at several batch sizes;
 * - by Neo4j's own loader, `LOAD CSV … CALL { … } IN TRANSACTIONS OF N ROWS`, of the same files;
 * then one wave is read back as a graph by the streaming reader. Ties/s are printed side by side
 * with the load average, since the machine is shared. Each run starts from an empty database.
 *
 *   npm run bench -- --neo4j                       1 000 000 ties over 50 000 organizations
 *   npx tsx bench/neo4j-load.ts --ties 200000 --organizations 10000 --batch-sizes 10000
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4jDriver, { type Driver } from 'neo4j-driver';
import { openStreamedBundle } from '../server/files/stream-bundle.js';
import { createDriver } from '../server/neo4j/driver.js';
import { embeddedPaths, findFreePort, startEmbeddedNeo4j } from '../server/neo4j/embedded.js';
import { DatasetRepository } from '../server/neo4j/repositories/dataset-repository.js';
import { StagedImporter } from '../server/neo4j/repositories/staged-import.js';
import { readWaveGraph } from '../server/neo4j/wave-reader.js';
import { writeLargeBundle } from './neo4j-bundle.js';

export interface Neo4jLoadOptions {
  ties: number;
  organizations: number;
  batchSizes: number[];
  /** Rows per transaction of LOAD CSV. */
  loadCsvBatch: number;
}

export const NEO4J_LOAD_DEFAULTS: Neo4jLoadOptions = {
  ties: 1_000_000,
  organizations: 50_000,
  batchSizes: [5_000, 10_000, 50_000],
  loadCsvBatch: 10_000,
};

interface Row {
  method: string;
  seconds: number;
  ties: number;
  note: string;
  load: string;
}

// The bench's own Cypher: it measures Neo4j's loader, which the application never runs.
const LOAD_CSV_ORGANIZATIONS = `
LOAD CSV WITH HEADERS FROM 'file:///organizations.csv' AS row
CALL { WITH row
  CREATE (:Organization {id: row.id, name: row.name, kind: row.kind, city: row.city})
} IN TRANSACTIONS OF $batch ROWS`;
const LOAD_CSV_TIES = `
LOAD CSV WITH HEADERS FROM 'file:///ties.csv' AS row
CALL { WITH row
  MATCH (a:Organization {id: row.source})
  MATCH (b:Organization {id: row.target})
  CREATE (a)-[:COOPERATES_WITH {wave: row.wave, level: toInteger(row.level)}]->(b)
} IN TRANSACTIONS OF $batch ROWS`;
const WIPE_RELATIONSHIPS = 'MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 50000 ROWS';
const WIPE_NODES = 'MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 50000 ROWS';

function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
}

async function run(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<void> {
  const session = driver.session({ database: 'neo4j' });
  try {
    await (
      await session.run(query, params)
    ).summary;
  } finally {
    await session.close();
  }
}

async function wipe(driver: Driver): Promise<void> {
  await run(driver, WIPE_RELATIONSHIPS);
  await run(driver, WIPE_NODES);
}

function rate(ties: number, seconds: number): string {
  return Math.round(ties / seconds).toLocaleString('en-US');
}

export async function benchNeo4jLoad(options: Neo4jLoadOptions = NEO4J_LOAD_DEFAULTS): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'kopru-bench-neo4j-'));
  const bundle = path.join(scratch, 'bundle');
  const home = path.join(scratch, 'home');
  console.log(
    `\nNeo4j load: ${options.ties.toLocaleString('en-US')} ties over ${options.organizations.toLocaleString('en-US')} organizations (seeded bundle in ${bundle})`,
  );
  let started = performance.now();
  await writeLargeBundle(bundle, { organizations: options.organizations, ties: options.ties });
  console.log(`  bundle written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Heap for Cypher's per-transaction state, page cache large enough for the whole store.
  const neo4j = await startEmbeddedNeo4j({
    home,
    port: await findFreePort(),
    heap: '2g',
    pagecacheMb: 1024,
    quiet: true,
  });
  const driver = createDriver(neo4j, { maxTransactionRetryTimeMs: 30_000, connectionTimeoutMs: 30_000 });
  const rows: Row[] = [];
  try {
    const repository = new DatasetRepository(driver, 'neo4j');
    await repository.applySchema();

    for (const batchSize of options.batchSizes) {
      await wipe(driver);
      const load = loadAverage();
      started = performance.now();
      const streamed = await openStreamedBundle(bundle);
      const validated = (performance.now() - started) / 1000;
      const outcome = await new StagedImporter(driver, 'neo4j').import(streamed, {
        source: bundle,
        replace: true,
        batchSize,
      });
      const total = (performance.now() - started) / 1000;
      rows.push({
        method: `kopru import --batch-size ${batchSize}`,
        seconds: total,
        ties: outcome.counts.ties ?? 0,
        note: `validate ${validated.toFixed(1)} s + write ${outcome.seconds.toFixed(1)} s (${rate(outcome.counts.ties ?? 0, outcome.seconds)} ties/s)`,
        load,
      });
      console.log(`  ${rows.at(-1)?.method}: ${total.toFixed(1)} s`);
    }

    await wipe(driver);
    await mkdir(embeddedPaths(home).importDir, { recursive: true });
    for (const file of ['organizations.csv', 'ties.csv']) {
      await cp(path.join(bundle, file), path.join(embeddedPaths(home).importDir, file));
    }
    const load = loadAverage();
    started = performance.now();
    await run(driver, LOAD_CSV_ORGANIZATIONS, { batch: neo4jDriver.int(options.loadCsvBatch) });
    const organizationsSeconds = (performance.now() - started) / 1000;
    const tiesStarted = performance.now();
    await run(driver, LOAD_CSV_TIES, { batch: neo4jDriver.int(options.loadCsvBatch) });
    const tiesSeconds = (performance.now() - tiesStarted) / 1000;
    const total = (performance.now() - started) / 1000;
    rows.push({
      method: `LOAD CSV … IN TRANSACTIONS OF ${options.loadCsvBatch} ROWS`,
      seconds: total,
      ties: options.ties,
      note: `organizations ${organizationsSeconds.toFixed(1)} s + ties ${tiesSeconds.toFixed(1)} s (${rate(options.ties, tiesSeconds)} ties/s); no validation, not all-or-nothing`,
      load,
    });
    console.log(`  ${rows.at(-1)?.method}: ${total.toFixed(1)} s`);

    // Read a wave back (from the last Köprü import: load it again so the data is Köprü's own).
    await wipe(driver);
    await new StagedImporter(driver, 'neo4j').import(await openStreamedBundle(bundle), {
      source: bundle,
      replace: true,
    });
    const readLoad = loadAverage();
    started = performance.now();
    const graph = await readWaveGraph(driver, 'neo4j', 'post');
    const readSeconds = (performance.now() - started) / 1000;
    rows.push({
      method: 'read wave "post" back as a graph (streamed)',
      seconds: readSeconds,
      ties: graph.size,
      note: `${graph.order.toLocaleString('en-US')} nodes, ${graph.size.toLocaleString('en-US')} edges (undirected)`,
      load: readLoad,
    });
  } finally {
    await driver.close();
    await neo4j.stop();
    await rm(scratch, { recursive: true, force: true });
  }

  const width = Math.max(...rows.map((r) => r.method.length));
  console.log(
    `\n${'method'.padEnd(width)}  ${'seconds'.padStart(8)}  ${'ties/s'.padStart(9)}  ${'load avg'.padStart(14)}  detail`,
  );
  for (const r of rows) {
    console.log(
      `${r.method.padEnd(width)}  ${r.seconds.toFixed(1).padStart(8)}  ${rate(r.ties, r.seconds).padStart(9)}  ${r.load.padStart(14)}  ${r.note}`,
    );
  }
  console.log(
    `(ties/s = ties / whole run: validation, organizations, ties and publish for Köprü; organizations + ties for LOAD CSV. ` +
      `${os.cpus().length} cores, Neo4j heap 2 GiB, page cache 1 GiB.)`,
  );
}

// Run directly: `npx tsx bench/neo4j-load.ts [--ties N] [--organizations N] [--batch-sizes a,b,c]`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  const { values } = parseArgs({
    options: {
      ties: { type: 'string' },
      organizations: { type: 'string' },
      'batch-sizes': { type: 'string' },
      'load-csv-batch': { type: 'string' },
    },
  });
  await benchNeo4jLoad({
    ties: Number(values.ties ?? NEO4J_LOAD_DEFAULTS.ties),
    organizations: Number(values.organizations ?? NEO4J_LOAD_DEFAULTS.organizations),
    batchSizes: values['batch-sizes']?.split(',').map(Number) ?? NEO4J_LOAD_DEFAULTS.batchSizes,
    loadCsvBatch: Number(values['load-csv-batch'] ?? NEO4J_LOAD_DEFAULTS.loadCsvBatch),
  });
}
