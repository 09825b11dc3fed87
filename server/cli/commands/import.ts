/**
 * `kopru import <source> [--replace] [--dry-run] [--batch-size N] [--stream]`: validates the whole
 * source first (every problem with file, line, column), then writes it all or nothing, or prints
 * what would change.
 *
 * Two ways to write, both all-or-nothing for readers:
 * - in memory (any format, up to 1 000 000 rows per file): one transaction, diffed against the
 *   stored dataset, so re-importing the same data writes nothing;
 * - streamed (a CSV bundle whose ties.csv is over STREAM_THRESHOLD_BYTES, or `--stream`, or
 *   `--batch-size`): ties.csv is read once as a stream, each batch of N rows checked and then
 *   written into staged data that one small final transaction publishes; a problem anywhere stops
 *   the writing, every problem is still listed and the staged data is removed (see
 *   server/neo4j/repositories/staged-import.ts). It replaces the dataset whole.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { metricsWriteBack } from '../../domain/analysis/write-back.js';
import { RECORD_KINDS, type DatasetChanges } from '../../domain/diff/dataset-diff.js';
import { checkBundleStream, openBundleStream } from '../../files/stream-bundle.js';
import { openDatabase } from '../../neo4j/connect.js';
import { DatasetRepository } from '../../neo4j/repositories/dataset-repository.js';
import { DEFAULT_STREAM_BATCH_SIZE, StagedImporter } from '../../neo4j/repositories/staged-import.js';
import { parseFlags, UsageError, type CliIO, type Command } from '../command.js';
import { loadSource } from '../source.js';
import { cliActor } from './user.js';

/** A bundle whose ties.csv is larger than this (≈ 250 000 rows) is streamed. */
export const STREAM_THRESHOLD_BYTES = 8 * 1024 * 1024;

function changeTable(changes: DatasetChanges): string {
  const rows = RECORD_KINDS.map((kind) => {
    const c = changes[kind];
    return `  ${kind.padEnd(14)} ${String(c.added).padStart(7)} ${String(c.changed).padStart(8)} ${String(c.removed).padStart(8)} ${String(c.unchanged).padStart(10)}`;
  });
  return [
    `  ${''.padEnd(14)} ${'added'.padStart(7)} ${'changed'.padStart(8)} ${'removed'.padStart(8)} ${'unchanged'.padStart(10)}`,
    ...rows,
  ].join('\n');
}

function parseBatchSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
    throw new UsageError(`--batch-size must be an integer from 1 to 1000000, not "${value}"`);
  }
  return size;
}

/** Whether `source` is a CSV bundle folder to stream. */
async function shouldStream(folder: string, forced: boolean): Promise<boolean> {
  if (!existsSync(path.join(folder, 'organizations.csv'))) return false;
  if (forced) return true;
  try {
    return (await stat(path.join(folder, 'ties.csv'))).size > STREAM_THRESHOLD_BYTES;
  } catch {
    return false;
  }
}

function rate(rows: number, seconds: number): string {
  return `${Math.round(rows / Math.max(seconds, 1e-9)).toLocaleString('en-US')} rows/s`;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'load a dataset (any format) into Neo4j (all or nothing); --dry-run shows what would change',
  usage: [
    'Usage: kopru import <source> [--replace] [--dry-run] [--batch-size N] [--stream]',
    '',
    '  <source>        a CSV bundle folder (see README: organizations.csv, ties.csv, …), a folder with',
    '                  nodes.csv + edges.csv, ROSTER.csv+EDGES.csv, or a .gexf, .graphml or .json file',
    '  --replace       replace the whole dataset (atomically) instead of adding/updating by id',
    '  --dry-run       validate and print what would change; write nothing',
    `  --batch-size N  rows per write (default ${DEFAULT_STREAM_BATCH_SIZE}); with a CSV bundle, streams it`,
    `  --stream        stream a CSV bundle (automatic when ties.csv is over ${STREAM_THRESHOLD_BYTES / 1024 / 1024} MB):`,
    '                  validated and loaded without holding ties.csv in memory; replaces the dataset',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      replace: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      stream: { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('expected exactly one <source>');
    const source = positionals[0] as string;
    const batchSize = parseBatchSize(values['batch-size']);
    const folder = path.resolve(io.cwd, source);
    if (await shouldStream(folder, values.stream || batchSize !== undefined)) {
      return streamImport(io, source, folder, {
        replace: values.replace,
        dryRun: values['dry-run'],
        batchSize: batchSize ?? DEFAULT_STREAM_BATCH_SIZE,
      });
    }
    const dataset = await loadSource(source, false, io);
    const db = await openDatabase(loadConfig().neo4j, { onProgress: (m) => io.stderr(`${m}\n`) });
    try {
      const repository = new DatasetRepository(db.driver, db.connection.database);
      await repository.applySchema();
      const outcome = await repository.import(dataset, {
        source,
        replace: values.replace,
        dryRun: values['dry-run'],
        deriveMetrics: metricsWriteBack,
        actor: cliActor(),
      });
      const head = values['dry-run']
        ? 'Dry run: nothing was written. Importing would change:'
        : outcome.written
          ? `Imported ${source} (import ${outcome.importId}, dataset version ${outcome.datasetVersion}):`
          : 'Nothing to change: the database already holds exactly this data.';
      io.stdout(`${head}\n${changeTable(outcome.changes)}\n`);
      return 0;
    } finally {
      await db.close();
    }
  },
};

async function streamImport(
  io: CliIO,
  source: string,
  folder: string,
  options: { replace: boolean; dryRun: boolean; batchSize: number },
): Promise<number> {
  const started = performance.now();
  // The small files are read and checked first (a missing or unreadable file stops here).
  const bundle = await openBundleStream(folder, {
    onProgress: (p) => {
      const seconds = (performance.now() - started) / 1000;
      const share = p.totalBytes > 0 ? ` (${Math.round((100 * p.bytes) / p.totalBytes)} %)` : '';
      io.stderr(
        `Reading and checking ties.csv: ${p.rows.toLocaleString('en-US')} rows${share}, ${rate(p.rows, seconds)}\n`,
      );
    },
  });
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase(loadConfig().neo4j, { onProgress: (m) => io.stderr(`${m}\n`) });
  } catch (error) {
    // Without a database a broken bundle still gets its list of problems.
    await checkBundleStream(bundle, options.batchSize);
    throw error;
  }
  try {
    await new DatasetRepository(db.driver, db.connection.database).applySchema();
    const outcome = await new StagedImporter(db.driver, db.connection.database).import(bundle, {
      source,
      replace: options.replace,
      dryRun: options.dryRun,
      batchSize: options.batchSize,
      actor: cliActor(),
      onProgress: (p) => {
        if (p.phase === 'staging') {
          io.stderr(
            `Loading ties: ${p.ties.toLocaleString('en-US')} written, ` +
              `${Math.round(p.tiesPerSecond).toLocaleString('en-US')} ties/s\n`,
          );
        } else if (p.phase === 'publishing') {
          io.stderr('Publishing the new dataset (one transaction) …\n');
        } else {
          io.stderr('Removing the previous dataset in the background of readers …\n');
        }
      },
    });
    const head = options.dryRun
      ? 'Dry run: nothing was written. Importing would change:'
      : outcome.written
        ? `Imported ${source} streamed in batches of ${options.batchSize} (import ${outcome.importId}, ` +
          `dataset version ${outcome.datasetVersion}, ${outcome.counts.ties} ties in ${outcome.seconds.toFixed(1)} s, ` +
          `${rate(outcome.counts.ties ?? 0, outcome.seconds)}):`
        : 'Nothing to change: the database already holds exactly this data.';
    const seconds = (performance.now() - started) / 1000;
    io.stderr(
      `Validated ${outcome.tieRows.toLocaleString('en-US')} tie rows in one pass with the writing ` +
        `(${seconds.toFixed(1)} s, ${rate(outcome.tieRows, seconds)}): no problems.\n`,
    );
    io.stdout(`${head}\n${changeTable(outcome.changes)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
