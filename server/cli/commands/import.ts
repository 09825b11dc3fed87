/**
 * `kopru import <source> [--replace] [--dry-run]`: validates the whole bundle first (every problem
 * with file, line, column), then writes it in one transaction, or prints what would change.
 */
import { loadConfig } from '../../config.js';
import { metricsWriteBack } from '../../domain/analysis/write-back.js';
import { RECORD_KINDS, type DatasetChanges } from '../../domain/diff/dataset-diff.js';
import { openDatabase } from '../../neo4j/connect.js';
import { DatasetRepository } from '../../neo4j/repositories/dataset-repository.js';
import { parseFlags, UsageError, type Command } from '../command.js';
import { loadSource } from '../source.js';
import { cliActor } from './user.js';

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

export const importCommand: Command = {
  name: 'import',
  summary: 'load a dataset (any format) into Neo4j (all or nothing); --dry-run shows what would change',
  usage: [
    'Usage: kopru import <source> [--replace] [--dry-run]',
    '',
    '  <source>     a CSV bundle folder (see README: organizations.csv, ties.csv, …), a folder with',
    '               nodes.csv + edges.csv, ROSTER.csv+EDGES.csv, or a .gexf, .graphml or .json file',
    '  --replace    replace the whole dataset (atomically) instead of adding/updating by id',
    '  --dry-run    validate and print what would change; write nothing',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      replace: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    });
    if (positionals.length !== 1) throw new UsageError('expected exactly one <source>');
    const source = positionals[0] as string;
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
