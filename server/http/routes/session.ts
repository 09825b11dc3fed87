/**
 * /api/session: who am I (GET), sign in (POST), sign out (DELETE).
 *
 * GET  → `{ mode: 'local' | 'accounts', role, user: { name, role } | null, csrfToken }`; the CSRF token
 *        is the session's, to send back in `X-CSRF-Token` on POST/PUT/PATCH/DELETE.
 * POST `{ name, password }` → 200 with the same body and a fresh `kopru_session` cookie (HttpOnly,
 *        SameSite=Strict, Path=/, Secure over HTTPS); every failure is the same 401, whatever the
 *        cause (unknown name, wrong password, locked account). Rate limited per client address.
 * DELETE → 204; the session is deleted server-side and the cookie cleared.
 */
import express, { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AuthServices } from '../../auth/index.js';
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from '../../auth/accounts.js';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../auth/sessions.js';
import { authOf } from '../middleware/auth.js';
import { LoginBody } from '../schemas/accounts.js';
import { NoQuery, parseInput } from '../schemas/common.js';

export interface SessionRouterOptions {
  /** Sign-in attempts per client address per window; default 10 per 15 minutes. */
  loginLimit?: { limit: number; windowMs: number };
}

export const LOGIN_FAILED_MESSAGE =
  `Wrong user name or password. After ${MAX_FAILED_LOGINS} failed attempts an account is locked for ` +
  `${LOCKOUT_MS / 60_000} minutes.`;

function cookieOptions(req: Request) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: req.secure,
    path: '/',
  };
}

function describe(req: Request, mode: 'local' | 'accounts', csrfToken: string | null) {
  const auth = authOf(req);
  return {
    mode,
    role: auth.role,
    user: auth.user === null ? null : { name: auth.user, role: auth.role },
    csrfToken,
  };
}

export function sessionRouter(auth: AuthServices, options: SessionRouterOptions = {}): Router {
  const router = Router();
  const limit = options.loginLimit ?? { limit: 10, windowMs: 15 * 60 * 1000 };
  const loginLimiter = rateLimit({
    windowMs: limit.windowMs,
    limit: limit.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: {
      error: { code: 'rate_limited', message: 'Too many sign-in attempts; wait a few minutes' },
    },
  });

  router.get('/session', async (req, res) => {
    parseInput(NoQuery, req.query);
    const session = authOf(req).session;
    const mode = session || (await auth.presence.any()) ? 'accounts' : 'local';
    res.setHeader('Cache-Control', 'no-store');
    res.json(describe(req, mode, session?.csrf ?? null));
  });

  router.post('/session', loginLimiter, express.json({ limit: '16kb' }), async (req, res: Response) => {
    parseInput(NoQuery, req.query);
    const body = parseInput(LoginBody, req.body ?? {}, 'body');
    const result = await auth.accounts.login(body.name, body.password, { ip: req.ip ?? '' });
    if (!result.ok) {
      res.status(401).json({ error: { code: 'login_failed', message: LOGIN_FAILED_MESSAGE } });
      return;
    }
    // A fresh session at every sign-in: an id planted before cannot be carried over (fixation).
    const previous = authOf(req).session;
    if (previous) await auth.sessions.end(previous.idHash);
    const started = await auth.sessions.start(result.name);
    res.cookie(SESSION_COOKIE, started.id, { ...cookieOptions(req), maxAge: SESSION_ABSOLUTE_MS });
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      mode: 'accounts',
      role: result.role,
      user: { name: result.name, role: result.role },
      csrfToken: started.csrf,
    });
  });

  router.delete('/session', async (req, res) => {
    parseInput(NoQuery, req.query);
    const session = authOf(req).session;
    if (session) await auth.sessions.end(session.idHash);
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.status(204).end();
  });

  return router;
}
