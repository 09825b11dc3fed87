/**
 * The (:Publication) records: a small entry per public release (id, when, by whom, counts) for the
 * analysts' list. The release itself is a file (server/files/public-releases.ts) that the public route
 * serves without the database.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { PublicReleaseCounts } from '../../domain/privacy/public-release.js';
import { cypher } from '../cypher.js';
import { INTERACTIVE_DEADLINE_MS, withNeo4jErrors } from '../errors.js';

export interface PublicationRecord {
  id: string;
  at: string;
  /** Who published (the session's user), or null when unknown (e.g. the CLI). */
  by: string | null;
  counts: PublicReleaseCounts;
}

export class PublicationRepository {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  async create(record: PublicationRecord): Promise<void> {
    await withNeo4jErrors(async () => {
      await this.driver.executeQuery(
        cypher('publications/create'),
        { id: record.id, at: record.at, by: record.by, counts: JSON.stringify(record.counts) },
        { database: this.database },
      );
    }, INTERACTIVE_DEADLINE_MS);
  }

  /** Latest first. */
  async list(limit = 100): Promise<PublicationRecord[]> {
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('publications/list-recent'),
        { limit: neo4j.int(limit) },
        { database: this.database, routing: 'READ' },
      );
      return records.map((r) => {
        const row = r.toObject();
        return {
          id: String(row.id),
          at: String(row.at),
          by: row.by === null || row.by === undefined ? null : String(row.by),
          counts: JSON.parse(String(row.counts)) as PublicReleaseCounts,
        };
      });
    }, INTERACTIVE_DEADLINE_MS);
  }
}
