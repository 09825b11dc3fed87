/**
 * Sessions (OWASP Session Management Cheat Sheet): a fresh random id at every sign-in (no
 * fixation), kept server-side in Neo4j as its SHA-256, an idle timeout and an absolute timeout, and
 * a synchronizer CSRF token per session. Signing out deletes the session.
 */
import type { SessionRepository } from '../neo4j/repositories/session-repository.js';
import type { AccountRole } from './roles.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

export const SESSION_COOKIE = 'kopru_session';
/** A session unused this long ends. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** A session ends this long after sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000;
/** `lastSeen` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface ActiveSession {
  idHash: string;
  user: string;
  role: AccountRole;
  csrf: string;
  expires: number;
}

export class Sessions {
  constructor(private readonly repository: SessionRepository) {}

  /** Starts a session; returns the id for the cookie (never stored) and the CSRF token. */
  async start(user: string, now = new Date()): Promise<{ id: string; csrf: string; expires: Date }> {
    const id = newToken();
    const csrf = newToken();
    const expires = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    await this.repository.create({ idHash: hashToken(id), user, csrf, at: now, expires });
    return { id, csrf, expires };
  }

  /** The live session behind a cookie value, or null (unknown, expired, idle too long, account gone). */
  async resolve(id: unknown, now = new Date()): Promise<ActiveSession | null> {
    if (!isTokenShaped(id)) return null;
    const idHash = hashToken(id);
    const stored = await this.repository.find(idHash);
    if (!stored) return null;
    const time = now.getTime();
    if (stored.expires <= time || stored.lastSeen + SESSION_IDLE_MS <= time) {
      await this.repository.delete(idHash);
      return null;
    }
    if (time - stored.lastSeen >= TOUCH_EVERY_MS) await this.repository.touch(idHash, now);
    return { idHash, user: stored.user, role: stored.role, csrf: stored.csrf, expires: stored.expires };
  }

  async end(idHash: string): Promise<void> {
    await this.repository.delete(idHash);
  }

  /** Deletes expired and idle sessions (run now and then; expired ones are refused anyway). */
  async sweep(now = new Date()): Promise<number> {
    return this.repository.deleteExpired(now, new Date(now.getTime() - SESSION_IDLE_MS));
  }
}
