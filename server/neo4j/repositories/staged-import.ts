/**
 * Streamed import of a large bundle: many small write transactions, yet all or nothing as readers
 * see it, including across a crash of Neo4j or of this process.
 *
 * How (the staging protocol):
 * 1. `staging/begin` writes a (:PendingImport {id, heartbeat}). No query the application runs reads
 *    that label.
 * 2. Every batch (organizations, waves, events, ties, attendance, responses) is its own transaction
 *    writing nodes labelled :StagedOrganization / :StagedWave / :StagedEvent, tagged with the import
 *    id, and relationships between them. Readers only ever match :Organization, :Wave, :Event, so
 *    staged data is invisible; the pending record's heartbeat is refreshed as batches go.
 *    The ties are staged while ties.csv is read and checked, in one pass: a problem anywhere stops
 *    the writing, and what was staged is removed before the problems are reported.
 * 3. Publishing is ONE transaction, small whatever the size of the data (labels only, no
 *    relationship is touched): the live nodes become :Retired, the staged nodes take the live
 *    labels, the (:Dataset) version is bumped, the (:Import) record is created and the
 *    (:PendingImport) deleted. Readers see the old dataset before it commits and the new one after.
 * 4. After the commit, retired nodes are deleted in small transactions (invisible meanwhile).
 * A crash before step 3 commits leaves only invisible staged nodes and a pending record with no
 * (:Import): `removeUnfinishedImports` deletes them at the next start or import (pending records
 * whose heartbeat stopped, staged nodes whose record is gone), plus any unpurged :Retired nodes.
 *
 * A streamed import replaces the whole dataset: merging a bundle too large for memory into another
 * dataset would need both in memory to diff them. Re-importing the same files (same SHA-256
 * fingerprint as the import that produced the live data) changes nothing and writes nothing.
 */
import { recordAuditInTransaction } from './audit-repository.js';
import { eventRow, extraJson, organizationRow, waveRow } from './record-rows.js';
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { ConflictError, ValidationError } from '../../errors.js';
import type { RecordChanges, DatasetChanges } from '../../domain/diff/dataset-diff.js';
import type { Tie } from '../../domain/types.js';
import { checkBundleStream, type BundleStream, type TiePassSummary } from '../../files/stream-bundle.js';
import { cypher } from '../cypher.js';
import { withNeo4jErrors } from '../errors.js';

/**
 * Rows per batch transaction unless told otherwise. 50 000 rather than 10 000: fewer commits; on
 * 1 000 000 ties (npm run bench -- --neo4j-only, a shared machine) it wrote them in 106–107 s where
 * 10 000-row batches took 107–174 s. Two batches in flight hold about 100 000 ties in this process
 * and in Neo4j's heap.
 */
export const DEFAULT_STREAM_BATCH_SIZE = 50_000;

/**
 * Tie batches written at once, each in its own transaction on its own session. Two overlap one
 * batch's transfer and planning with the other's writing; Neo4j takes the relationship locks of a
 * transaction at commit, sorted, so concurrent batches wait for each other there but never deadlock.
 */
export const DEFAULT_TIE_WRITERS = 2;

/** Organizations per staging transaction (at most the batch size). */
const ORGANIZATION_BATCH_SIZE = 10_000;

/** How often, at most, a running import refreshes its pending record's heartbeat. */
const HEARTBEAT_MS = 10_000;

/**
 * Before its own staging, an import removes pending imports whose heartbeat is older than this
 * (start-up and a restart of the embedded Neo4j remove every pending import).
 */
export const STALE_IMPORT_SECONDS = 120;

export interface StreamImportProgress {
  phase: 'staging' | 'publishing' | 'cleaning';
  /** Ties written so far. */
  ties: number;
  /** Distinct ties of the bundle, known once ties.csv has been read (0 until then). */
  totalTies: number;
  /** Ties per second since the ties started. */
  tiesPerSecond: number;
}

export interface StreamImportOptions {
  source: string;
  replace?: boolean;
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (progress: StreamImportProgress) => void;
  /** Who imports, for the audit log (written in the publishing transaction); none: no audit event. */
  actor?: string;
  /** Tie batches in flight at once, default DEFAULT_TIE_WRITERS (1: one after the other). */
  writers?: number;
  /** For tests of the crash protocol: called after each committed tie batch. */
  afterTieBatch?: (written: number) => Promise<void> | void;
}

export interface StreamImportOutcome {
  changes: DatasetChanges;
  written: boolean;
  importId: string | null;
  datasetVersion: number | null;
  counts: Record<string, number>;
  /** Data rows of ties.csv (read and checked). */
  tieRows: number;
  /** Seconds spent writing (staging, with the pass over ties.csv, + publishing), for the rate. */
  seconds: number;
}

function unchanged(count: number): RecordChanges {
  return { added: 0, changed: 0, removed: 0, unchanged: count };
}

function replaced(count: number): RecordChanges {
  return { added: count, changed: 0, removed: 0, unchanged: 0 };
}

function cancelled(importId: string): ConflictError {
  return new ConflictError(
    `The import ${importId} was cancelled while it ran (its staged data was removed as abandoned); import again.`,
  );
}

/** Deletes the staged data and the pending record of one import, in small transactions. */
async function removeStaged(session: Session, importId: string): Promise<void> {
  await (
    await session.run(cypher('staging/remove-staged'), { importId })
  ).summary;
  await session.run(cypher('staging/remove-pending'), { importId });
}

export class StagedImporter {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  /**
   * Deletes what unfinished streamed imports left behind (invisible staged nodes, pending records
   * whose heartbeat is older than `staleSeconds`) and nodes retired by earlier publishes.
   * Returns the ids of the imports cleaned up.
   */
  async removeUnfinishedImports(staleSeconds = STALE_IMPORT_SECONDS): Promise<string[]> {
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('staging/list-stale'),
        { staleSeconds },
        { database: this.database },
      );
      const ids = records.map((r) => String(r.get('importId')));
      const session = this.driver.session({ database: this.database });
      try {
        for (const importId of ids) await removeStaged(session, importId);
        await session.run(cypher('staging/purge-retired'));
      } finally {
        await session.close();
      }
      return ids;
    });
  }

  /**
   * Imports the bundle in one pass over its ties.csv (see server/files/stream-bundle.ts): each tie
   * batch is staged as soon as it is read and checked. A problem found anywhere stops the writing;
   * the pass reads on to collect every problem, what was staged is removed, and the ValidationError
   * is thrown as a validation pass before any write would have thrown it. Whether anything is written
   * at all (unchanged data, no --replace, a dry run, problems in the small files) is decided before
   * the first write, with the bundle read (and checked) but not written.
   */
  async import(bundle: BundleStream, options: StreamImportOptions): Promise<StreamImportOutcome> {
    const replace = options.replace ?? false;
    const batchSize = options.batchSize ?? DEFAULT_STREAM_BATCH_SIZE;
    const { dataset } = bundle;
    // Waves (without waves.csv) and responses are final once the pass is over.
    const countsOf = (summary: TiePassSummary) => ({
      organizations: dataset.organizations.length,
      waves: dataset.waves.length,
      events: dataset.events.length,
      ties: summary.tieCount,
      attendance: dataset.attendance.length,
      responses: dataset.responses.length,
    });
    const changesOf = (counts: ReturnType<typeof countsOf>, change: typeof replaced): DatasetChanges => ({
      info: change === replaced,
      organizations: change(counts.organizations),
      waves: change(counts.waves),
      events: change(counts.events),
      ties: change(counts.ties),
      attendance: change(counts.attendance),
      responses: change(counts.responses),
    });
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('staging/previous'),
        {},
        { database: this.database },
      );
      const previous = records[0]?.toObject() ?? {};
      const version =
        previous.version === null || previous.version === undefined ? null : Number(previous.version);
      const previousFingerprint = typeof previous.fingerprint === 'string' ? previous.fingerprint : null;
      // The same files as the live data: one fast read of them decides it before anything is written.
      const fingerprintAhead =
        version !== null && previousFingerprint !== null && bundle.writable
          ? await bundle.fingerprintAhead()
          : undefined;
      const writes =
        bundle.writable &&
        !options.dryRun &&
        (version === null || replace) &&
        (fingerprintAhead === undefined || fingerprintAhead !== previousFingerprint);
      if (!writes) {
        // Read and check everything, write nothing; problems are thrown first, as ever.
        const summary = await checkBundleStream(bundle, batchSize);
        const counts = countsOf(summary);
        if (fingerprintAhead !== undefined && summary.fingerprint !== fingerprintAhead) {
          const reason = 'ties.csv changed while it was read; import it again';
          throw new ValidationError(reason, [{ file: 'ties.csv', reason }]);
        }
        if (version !== null && summary.fingerprint === previousFingerprint) {
          return {
            changes: changesOf(counts, unchanged),
            written: false,
            importId: null,
            datasetVersion: version,
            counts,
            tieRows: summary.tieRows,
            seconds: 0,
          };
        }
        if (version !== null && !replace) {
          throw new ConflictError(
            'The database already holds a dataset, and a bundle this large is imported as a whole new ' +
              'dataset (it cannot be merged record by record in memory): add --replace to replace it.',
          );
        }
        return {
          changes: changesOf(counts, replaced),
          written: false,
          importId: null,
          datasetVersion: version,
          counts,
          tieRows: summary.tieRows,
          seconds: 0,
        };
      }

      await this.removeUnfinishedImports();
      await this.driver.executeQuery(cypher('staging/await-indexes'), {}, { database: this.database });
      const started = performance.now();
      const importId = randomUUID();
      const at = new Date().toISOString();
      // The first batch of ties is read and checked while the organizations are written.
      const batches = bundle.pass(batchSize);
      let ahead = batches.next();
      // Until it is awaited, a failure of that read must not count as unhandled.
      ahead.catch(() => undefined);
      // All of a result in one page: the organizations' element ids (one row each) come back in
      // one round trip rather than one per 1 000 rows, each waiting for the pass to give way.
      const session = this.driver.session({ database: this.database, fetchSize: -1 });
      let published = false;
      const writers = Math.max(1, Math.floor(options.writers ?? DEFAULT_TIE_WRITERS));
      try {
        await this.driver.executeQuery(
          cypher('staging/begin'),
          { id: importId, source: options.source, at },
          { database: this.database },
        );
        const write = async (query: string, rows: unknown[]): Promise<void> => {
          for (let start = 0; start < rows.length; start += batchSize) {
            const slice = rows.slice(start, start + batchSize);
            await this.writeBatch(session.executeWrite.bind(session), query, importId, slice);
          }
        };
        // Organization id → element id of its staged node: the one map held for the tie batches.
        const elementIds = new Map<string, string>();
        const organizations = dataset.organizations.map(organizationRow);
        // In batches of at most ORGANIZATION_BATCH_SIZE, two at a time, like the ties.
        const slices: (typeof organizations)[] = [];
        const orgBatch = Math.min(batchSize, ORGANIZATION_BATCH_SIZE);
        for (let start = 0; start < organizations.length; start += orgBatch) {
          slices.push(organizations.slice(start, start + orgBatch));
        }
        const orgSessions = [session];
        for (let i = 1; i < Math.min(writers, slices.length); i += 1) {
          orgSessions.push(this.driver.session({ database: this.database, fetchSize: -1 }));
        }
        let nextSlice = 0;
        try {
          const settled = await Promise.allSettled(
            orgSessions.map(async (writer) => {
              for (let rows = slices[nextSlice++]; rows !== undefined; rows = slices[nextSlice++]) {
                const staged = await writer.executeWrite(async (tx) =>
                  (await tx.run(cypher('staging/organizations'), { importId, rows })).records.map(
                    (r) => [String(r.get('id')), String(r.get('elementId'))] as const,
                  ),
                );
                if (staged.length !== rows.length) throw cancelled(importId);
                for (const [id, elementId] of staged) elementIds.set(id, elementId);
              }
            }),
          );
          for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
        } finally {
          for (const extra of orgSessions.slice(1)) await extra.close();
        }
        const tieRow = (t: Tie) => [
          elementIds.get(t.source),
          elementIds.get(t.target),
          t.wave,
          t.level,
          extraJson(t.extra),
        ];

        const tiesStarted = performance.now();
        let written = 0;
        let totalTies = 0;
        let lastReport = 0;
        const report = (phase: StreamImportProgress['phase']) => {
          const seconds = (performance.now() - tiesStarted) / 1000;
          options.onProgress?.({
            phase,
            ties: written,
            totalTies,
            tiesPerSecond: seconds > 0 ? written / seconds : 0,
          });
        };
        // The next batch is read and checked while Neo4j writes the current ones (one batch ahead,
        // no more), and up to `writers` batches are written at once, each on its own session.
        const sessions = [session];
        for (let i = 1; i < writers; i += 1) sessions.push(this.driver.session({ database: this.database }));
        const idle = [...sessions];
        const inFlight = new Set<Promise<void>>();
        let failure: { error: unknown } | undefined;
        let lastHeartbeat = performance.now();
        let summary: TiePassSummary | undefined;
        try {
          while (failure === undefined) {
            const next = await ahead;
            if (next.done) {
              summary = next.value;
              break;
            }
            const batch = next.value;
            ahead = batches.next();
            ahead.catch(() => undefined);
            const rows = batch.map(tieRow);
            while (idle.length === 0) await Promise.race(inFlight);
            if (failure !== undefined) break;
            if (performance.now() - lastHeartbeat > HEARTBEAT_MS) {
              lastHeartbeat = performance.now();
              await this.heartbeat(importId);
            }
            const writer = idle.pop() as (typeof sessions)[number];
            // Never rejects: the first failure is kept and thrown once every write has settled.
            const task = (async () => {
              try {
                await this.writeBatch(
                  writer.executeWrite.bind(writer),
                  cypher('staging/ties'),
                  importId,
                  rows,
                );
                written += batch.length;
                await options.afterTieBatch?.(written);
                if (performance.now() - lastReport > 2_000) {
                  lastReport = performance.now();
                  report('staging');
                }
              } catch (error) {
                failure ??= { error };
              } finally {
                idle.push(writer);
              }
            })();
            inFlight.add(task);
            void task.then(() => inFlight.delete(task));
          }
          await Promise.all(inFlight);
          if (failure !== undefined) throw failure.error;
        } finally {
          await Promise.all(inFlight);
          await batches.return(undefined as never);
          for (const extra of sessions.slice(1)) await extra.close();
        }
        const done = summary as TiePassSummary;
        totalTies = done.tieCount;
        const counts = countsOf(done);
        const changes = changesOf(counts, replaced);
        await this.heartbeat(importId);
        await write(cypher('staging/raise-ties'), done.raises.map(tieRow));
        await write(cypher('staging/waves'), dataset.waves.map(waveRow));
        await write(cypher('staging/events'), dataset.events.map(eventRow));
        await write(
          cypher('staging/attendance'),
          dataset.attendance.map((a) => ({ ...a, organization: elementIds.get(a.organization) })),
        );
        await write(
          cypher('staging/responses'),
          dataset.responses.map((r) => ({ ...r, organization: elementIds.get(r.organization) })),
        );
        report('publishing');

        const datasetVersion = await session.executeWrite(async (tx) => {
          const version = await this.publish(tx, importId, {
            name: dataset.info.name,
            synthetic: dataset.info.synthetic,
            description: dataset.info.description ?? null,
            source: options.source,
            counts: JSON.stringify({ ...counts, changes, streamed: true, batchSize }),
            replace,
            fingerprint: done.fingerprint,
          });
          if (options.actor !== undefined) {
            await recordAuditInTransaction(tx, {
              actor: options.actor,
              action: 'import',
              details: {
                importId,
                source: options.source,
                replace,
                datasetVersion: version,
                counts,
                streamed: true,
              },
            });
          }
          return version;
        });
        published = true;
        const seconds = (performance.now() - started) / 1000;
        report('cleaning');
        await (
          await session.run(cypher('staging/purge-retired'))
        ).summary;
        return {
          changes,
          written: true,
          importId,
          datasetVersion,
          counts,
          tieRows: done.tieRows,
          seconds,
        };
      } catch (error) {
        // Nothing of this import is visible (it failed before its publish committed): remove what
        // it staged now. If that fails too (the database is gone), the clean-up at the next start
        // or import removes it.
        await batches.return(undefined as never).catch(() => undefined);
        if (!published) await this.removeImport(importId).catch(() => undefined);
        throw error;
      } finally {
        await session.close();
      }
    });
  }

  /** Removes what import `importId` staged, on its own session. */
  private async removeImport(importId: string): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      await removeStaged(session, importId);
    } finally {
      await session.close();
    }
  }

  /** Refreshes the pending record's heartbeat; a missing record (cleaned up as dead) stops the import. */
  private async heartbeat(importId: string): Promise<void> {
    const { records } = await this.driver.executeQuery(
      cypher('staging/heartbeat'),
      { importId },
      { database: this.database },
    );
    if (Number(records[0]?.get('alive') ?? 0) !== 1) throw cancelled(importId);
  }

  /** One batch in its own transaction; a missing pending record (cleaned up as dead) stops the import. */
  private async writeBatch(
    executeWrite: <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>,
    query: string,
    importId: string,
    rows: unknown[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const count = await executeWrite(async (tx) => {
      const result = await tx.run(query, { importId, rows });
      return Number(result.records[0]?.get('count') ?? 0);
    });
    if (count !== rows.length) throw cancelled(importId);
  }

  private async publish(
    tx: ManagedTransaction,
    importId: string,
    info: {
      name: string;
      synthetic: boolean;
      description: string | null;
      source: string;
      counts: string;
      replace: boolean;
      fingerprint: string;
    },
  ): Promise<number> {
    const finished = await tx.run(cypher('staging/finish'), { importId });
    if (Number(finished.records[0]?.get('finished') ?? 0) !== 1) {
      throw new ConflictError(
        `The import ${importId} was cancelled before it could be published; import again.`,
      );
    }
    await tx.run(cypher('staging/retire-live'));
    await tx.run(cypher('staging/promote'), { importId });
    const at = new Date().toISOString();
    const versionResult = await tx.run(cypher('dataset/write-info'), {
      name: info.name,
      synthetic: info.synthetic,
      description: info.description,
      at,
    });
    const datasetVersion = Number(versionResult.records[0]?.get('version'));
    await tx.run(cypher('imports/create'), {
      id: importId,
      at,
      source: info.source,
      counts: info.counts,
      replace: info.replace,
      datasetVersion,
      fingerprint: info.fingerprint,
    });
    return datasetVersion;
  }
}
