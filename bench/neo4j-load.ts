/**
 * Neo4j load rates (issue: scale): a seeded bundle of `ties` ties over `organizations`
 * organizations is written to disk and loaded into a throwaway embedded Neo4j:
 * - by Köprü's streamed import (small files checked, then one pass over ties.csv that checks and
 *   stages each batch, then publish) at each batch size
 *   (default: only the import's default batch size), after the first of which one wave is read
 *   back as a graph by the streaming reader;
 * - by Neo4j's own loader, `LOAD CSV … CALL { … } IN TRANSACTIONS OF N ROWS`, of the same files. Ties/s are
 * printed side by side with the load average, since the machine is shared. Each run starts from an
 * empty database; a small unmeasured warm-up of both loaders comes first, because the first
 * statements of a fresh JVM run several times slower than later ones (its JIT compiler) and
 * whichever loader ran first would pay for it.
 *
 *   npm run bench -- --neo4j-only                  1 000 000 ties over 50 000 organizations
 *   npm run bench -- --neo4j-only --ties 200000 --organizations 10000 --batch-sizes 10000,50000
 *   npx tsx bench/neo4j-load.ts --ties 200000 --organizations 10000
 *   npm run bench -- --neo4j-only --rounds 2 --writers 3   (both loaders twice; tie batches in flight)
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4jDriver, { type Driver } from 'neo4j-driver';
import { openBundleStream } from '../server/files/stream-bundle.js';
import { embeddedPaths } from '../server/neo4j/embedded.js';
import { DatasetRepository } from '../server/neo4j/repositories/dataset-repository.js';
import { DEFAULT_STREAM_BATCH_SIZE, StagedImporter } from '../server/neo4j/repositories/staged-import.js';
import { readWaveGraph } from '../server/neo4j/wave-reader.js';
import { startBenchNeo4j, writeLargeBundle } from './neo4j-bundle.js';

export interface Neo4jLoadOptions {
  ties: number;
  organizations: number;
  batchSizes: number[];
  /** Rows per transaction of LOAD CSV. */
  loadCsvBatch: number;
  /** Ties of the unmeasured warm-up bundle loaded by both loaders first (0: no warm-up). */
  warmupTies: number;
  /** Tie batches Köprü writes at once (default: the import's default). */
  writers?: number;
  /** Rounds of (Köprü at each batch size, then LOAD CSV), each from an empty database. */
  rounds: number;
}

export const NEO4J_LOAD_DEFAULTS: Neo4jLoadOptions = {
  ties: 1_000_000,
  organizations: 50_000,
  batchSizes: [DEFAULT_STREAM_BATCH_SIZE],
  loadCsvBatch: 10_000,
  warmupTies: 100_000,
  rounds: 1,
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

async function loadCsv(driver: Driver, home: string, bundle: string, batch: number) {
  await mkdir(embeddedPaths(home).importDir, { recursive: true });
  for (const file of ['organizations.csv', 'ties.csv']) {
    await cp(path.join(bundle, file), path.join(embeddedPaths(home).importDir, file));
  }
  const started = performance.now();
  await run(driver, LOAD_CSV_ORGANIZATIONS, { batch: neo4jDriver.int(batch) });
  const tiesStarted = performance.now();
  await run(driver, LOAD_CSV_TIES, { batch: neo4jDriver.int(batch) });
  const ended = performance.now();
  return {
    seconds: (ended - started) / 1000,
    organizationsSeconds: (tiesStarted - started) / 1000,
    tiesSeconds: (ended - tiesStarted) / 1000,
  };
}

async function kopruImport(driver: Driver, bundle: string, batchSize: number, writers?: number) {
  const started = performance.now();
  const streamed = await openBundleStream(bundle);
  const opened = (performance.now() - started) / 1000;
  const outcome = await new StagedImporter(driver, 'neo4j').import(streamed, {
    source: bundle,
    replace: true,
    batchSize,
    ...(writers === undefined ? {} : { writers }),
  });
  return { seconds: (performance.now() - started) / 1000, opened, outcome };
}

export async function benchNeo4jLoad(options: Neo4jLoadOptions = NEO4J_LOAD_DEFAULTS): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'kopru-bench-neo4j-'));
  const bundle = path.join(scratch, 'bundle');
  const warmupBundle = path.join(scratch, 'warm-up');
  const home = path.join(scratch, 'home');
  console.log(
    `\nNeo4j load: ${options.ties.toLocaleString('en-US')} ties over ${options.organizations.toLocaleString('en-US')} organizations (seeded bundle in ${bundle}); load average at start ${loadAverage()}`,
  );
  let started = performance.now();
  await writeLargeBundle(bundle, { organizations: options.organizations, ties: options.ties });
  console.log(`  bundle written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { neo4j, driver } = await startBenchNeo4j(home);
  const rows: Row[] = [];
  const summary: string[] = [];
  try {
    const repository = new DatasetRepository(driver, 'neo4j');
    await repository.applySchema();

    if (options.warmupTies > 0) {
      started = performance.now();
      await writeLargeBundle(warmupBundle, {
        organizations: Math.max(2, Math.round(options.warmupTies / 20)),
        ties: options.warmupTies,
      });
      await loadCsv(driver, home, warmupBundle, options.loadCsvBatch);
      await wipe(driver);
      await kopruImport(
        driver,
        warmupBundle,
        options.batchSizes[0] ?? DEFAULT_STREAM_BATCH_SIZE,
        options.writers,
      );
      console.log(
        `  warm-up (both loaders, ${options.warmupTies.toLocaleString('en-US')} ties, not measured): ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }

    // Köprü first, LOAD CSV last in each round: if anything is still warming up (the JIT, the
    // store files growing to the bundle's size for the first time), LOAD CSV gains from it. A
    // second round (`--rounds 2`) shows both loaders on a store that already had that size.
    let load: string;
    const ratios: string[] = [];
    for (let round = 1; round <= options.rounds; round += 1) {
      const label = options.rounds > 1 ? `round ${round}: ` : '';
      let kopruSeconds = 0;
      for (const [index, batchSize] of options.batchSizes.entries()) {
        await wipe(driver);
        load = loadAverage();
        const { seconds, opened, outcome } = await kopruImport(driver, bundle, batchSize, options.writers);
        if (index === 0) kopruSeconds = seconds;
        const ties = outcome.counts.ties ?? 0;
        rows.push({
          method: `${label}kopru import --batch-size ${batchSize}${batchSize === DEFAULT_STREAM_BATCH_SIZE ? ' (default)' : ''}${options.writers === undefined ? '' : `, ${options.writers} writers`}`,
          seconds,
          ties,
          note: `small files ${opened.toFixed(1)} s + ties.csv read, checked and written in one pass, publish ${outcome.seconds.toFixed(1)} s (${rate(ties, outcome.seconds)} ties/s)`,
          load: `${load} → ${loadAverage()}`,
        });
        console.log(`  ${rows.at(-1)?.method}: ${seconds.toFixed(1)} s`);
        if (index > 0 || round > 1) continue;
        // Read a wave back from Köprü's import (its data, its labels).
        load = loadAverage();
        const readStarted = performance.now();
        const graph = await readWaveGraph(driver, 'neo4j', 'post');
        const readSeconds = (performance.now() - readStarted) / 1000;
        rows.push({
          method: 'read wave "post" back as a graph (streamed)',
          seconds: readSeconds,
          ties: graph.size,
          note: `${graph.order.toLocaleString('en-US')} nodes, ${graph.size.toLocaleString('en-US')} edges (undirected)`,
          load: `${load} → ${loadAverage()}`,
        });
      }

      await wipe(driver);
      load = loadAverage();
      const csv = await loadCsv(driver, home, bundle, options.loadCsvBatch);
      rows.push({
        method: `${label}LOAD CSV … IN TRANSACTIONS OF ${options.loadCsvBatch} ROWS`,
        seconds: csv.seconds,
        ties: options.ties,
        note: `organizations ${csv.organizationsSeconds.toFixed(1)} s + ties ${csv.tiesSeconds.toFixed(1)} s (${rate(options.ties, csv.tiesSeconds)} ties/s); no validation, not all-or-nothing`,
        load: `${load} → ${loadAverage()}`,
      });
      console.log(`  ${rows.at(-1)?.method}: ${csv.seconds.toFixed(1)} s`);
      ratios.push(
        `${label}Köprü (--batch-size ${options.batchSizes[0]}) at ${Math.round((100 * csv.seconds) / kopruSeconds)} % of LOAD CSV's rate`,
      );
    }
    summary.push(...ratios);
  } finally {
    await driver.close();
    await neo4j.stop();
    await rm(scratch, { recursive: true, force: true });
  }

  const width = Math.max(...rows.map((r) => r.method.length));
  console.log(
    `\n${'method'.padEnd(width)}  ${'seconds'.padStart(8)}  ${'ties/s'.padStart(9)}  ${'load avg (1/5/15 min) start → end'.padEnd(35)}  detail`,
  );
  for (const r of rows) {
    console.log(
      `${r.method.padEnd(width)}  ${r.seconds.toFixed(1).padStart(8)}  ${rate(r.ties, r.seconds).padStart(9)}  ${r.load.padEnd(35)}  ${r.note}`,
    );
  }
  console.log(
    `(ties/s = ties / whole run: small files, organizations, the pass over ties.csv and publish for Köprü; organizations + ties for LOAD CSV. ` +
      `${os.cpus().length} cores, Neo4j heap 2 GiB, page cache 1 GiB. A load average above ${os.cpus().length} means other ` +
      `processes shared the cores: compare the rows' ratios, not their absolute rates.)`,
  );
  for (const line of summary) console.log(line);
}

/**
 * Options from command-line flags (`--ties N --organizations N --batch-sizes a,b --load-csv-batch N
 * --warmup-ties N`); other flags are ignored, so `npm run bench` can pass its whole argument list.
 */
export function neo4jLoadOptions(args: string[]): Neo4jLoadOptions {
  const { values } = parseArgs({
    args,
    strict: false,
    options: {
      ties: { type: 'string' },
      organizations: { type: 'string' },
      'batch-sizes': { type: 'string' },
      'load-csv-batch': { type: 'string' },
      'warmup-ties': { type: 'string' },
      writers: { type: 'string' },
      rounds: { type: 'string' },
    },
  });
  const number = (value: unknown, fallback: number, flag: string): number => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${flag} must be a whole number`);
    return parsed;
  };
  const ties = number(values.ties, NEO4J_LOAD_DEFAULTS.ties, 'ties');
  return {
    ties,
    // 20 ties per organization unless told otherwise, as in the default 1 000 000 over 50 000.
    organizations: number(
      values.organizations,
      values.ties === undefined ? NEO4J_LOAD_DEFAULTS.organizations : Math.max(2, Math.round(ties / 20)),
      'organizations',
    ),
    batchSizes:
      typeof values['batch-sizes'] === 'string'
        ? values['batch-sizes'].split(',').map((size) => number(size, 0, 'batch-sizes'))
        : NEO4J_LOAD_DEFAULTS.batchSizes,
    loadCsvBatch: number(values['load-csv-batch'], NEO4J_LOAD_DEFAULTS.loadCsvBatch, 'load-csv-batch'),
    warmupTies: number(values['warmup-ties'], NEO4J_LOAD_DEFAULTS.warmupTies, 'warmup-ties'),
    rounds: Math.max(1, number(values.rounds, NEO4J_LOAD_DEFAULTS.rounds, 'rounds')),
    ...(values.writers === undefined ? {} : { writers: number(values.writers, 0, 'writers') }),
  };
}

// Run directly: `npx tsx bench/neo4j-load.ts [--ties N] [--organizations N] [--batch-sizes a,b,c]`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  await benchNeo4jLoad(neo4jLoadOptions(process.argv.slice(2)));
}
