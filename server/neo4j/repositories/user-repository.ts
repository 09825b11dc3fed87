/**
 * Accounts in Neo4j: (:User {name, role, passwordHash, failedLogins, lockedUntil, created}).
 * Password hashes never leave this module except to the sign-in check.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { isAccountRole, type AccountRole } from '../../auth/roles.js';
import { cypher } from '../cypher.js';
import { INTERACTIVE_DEADLINE_MS, withNeo4jErrors } from '../errors.js';
import { recordAuditInTransaction, type AuditEventInput } from './audit-repository.js';

export interface UserSummary {
  name: string;
  role: AccountRole;
  created: string;
  /** ISO time until which sign-in is refused, or null. */
  lockedUntil: string | null;
}

export interface UserCredentials {
  name: string;
  role: AccountRole;
  passwordHash: string;
  /** Epoch milliseconds, or null. */
  lockedUntil: number | null;
}

function roleOf(value: unknown): AccountRole {
  // A role edited by hand into something unknown gets the least rights, never more.
  return isAccountRole(value) ? value : 'analyst';
}

export class UserRepository {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  private async write<T>(work: (tx: import('neo4j-driver').ManagedTransaction) => Promise<T>): Promise<T> {
    return withNeo4jErrors(async () => {
      const session = this.driver.session({ database: this.database });
      try {
        return await session.executeWrite(work);
      } finally {
        await session.close();
      }
    }, INTERACTIVE_DEADLINE_MS);
  }

  async counts(): Promise<{ users: number; admins: number }> {
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('users/count-by-role'),
        {},
        { database: this.database, routing: 'READ' },
      );
      return {
        users: Number(records[0]?.get('users') ?? 0),
        admins: Number(records[0]?.get('admins') ?? 0),
      };
    }, INTERACTIVE_DEADLINE_MS);
  }

  async list(): Promise<UserSummary[]> {
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('users/list-all'),
        {},
        { database: this.database, routing: 'READ' },
      );
      return records.map((record) => {
        const row = record.toObject();
        return {
          name: String(row.name),
          role: roleOf(row.role),
          created: String(row.created),
          lockedUntil: row.lockedUntil === null ? null : String(row.lockedUntil),
        };
      });
    }, INTERACTIVE_DEADLINE_MS);
  }

  async credentials(name: string): Promise<UserCredentials | null> {
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('users/get-credentials'),
        { name },
        { database: this.database, routing: 'READ' },
      );
      const row = records[0]?.toObject();
      if (!row) return null;
      return {
        name: String(row.name),
        role: roleOf(row.role),
        passwordHash: String(row.passwordHash ?? ''),
        lockedUntil: row.lockedUntil === null ? null : Number(row.lockedUntil),
      };
    }, INTERACTIVE_DEADLINE_MS);
  }

  /** Creates an account and its audit event together. A taken name is a ConflictError. */
  async create(user: { name: string; role: AccountRole; passwordHash: string }, audit: AuditEventInput) {
    await this.write(async (tx) => {
      await tx.run(cypher('users/create'), { ...user, at: new Date().toISOString() });
      await recordAuditInTransaction(tx, audit);
    });
  }

  /**
   * Runs a change with the account counts read in the same transaction, so "never leave accounts
   * without an admin" cannot be raced. `change` returns false when the account does not exist.
   */
  async change(
    name: string,
    kind: 'role' | 'password' | 'delete',
    value: { role?: AccountRole; passwordHash?: string },
    guard: (counts: { users: number; admins: number; role: AccountRole | null }) => void,
    audit: AuditEventInput,
  ): Promise<boolean> {
    return this.write(async (tx) => {
      const countRow = (await tx.run(cypher('users/count-by-role'))).records[0];
      const current = (await tx.run(cypher('users/get-credentials'), { name })).records[0];
      if (!current) return false;
      guard({
        users: Number(countRow?.get('users') ?? 0),
        admins: Number(countRow?.get('admins') ?? 0),
        role: roleOf(current.get('role')),
      });
      if (kind === 'role') {
        await tx.run(cypher('users/set-role'), { name, role: value.role });
      } else if (kind === 'password') {
        await tx.run(cypher('users/set-password'), { name, passwordHash: value.passwordHash });
        await tx.run(cypher('sessions/delete-for-user'), { user: name });
      } else {
        await tx.run(cypher('sessions/delete-for-user'), { user: name });
        await tx.run(cypher('users/delete'), { name });
      }
      await recordAuditInTransaction(tx, audit);
      return true;
    });
  }

  /** Counts a failed sign-in; locks the account at `maxFailures`. Returns whether it locked now. */
  async recordFailure(name: string, maxFailures: number, lockedUntil: Date): Promise<boolean> {
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('users/record-failure'),
        { name, maxFailures: neo4j.int(maxFailures), lockedUntil: lockedUntil.toISOString() },
        { database: this.database },
      );
      return records[0]?.get('locked') === true;
    }, INTERACTIVE_DEADLINE_MS);
  }

  async recordSuccess(name: string): Promise<void> {
    await withNeo4jErrors(
      () => this.driver.executeQuery(cypher('users/record-success'), { name }, { database: this.database }),
      INTERACTIVE_DEADLINE_MS,
    );
  }
}
