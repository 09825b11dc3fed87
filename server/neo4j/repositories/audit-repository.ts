/**
 * The audit log: (:AuditEvent {id, at, actor, action, details}) nodes, append-only. Who imported,
 * published, changed an account or failed to sign in, and when. `details` is a JSON string.
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../cypher.js';
import { INTERACTIVE_DEADLINE_MS, withNeo4jErrors } from '../errors.js';

/** What the log records; `publish` is written by the publishing routes. */
export type AuditAction =
  | 'import'
  | 'publish'
  | 'user.add'
  | 'user.remove'
  | 'user.role'
  | 'user.password'
  | 'login'
  | 'login.failed'
  | 'login.locked'
  | (string & {});

export interface AuditEventInput {
  /** A user name, `cli:<os user>` for the command line, `local` for local mode. */
  actor: string;
  action: AuditAction;
  details?: Record<string, unknown>;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

function parameters(event: AuditEventInput) {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    actor: event.actor,
    action: event.action,
    details: JSON.stringify(event.details ?? {}),
  };
}

/** Writes an audit event inside a transaction that also writes what it describes. */
export async function recordAuditInTransaction(
  tx: ManagedTransaction,
  event: AuditEventInput,
): Promise<void> {
  await tx.run(cypher('audit/create'), parameters(event));
}

/**
 * Writes one audit event on its own. `db` is anything with the driver and database name, e.g. the
 * app's deps: `await recordAudit(deps, { actor: req.auth.actor, action: 'publish', details })`.
 */
export async function recordAudit(
  db: { driver: Driver; database: string },
  event: AuditEventInput,
): Promise<void> {
  await withNeo4jErrors(
    () => db.driver.executeQuery(cypher('audit/create'), parameters(event), { database: db.database }),
    INTERACTIVE_DEADLINE_MS,
  );
}

export async function listAudit(
  db: { driver: Driver; database: string },
  page: { offset: number; limit: number },
): Promise<{ total: number; events: AuditEvent[] }> {
  return withNeo4jErrors(async () => {
    const options = { database: db.database, routing: 'READ' as const };
    const [list, count] = await Promise.all([
      db.driver.executeQuery(
        cypher('audit/list-page'),
        { offset: neo4j.int(page.offset), limit: neo4j.int(page.limit) },
        options,
      ),
      db.driver.executeQuery(cypher('audit/count'), {}, options),
    ]);
    return {
      total: Number(count.records[0]?.get('total') ?? 0),
      events: list.records.map((record) => {
        const row = record.toObject();
        let details: Record<string, unknown> = {};
        try {
          const parsed: unknown = JSON.parse(String(row.details ?? '{}'));
          if (parsed !== null && typeof parsed === 'object') details = parsed as Record<string, unknown>;
        } catch {
          // A hand-edited event: show it without details rather than fail the page.
        }
        return {
          id: String(row.id),
          at: String(row.at),
          actor: String(row.actor),
          action: String(row.action),
          details,
        };
      }),
    };
  }, INTERACTIVE_DEADLINE_MS);
}
