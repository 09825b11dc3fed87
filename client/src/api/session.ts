/**
 * The accounts API: the session (who am I, sign in, sign out) and, for admins, the users and the
 * audit log. Signing in stores the session's CSRF token for every later state-changing request.
 */
import { buildPath, getJson, sendJson, setCsrfToken, type Fetcher } from './http';

export type Role = 'public' | 'analyst' | 'coordinator' | 'admin';
export type AccountRole = Exclude<Role, 'public'>;
export const ACCOUNT_ROLES: readonly AccountRole[] = ['analyst', 'coordinator', 'admin'];
const RANK: Record<Role, number> = { public: 0, analyst: 1, coordinator: 2, admin: 3 };

/** Does `role` include the rights of `needed`? */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export interface SessionInfo {
  /** `local`: no account exists yet (anyone on the server's computer may change the data). */
  mode: 'local' | 'accounts';
  role: Role;
  user: { name: string; role: AccountRole } | null;
  csrfToken: string | null;
}

export interface UserRow {
  name: string;
  role: AccountRole;
  created: string;
  lockedUntil: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

export interface AuditPage {
  total: number;
  offset: number;
  limit: number;
  events: AuditEntry[];
}

export interface SessionApi {
  current(): Promise<SessionInfo>;
  signIn(name: string, password: string): Promise<SessionInfo>;
  signOut(): Promise<void>;
  users(): Promise<UserRow[]>;
  addUser(name: string, role: AccountRole, password: string): Promise<void>;
  setRole(name: string, role: AccountRole): Promise<void>;
  removeUser(name: string): Promise<void>;
  audit(offset: number, limit: number): Promise<AuditPage>;
}

export function createSessionApi(fetcher: Fetcher, base = '/api'): SessionApi {
  const remember = (info: SessionInfo): SessionInfo => {
    setCsrfToken(info.csrfToken);
    return info;
  };
  return {
    current: async () => remember(await getJson<SessionInfo>(fetcher, `${base}/session`)),
    signIn: async (name, password) =>
      remember((await sendJson<SessionInfo>(fetcher, 'POST', `${base}/session`, { name, password }))!),
    signOut: async () => {
      await sendJson(fetcher, 'DELETE', `${base}/session`);
      setCsrfToken(null);
    },
    users: async () => (await getJson<{ users: UserRow[] }>(fetcher, `${base}/users`)).users,
    addUser: async (name, role, password) => {
      await sendJson(fetcher, 'POST', `${base}/users`, { name, role, password });
    },
    setRole: async (name, role) => {
      await sendJson(fetcher, 'PATCH', `${base}/users/${encodeURIComponent(name)}`, { role });
    },
    removeUser: async (name) => {
      await sendJson(fetcher, 'DELETE', `${base}/users/${encodeURIComponent(name)}`);
    },
    audit: (offset, limit) => getJson<AuditPage>(fetcher, buildPath(`${base}/audit`, { offset, limit })),
  };
}
