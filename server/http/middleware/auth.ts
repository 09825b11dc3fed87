/**
 * Access control for /api, in three steps mounted before every router:
 * - authenticate: the `kopru_session` cookie → account and role; without one, `public` — or, while
 *   no account exists, `coordinator` for a request made on this computer (local mode);
 * - authorize: looks the route up in the policy table (../policy.ts): 401 when signing in would
 *   help, 403 when the role is too low, 404 for a route the table does not list;
 * - csrf: a state-changing request authenticated by the cookie must carry the session's token in
 *   `X-CSRF-Token`; any state-changing request with an `Origin` must come from this origin.
 */
import type { Request, RequestHandler } from 'express';
import { parseCookie } from 'cookie';
import type { AuthServices } from '../../auth/index.js';
import { isLocalRequest } from '../../auth/local-mode.js';
import type { Role } from '../../auth/roles.js';
import { SESSION_COOKIE, type ActiveSession } from '../../auth/sessions.js';
import { sameToken } from '../../auth/tokens.js';
import { allows, findPolicy, methodsFor, POLICY, type PolicyEntry } from '../policy.js';

export interface RequestAuth {
  role: Role;
  /** The signed-in account; null in local mode and for the public. */
  user: string | null;
  /** `local` while no account exists (sign-in is not possible yet), else `accounts`. */
  mode: 'local' | 'accounts';
  session: ActiveSession | null;
  /** Who the audit log names for this request: the user, or `local` in local mode. */
  actor: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: RequestAuth;
  }
}

const PUBLIC: RequestAuth = {
  role: 'public',
  user: null,
  mode: 'accounts',
  session: null,
  actor: 'anonymous',
};

/** The request's auth (public when `authenticate` did not run). */
export function authOf(req: Request): RequestAuth {
  return req.auth ?? PUBLIC;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  return parseCookie(header)[SESSION_COOKIE];
}

function problem(code: string, message: string) {
  return { error: { code, message } };
}

export function authenticate(auth: AuthServices, table: readonly PolicyEntry[] = POLICY): RequestHandler {
  return async (req, _res, next) => {
    const cookie = sessionCookieOf(req);
    const entry = findPolicy(req.method, req.baseUrl + req.path, table);
    // A public route needs no lookup when there is no session to resolve, so /api/health answers
    // (with its own 503) even when the database does not. /api/session reports local mode itself.
    if (
      cookie === undefined &&
      entry !== null &&
      allows(entry, 'public') &&
      !entry.path.endsWith('/session')
    ) {
      req.auth = PUBLIC;
      next();
      return;
    }
    try {
      req.auth = await resolveAuth(auth, req, cookie);
    } catch (error) {
      // The database cannot say who this is: public for now; authorize passes the error on (503)
      // for any route that needs more.
      req.auth = PUBLIC;
      unresolved.set(req, error);
    }
    next();
  };
}

const unresolved = new WeakMap<Request, unknown>();

async function resolveAuth(
  auth: AuthServices,
  req: Request,
  cookie: string | undefined,
): Promise<RequestAuth> {
  const session = cookie === undefined ? null : await auth.sessions.resolve(cookie);
  if (session) {
    return { role: session.role, user: session.user, mode: 'accounts', session, actor: session.user };
  }
  if (await auth.presence.any()) return PUBLIC;
  const local = isLocalRequest(req.socket.remoteAddress, req.headers);
  return {
    role: local ? 'coordinator' : 'public',
    user: null,
    mode: 'local',
    session: null,
    actor: local ? 'local' : 'anonymous',
  };
}

export function authorize(table: readonly PolicyEntry[] = POLICY): RequestHandler {
  return (req, res, next) => {
    const entry = findPolicy(req.method, req.baseUrl + req.path, table);
    if (!entry) {
      // A known path asked with another method: 405 with what it does answer, decided here so an
      // unlisted method never reaches a handler.
      const allowed = methodsFor(req.baseUrl + req.path, table);
      if (allowed.length > 0) {
        const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
        res.setHeader('Allow', allow.join(', '));
        res
          .status(405)
          .json(problem('method_not_allowed', `${req.method} is not allowed here; use ${allow.join(', ')}`));
        return;
      }
      res.status(404).json(problem('not_found', `No route ${req.method} ${req.path}`));
      return;
    }
    const { role } = authOf(req);
    if (allows(entry, role)) {
      next();
      return;
    }
    if (unresolved.has(req)) {
      next(unresolved.get(req));
      return;
    }
    if (role === 'public') {
      res.status(401).json(problem('unauthenticated', 'Sign in to use this'));
      return;
    }
    res.status(403).json(problem('forbidden', `The ${role} role may not do this`));
  };
}

function originHostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** `allowedOrigins`: the CORS allow-list (KOPRU_CORS_ORIGINS), whose pages may also change data. */
export function csrfProtection(allowedOrigins: readonly string[] = []): RequestHandler {
  return (req, res, next) => {
    if (!STATE_CHANGING.has(req.method)) {
      next();
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (originHostOf(origin) !== req.headers.host && !allowedOrigins.includes(origin)) {
        res.status(403).json(problem('csrf', 'The request comes from another site'));
        return;
      }
    }
    const session = authOf(req).session;
    if (session) {
      const token = req.headers['x-csrf-token'];
      if (typeof token !== 'string' || !sameToken(token, session.csrf)) {
        res.status(403).json(problem('csrf', 'Missing or wrong X-CSRF-Token; reload the page'));
        return;
      }
    }
    next();
  };
}
