/**
 * Resolves a command's `<source>`: a bundle folder (analysed without any database) or `--db` (the
 * configured Neo4j database, embedded or NEO4J_URI). Other formats join here (issue: formats).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.js';
import type { Dataset } from '../domain/types.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { readBundleFolder } from '../files/read-bundle.js';
import { openDatabase } from '../neo4j/connect.js';
import { DatasetRepository } from '../neo4j/repositories/dataset-repository.js';
import { UsageError, type CliIO } from './command.js';

export async function loadSource(source: string | undefined, fromDb: boolean, io: CliIO): Promise<Dataset> {
  if (fromDb) {
    if (source !== undefined) throw new UsageError('give either a <source> or --db, not both');
    const db = await openDatabase(loadConfig().neo4j, { onProgress: (m) => io.stderr(`${m}\n`) });
    try {
      const loaded = await new DatasetRepository(db.driver, db.connection.database).load();
      if (!loaded)
        throw new NotFoundError('The database holds no dataset yet: run `kopru import <bundle>` first');
      return loaded.dataset;
    } finally {
      await db.close();
    }
  }
  if (source === undefined) throw new UsageError('missing <source>: a bundle folder, or --db');
  const full = path.resolve(io.cwd, source);
  const info = await stat(full).catch(() => null);
  if (!info)
    throw new ValidationError(`${source}: no such file or folder`, [{ file: source, reason: 'not found' }]);
  return readBundleFolder(full);
}
