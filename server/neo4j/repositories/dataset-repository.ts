/**
 * Reads and writes the dataset in Neo4j. An import is one write transaction (all or nothing) that
 * also writes its (:Import) record; an import that would change nothing writes nothing at all.
 * Reads run in one read transaction so the dataset is a consistent snapshot.
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { diffDatasets, hasChanges, type DatasetChanges } from '../../domain/diff/dataset-diff.js';
import type { MetricsWriteBack } from '../../domain/analysis/write-back.js';
import type { Dataset, DatasetInfo } from '../../domain/types.js';
import { cypher, schemaStatements } from '../cypher.js';
import { INTERACTIVE_DEADLINE_MS, withNeo4jErrors } from '../errors.js';
import { recordAuditInTransaction } from './audit-repository.js';
import { eventRow, extraJson, organizationRow, waveRow } from './record-rows.js';
import { StagedImporter } from './staged-import.js';
import { toAttendance, toEvent, toOrganization, toResponse, toTie, toWave } from '../mappers.js';

/** Rows per UNWIND statement: Neo4j's advice is 10k–50k rows per batch. */
const BATCH_SIZE = 10_000;

/** Reading a whole dataset may take longer than an interactive query, but must not hang forever. */
const LOAD_DEADLINE_MS = 60_000;

export interface StoredDatasetInfo extends DatasetInfo {
  version: number;
  updatedAt: string | null;
}

export interface ImportOptions {
  replace?: boolean;
  dryRun?: boolean;
  /** Where the data came from (a path or file name), kept in the (:Import) record. */
  source: string;
  /**
   * Metrics to store with the data, computed from the dataset as it is after the import (in the same
   * transaction, so stored metrics always describe the stored data).
   */
  deriveMetrics?: (dataset: Dataset) => MetricsWriteBack;
  /** Who imports (a user, `local`, `cli:<os user>`): an audit event is written in the same transaction. */
  actor?: string;
}

export interface ImportOutcome {
  changes: DatasetChanges;
  /** False for a dry run and for an import that would change nothing. */
  written: boolean;
  importId: string | null;
  datasetVersion: number | null;
  counts: Record<string, number>;
}

function countsOf(dataset: Dataset): Record<string, number> {
  return {
    organizations: dataset.organizations.length,
    waves: dataset.waves.length,
    events: dataset.events.length,
    ties: dataset.ties.length,
    attendance: dataset.attendance.length,
    responses: dataset.responses.length,
  };
}

async function runBatched(tx: ManagedTransaction, query: string, rows: unknown[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await tx.run(query, { rows: rows.slice(start, start + BATCH_SIZE) });
  }
}

export class DatasetRepository {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  /**
   * Applies cypher/schema/*.cypher in order (every statement is IF NOT EXISTS, so this is
   * idempotent), then removes what an unfinished streamed import left behind (see staged-import.ts):
   * this runs at every start and before every import. Only one streamed import runs at a time.
   */
  async applySchema(): Promise<void> {
    await withNeo4jErrors(async () => {
      for (const { text } of schemaStatements()) {
        await this.driver.executeQuery(text, {}, { database: this.database });
      }
    });
    // Whatever is pending now is treated as abandoned: a streamed import still running elsewhere
    // notices at its next batch and stops with "cancelled, import again" (it never half-publishes).
    await new StagedImporter(this.driver, this.database).removeUnfinishedImports(0);
  }

  async readInfo(): Promise<StoredDatasetInfo | null> {
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('dataset/read-info'),
        {},
        { database: this.database, routing: 'READ' },
      );
      const row = records[0]?.toObject();
      if (!row) return null;
      const info: StoredDatasetInfo = {
        name: String(row.name),
        synthetic: row.synthetic === true,
        version: Number(row.version ?? 0),
        updatedAt: row.updatedAt === null ? null : String(row.updatedAt),
      };
      if (row.description !== null && row.description !== undefined)
        info.description = String(row.description);
      return info;
    }, INTERACTIVE_DEADLINE_MS);
  }

  /** The whole dataset, or null when nothing was imported yet. */
  async load(): Promise<{ dataset: Dataset; version: number } | null> {
    return withNeo4jErrors(async () => {
      const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
      try {
        return await session.executeRead((tx) => this.readAll(tx));
      } finally {
        await session.close();
      }
    }, LOAD_DEADLINE_MS);
  }

  private async readAll(tx: ManagedTransaction): Promise<{ dataset: Dataset; version: number } | null> {
    // Records are mapped as they stream in (the driver pulls them page by page), so the raw
    // records of a large dataset are never all held next to the domain records.
    const rows = async <T>(query: string, map: (row: Record<string, unknown>) => T): Promise<T[]> => {
      const out: T[] = [];
      for await (const record of tx.run(query)) out.push(map(record.toObject()));
      return out;
    };
    const [infoRow] = await rows(cypher('dataset/read-info'), (row) => row);
    if (!infoRow) return null;
    const info: DatasetInfo = { name: String(infoRow.name), synthetic: infoRow.synthetic === true };
    if (infoRow.description !== null && infoRow.description !== undefined) {
      info.description = String(infoRow.description);
    }
    const dataset: Dataset = {
      info,
      organizations: await rows(cypher('organizations/list-all'), toOrganization),
      waves: await rows(cypher('waves/list-all'), toWave),
      events: await rows(cypher('events/list-all'), toEvent),
      ties: await rows(cypher('ties/list-all'), toTie),
      attendance: await rows(cypher('attendance/list-all'), toAttendance),
      responses: await rows(cypher('responses/list-all'), toResponse),
    };
    return { dataset, version: Number(infoRow.version ?? 0) };
  }

  /**
   * Imports a validated dataset in one transaction. Without `replace` it adds and updates by id
   * (MERGE), so re-importing the same data changes nothing; with `replace` the previous dataset is
   * deleted in the same transaction, so readers see either the old or the new one, never a mix.
   */
  async import(dataset: Dataset, options: ImportOptions): Promise<ImportOutcome> {
    const replace = options.replace ?? false;
    return withNeo4jErrors(async () => {
      const session = this.driver.session({ database: this.database });
      try {
        return await session.executeWrite(async (tx) => {
          const current = await this.readAll(tx);
          const changes = diffDatasets(current?.dataset ?? null, dataset, replace);
          const counts = countsOf(dataset);
          if (options.dryRun || !hasChanges(changes)) {
            return {
              changes,
              written: false,
              importId: null,
              datasetVersion: current?.version ?? null,
              counts,
            };
          }
          await this.writeAll(tx, dataset, replace);
          if (options.deriveMetrics) {
            const stored = replace ? dataset : ((await this.readAll(tx))?.dataset ?? dataset);
            const metrics = options.deriveMetrics(stored);
            await runBatched(tx, cypher('metrics/write-organizations'), metrics.organizations);
            await runBatched(tx, cypher('metrics/write-waves'), metrics.waves);
          }
          const at = new Date().toISOString();
          const versionResult = await tx.run(cypher('dataset/write-info'), {
            name: dataset.info.name,
            synthetic: dataset.info.synthetic,
            description: dataset.info.description ?? null,
            at,
          });
          const datasetVersion = Number(versionResult.records[0]?.get('version'));
          const importId = randomUUID();
          await tx.run(cypher('imports/create'), {
            id: importId,
            at,
            source: options.source,
            counts: JSON.stringify({ ...counts, changes }),
            replace,
            datasetVersion,
            fingerprint: null,
          });
          if (options.actor !== undefined) {
            await recordAuditInTransaction(tx, {
              actor: options.actor,
              action: 'import',
              details: { importId, source: options.source, replace, datasetVersion, counts },
            });
          }
          return { changes, written: true, importId, datasetVersion, counts };
        });
      } finally {
        await session.close();
      }
    });
  }

  private async writeAll(tx: ManagedTransaction, dataset: Dataset, replace: boolean): Promise<void> {
    if (replace) await tx.run(cypher('dataset/delete-all'));
    await runBatched(tx, cypher('organizations/merge'), dataset.organizations.map(organizationRow));
    await runBatched(tx, cypher('waves/merge'), dataset.waves.map(waveRow));
    await runBatched(tx, cypher('events/merge'), dataset.events.map(eventRow));
    await runBatched(
      tx,
      cypher('ties/merge'),
      dataset.ties.map((t) => ({
        source: t.source,
        target: t.target,
        wave: t.wave,
        level: t.level,
        extra: extraJson(t.extra),
      })),
    );
    await runBatched(tx, cypher('attendance/merge'), dataset.attendance);
    await runBatched(tx, cypher('responses/merge'), dataset.responses);
  }

  async listImports(limit = 20): Promise<Record<string, unknown>[]> {
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('imports/list-recent'),
        { limit: neo4j.int(limit) },
        { database: this.database, routing: 'READ' },
      );
      return records.map((r) => {
        const row = r.toObject();
        return { ...row, counts: JSON.parse(String(row.counts)) as unknown };
      });
    });
  }
}
