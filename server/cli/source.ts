/**
 * Resolves a command's `<source>`: any file format Köprü reads (`server/files/read-source.ts`: a
 * CSV bundle folder, a folder with nodes.csv + edges.csv, `ROSTER.csv+EDGES.csv`, a .gexf, .graphml
 * or .json file), analysed without any database, or `--db` (the configured Neo4j database, embedded
 * or NEO4J_URI). Every command that takes a `<source>` goes through here, so each accepts every format.
 */
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../config.js';
import type { Dataset } from '../domain/types.js';
import { NotFoundError } from '../errors.js';
import { readSource } from '../files/read-source.js';
import { openDatabase } from '../neo4j/connect.js';
import { DatasetRepository } from '../neo4j/repositories/dataset-repository.js';
import { UsageError, type CliIO } from './command.js';

/** For usage texts: what a `<source>` may be. */
export const SOURCE_HELP =
  'a CSV bundle folder, a folder with nodes.csv + edges.csv, ROSTER.csv+EDGES.csv, a .gexf, .graphml or .json file';

/** Work a command does in the database while it is open (`--db` only), e.g. GDS measures. */
export type WhileOpen = (db: { driver: Driver; database: string; dataset: Dataset }) => Promise<void>;

export async function loadSource(
  source: string | undefined,
  fromDb: boolean,
  io: CliIO,
  whileOpen?: WhileOpen,
): Promise<Dataset> {
  if (fromDb) {
    if (source !== undefined) throw new UsageError('give either a <source> or --db, not both');
    const db = await openDatabase(loadConfig().neo4j, { onProgress: (m) => io.stderr(`${m}\n`) });
    try {
      const loaded = await new DatasetRepository(db.driver, db.connection.database).load();
      if (!loaded)
        throw new NotFoundError('The database holds no dataset yet: run `kopru import <source>` first');
      await whileOpen?.({ driver: db.driver, database: db.connection.database, dataset: loaded.dataset });
      return loaded.dataset;
    } finally {
      await db.close();
    }
  }
  if (source === undefined) throw new UsageError(`missing <source>: ${SOURCE_HELP}, or --db`);
  return (await readSource(source, io.cwd)).dataset;
}
