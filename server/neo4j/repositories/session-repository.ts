/**
 * Server-side sessions in Neo4j, so they survive a restart and are shared by every process on the
 * same database: (:Session {idHash, user, csrf, created, lastSeen, expires}). The session id itself
 * is only ever in the user's cookie; here it is its SHA-256.
 */
import type { Driver } from 'neo4j-driver';
import { isAccountRole, type AccountRole } from '../../auth/roles.js';
import { cypher } from '../cypher.js';
import { INTERACTIVE_DEADLINE_MS, withNeo4jErrors } from '../errors.js';

export interface StoredSession {
  user: string;
  role: AccountRole;
  csrf: string;
  /** Epoch milliseconds. */
  created: number;
  lastSeen: number;
  expires: number;
}

export class SessionRepository {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  private run(query: string, parameters: Record<string, unknown>, read = false) {
    return withNeo4jErrors(
      () =>
        this.driver.executeQuery(query, parameters, {
          database: this.database,
          ...(read ? { routing: 'READ' as const } : {}),
        }),
      INTERACTIVE_DEADLINE_MS,
    );
  }

  async create(session: { idHash: string; user: string; csrf: string; at: Date; expires: Date }) {
    await this.run(cypher('sessions/create'), {
      idHash: session.idHash,
      user: session.user,
      csrf: session.csrf,
      at: session.at.toISOString(),
      expires: session.expires.toISOString(),
    });
  }

  async find(idHash: string): Promise<StoredSession | null> {
    const { records } = await this.run(cypher('sessions/get-one'), { idHash }, true);
    const row = records[0]?.toObject();
    if (!row || !isAccountRole(row.role)) return null;
    return {
      user: String(row.user),
      role: row.role,
      csrf: String(row.csrf),
      created: Number(row.created),
      lastSeen: Number(row.lastSeen),
      expires: Number(row.expires),
    };
  }

  async touch(idHash: string, at: Date): Promise<void> {
    await this.run(cypher('sessions/touch'), { idHash, at: at.toISOString() });
  }

  async delete(idHash: string): Promise<void> {
    await this.run(cypher('sessions/delete'), { idHash });
  }

  async deleteExpired(now: Date, idleSince: Date): Promise<number> {
    const { records } = await this.run(cypher('sessions/delete-expired'), {
      now: now.toISOString(),
      idleSince: idleSince.toISOString(),
    });
    return Number(records[0]?.get('deleted') ?? 0);
  }
}
