/**
 * Accounts: adding, listing, changing roles and passwords, removing — shared by the HTTP API and
 * `kopru user` — and checking a sign-in with lockout (OWASP Authentication Cheat Sheet): after
 * MAX_FAILED_LOGINS consecutive failures the account refuses sign-in for LOCKOUT_MS, and an unknown
 * name costs the same argon2 work as a wrong password. Every change writes an audit event in the
 * same transaction.
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { AuditEventInput } from '../neo4j/repositories/audit-repository.js';
import { recordAudit } from '../neo4j/repositories/audit-repository.js';
import type { UserRepository, UserSummary } from '../neo4j/repositories/user-repository.js';
import type { Driver } from 'neo4j-driver';
import { checkNewPassword, dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { isAccountRole, type AccountRole } from './roles.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Lowercase letters, digits, `.`, `_`, `-`; 1–64 characters, starting with a letter or digit. */
export const USER_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function checkUserName(name: string): string {
  if (!USER_NAME_PATTERN.test(name)) {
    throw new ValidationError(`Invalid user name "${name.slice(0, 80)}"`, [
      {
        column: 'name',
        reason: 'use 1–64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit',
      },
    ]);
  }
  return name;
}

export function checkAccountRole(role: string): AccountRole {
  if (!isAccountRole(role)) {
    throw new ValidationError(`Invalid role "${role.slice(0, 40)}"`, [
      { column: 'role', reason: 'role must be analyst, coordinator or admin' },
    ]);
  }
  return role;
}

export type LoginResult =
  | { ok: true; name: string; role: AccountRole }
  | { ok: false; reason: 'unknown' | 'wrong-password' | 'locked' };

export class Accounts {
  constructor(
    private readonly users: UserRepository,
    private readonly db: { driver: Driver; database: string },
    /** Told after every change, so a cache of "are there accounts?" can be dropped. */
    private readonly onChange: () => void = () => undefined,
  ) {}

  list(): Promise<UserSummary[]> {
    return this.users.list();
  }

  async count(): Promise<number> {
    return (await this.users.counts()).users;
  }

  async add(name: string, role: string, password: string, actor: string): Promise<void> {
    checkUserName(name);
    const accountRole = checkAccountRole(role);
    checkNewPassword(password);
    const passwordHash = await hashPassword(password);
    try {
      await this.users.create(
        { name, role: accountRole, passwordHash },
        { actor, action: 'user.add', details: { user: name, role: accountRole } },
      );
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError(`The user "${name}" already exists`);
      throw error;
    } finally {
      this.onChange();
    }
  }

  async setRole(name: string, role: string, actor: string): Promise<void> {
    const accountRole = checkAccountRole(role);
    await this.change(name, 'role', { role: accountRole }, actor, (counts) => {
      if (counts.role === 'admin' && accountRole !== 'admin' && counts.admins <= 1) {
        throw new ConflictError(`"${name}" is the only admin; make another user admin first`);
      }
    });
  }

  async setPassword(name: string, password: string, actor: string): Promise<void> {
    checkNewPassword(password);
    const passwordHash = await hashPassword(password);
    await this.change(name, 'password', { passwordHash }, actor, () => undefined);
  }

  /**
   * Removes an account and its sessions. Removing the only admin while other accounts remain is
   * refused (nobody could manage accounts from the web any more); removing the very last account
   * returns Köprü to local mode.
   */
  async remove(name: string, actor: string): Promise<void> {
    await this.change(name, 'delete', {}, actor, (counts) => {
      if (counts.role === 'admin' && counts.admins <= 1 && counts.users > 1) {
        throw new ConflictError(`"${name}" is the only admin; make another user admin first`);
      }
    });
  }

  private async change(
    name: string,
    kind: 'role' | 'password' | 'delete',
    value: { role?: AccountRole; passwordHash?: string },
    actor: string,
    guard: Parameters<UserRepository['change']>[3],
  ): Promise<void> {
    const action = kind === 'delete' ? 'user.remove' : kind === 'role' ? 'user.role' : 'user.password';
    const audit: AuditEventInput = {
      actor,
      action,
      details: { user: name, ...(value.role === undefined ? {} : { role: value.role }) },
    };
    try {
      const found = await this.users.change(name, kind, value, guard, audit);
      if (!found) throw new NotFoundError(`No user "${name}"`);
    } finally {
      this.onChange();
    }
  }

  /**
   * Checks a sign-in. Failures are audited (`login.failed`, `login.locked`); the caller answers every
   * failure with the same message so nobody learns which names exist.
   */
  async login(
    name: string,
    password: string,
    context: { ip: string },
    now = new Date(),
  ): Promise<LoginResult> {
    const user = USER_NAME_PATTERN.test(name) ? await this.users.credentials(name) : null;
    if (!user) {
      await verifyPassword(await dummyHash(), password);
      await recordAudit(this.db, {
        actor: 'anonymous',
        action: 'login.failed',
        details: { reason: 'unknown user', ip: context.ip },
      });
      return { ok: false, reason: 'unknown' };
    }
    if (user.lockedUntil !== null && user.lockedUntil > now.getTime()) {
      await verifyPassword(await dummyHash(), password);
      await recordAudit(this.db, {
        actor: user.name,
        action: 'login.failed',
        details: { reason: 'locked', ip: context.ip },
      });
      return { ok: false, reason: 'locked' };
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const locked = await this.users.recordFailure(
        user.name,
        MAX_FAILED_LOGINS,
        new Date(now.getTime() + LOCKOUT_MS),
      );
      await recordAudit(this.db, {
        actor: user.name,
        action: locked ? 'login.locked' : 'login.failed',
        details: locked
          ? { reason: `${MAX_FAILED_LOGINS} failed sign-ins`, minutes: LOCKOUT_MS / 60_000, ip: context.ip }
          : { reason: 'wrong password', ip: context.ip },
      });
      return { ok: false, reason: locked ? 'locked' : 'wrong-password' };
    }
    await this.users.recordSuccess(user.name);
    await recordAudit(this.db, { actor: user.name, action: 'login', details: { ip: context.ip } });
    return { ok: true, name: user.name, role: user.role };
  }
}
