/**
 * Who may call what: ONE table for every /api route. The `authorize` middleware looks each request
 * up here; a route the table does not list is answered 404 for everyone, and the route × role test
 * (tests/http/policy-walk.test.ts) fails the build for any route of the app missing from it.
 *
 * Roles are ordered public < analyst < coordinator < admin; `atLeast(r)` lists r and the roles above.
 * - public: only what is published (health, the public map and releases, the API description, signing in);
 * - analyst: reads everything, organization names included;
 * - coordinator: imports, edits, publishes;
 * - admin: accounts and the audit log.
 */
import { atLeast, type Role } from '../auth/roles.js';

export type PolicyMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface PolicyEntry {
  method: PolicyMethod;
  /** Express pattern under the app, `/api/...`; `:name` matches one path segment. */
  path: string;
  roles: readonly Role[];
}

const anyone = atLeast('public');
const analyst = atLeast('analyst');
const coordinator = atLeast('coordinator');
const admin = atLeast('admin');

export const POLICY: readonly PolicyEntry[] = [
  // Public: the server's state, the API description, the session itself, what is published.
  { method: 'GET', path: '/api/health', roles: anyone },
  { method: 'GET', path: '/api/openapi.json', roles: anyone },
  { method: 'GET', path: '/api/session', roles: anyone },
  { method: 'POST', path: '/api/session', roles: anyone },
  { method: 'DELETE', path: '/api/session', roles: anyone },
  { method: 'GET', path: '/api/public/map', roles: anyone },
  { method: 'GET', path: '/api/public/releases', roles: anyone },

  // Analyst: everything read-only, names included.
  { method: 'GET', path: '/api/dataset', roles: analyst },
  { method: 'GET', path: '/api/waves', roles: analyst },
  { method: 'GET', path: '/api/events', roles: analyst },
  { method: 'GET', path: '/api/organizations', roles: analyst },
  { method: 'GET', path: '/api/organizations/:id', roles: analyst },
  { method: 'GET', path: '/api/graph', roles: analyst },
  { method: 'GET', path: '/api/metrics/registry', roles: analyst },
  { method: 'GET', path: '/api/metrics', roles: analyst },
  { method: 'GET', path: '/api/compare', roles: analyst },
  { method: 'GET', path: '/api/isolated', roles: analyst },
  { method: 'GET', path: '/api/report', roles: analyst },
  { method: 'GET', path: '/api/publications', roles: analyst },
  { method: 'GET', path: '/api/jobs/:id', roles: analyst },
  // Cancelling a job: the job's own route checks that it is the caller's.
  { method: 'DELETE', path: '/api/jobs/:id', roles: analyst },

  // Coordinator: import, edit, publish.
  { method: 'POST', path: '/api/uploads/preview', roles: coordinator },
  { method: 'POST', path: '/api/uploads/commit', roles: coordinator },
  { method: 'POST', path: '/api/publications', roles: coordinator },

  // Admin: accounts and the audit log.
  { method: 'GET', path: '/api/users', roles: admin },
  { method: 'POST', path: '/api/users', roles: admin },
  { method: 'PATCH', path: '/api/users/:name', roles: admin },
  { method: 'DELETE', path: '/api/users/:name', roles: admin },
  { method: 'GET', path: '/api/audit', roles: admin },
];

function segments(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

/** Does `path` (a request path) match `pattern` (`/api/organizations/:id`)? */
export function matchesPattern(pattern: string, path: string): boolean {
  const want = segments(pattern);
  const got = segments(path);
  if (want.length !== got.length) return false;
  return want.every((part, i) => (part.startsWith(':') ? got[i] !== '' : part === got[i]));
}

/**
 * The entry for a request, or null when the table has none. HEAD is looked up as GET (Express
 * answers HEAD with the GET route). A literal entry wins over a pattern (`/a/b` before `/a/:x`).
 */
export function findPolicy(
  method: string,
  path: string,
  table: readonly PolicyEntry[] = POLICY,
): PolicyEntry | null {
  const wanted = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const candidates = table.filter((entry) => entry.method === wanted && matchesPattern(entry.path, path));
  return candidates.find((entry) => !entry.path.includes(':')) ?? candidates[0] ?? null;
}

/** The methods the table lists for a path (an `Allow` header for a 405). */
export function methodsFor(path: string, table: readonly PolicyEntry[] = POLICY): string[] {
  return [...new Set(table.filter((entry) => matchesPattern(entry.path, path)).map((entry) => entry.method))];
}

export function allows(entry: PolicyEntry, role: Role): boolean {
  return entry.roles.includes(role);
}
