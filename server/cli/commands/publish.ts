/**
 * `kopru publish <source>|--db [--out FILE]`: builds the public release (the aggregated, anonymised
 * view of server/domain/privacy/public-release.ts) with the same function as POST /api/publications.
 *
 * - `--out FILE` writes the release JSON there (`-` prints it) and nothing else: a public export.
 * - Without `--out` it publishes: the file goes to `<KOPRU_HOME>/public/releases/`, where the server's
 *   public map serves the latest one; with `--db` a (:Publication) record is written too.
 */
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { releaseCounts, type PublicRelease } from '../../domain/privacy/public-release.js';
import type { Dataset } from '../../domain/types.js';
import { NotFoundError } from '../../errors.js';
import { createRelease, releasesDirOf, serializeRelease, writeRelease } from '../../files/public-releases.js';
import { writeTextFileAtomically } from '../../files/write-export.js';
import { openDatabase } from '../../neo4j/connect.js';
import { DatasetRepository } from '../../neo4j/repositories/dataset-repository.js';
import { PublicationRepository } from '../../neo4j/repositories/publication-repository.js';
import { parseFlags, UsageError, type CliIO, type Command } from '../command.js';
import { SOURCE_HELP, loadSource } from '../source.js';
import { onePositional } from './analysis-flags.js';

function summary(release: PublicRelease): string {
  const c = releaseCounts(release);
  return `${c.cells} categories, ${c.links} tie counts, ${c.names} opted-in names, ${c.namedTies} named ties`;
}

/** Publishes from the configured database: file + (:Publication) record. */
async function publishFromDatabase(io: CliIO): Promise<PublicRelease> {
  const config = loadConfig();
  const db = await openDatabase(config.neo4j, { onProgress: (m) => io.stderr(`${m}\n`) });
  try {
    const loaded = await new DatasetRepository(db.driver, db.connection.database).load();
    if (!loaded)
      throw new NotFoundError('The database holds no dataset yet: run `kopru import <source>` first');
    const release = createRelease(loaded.dataset);
    const file = await writeRelease(releasesDirOf(config.neo4j.home), release);
    await new PublicationRepository(db.driver, db.connection.database).create({
      id: release.id,
      at: release.publishedAt,
      by: null,
      counts: releaseCounts(release),
    });
    io.stdout(`Published release ${release.id} (${summary(release)}) to ${file}\n`);
    return release;
  } finally {
    await db.close();
  }
}

export const publishCommand: Command = {
  name: 'publish',
  summary: 'publish the aggregated, anonymised public map (or write it to a file with --out)',
  usage: [
    'Usage: kopru publish <source>|--db [--out FILE]',
    '',
    `  <source>    ${SOURCE_HELP}, or --db for the configured Neo4j database`,
    '  --out FILE  write the release JSON to FILE ("-" prints it) instead of publishing it',
    '',
    'Without --out the release is published: written to <KOPRU_HOME>/public/releases/, where',
    "the server's public map (GET /api/public/map) serves the latest one; with --db it is also",
    'recorded in the database. Categories under 5 organizations are merged or hidden, counts are',
    'rounded to multiples of 5, and only names of organizations with public_name=true appear.',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      db: { type: 'boolean', default: false },
      out: { type: 'string' },
    });
    if (values.out === '') throw new UsageError('--out FILE must not be empty');
    const source = onePositional(positionals, values.db);
    if (values.out === undefined && values.db) {
      if (source !== undefined) throw new UsageError('give either a <source> or --db, not both');
      await publishFromDatabase(io);
      return 0;
    }
    const dataset: Dataset = await loadSource(source, values.db, io);
    const release = createRelease(dataset);
    if (values.out === '-') {
      io.stdout(serializeRelease(release));
      return 0;
    }
    if (values.out !== undefined) {
      const target = path.resolve(io.cwd, values.out);
      await writeTextFileAtomically(target, serializeRelease(release));
      io.stdout(`Wrote public release ${release.id} (${summary(release)}) to ${target}\n`);
      return 0;
    }
    const file = await writeRelease(releasesDirOf(loadConfig().neo4j.home), release);
    io.stdout(`Published release ${release.id} (${summary(release)}) to ${file}\n`);
    return 0;
  },
};
