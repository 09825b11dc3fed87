/**
 * Rate limits per client address (express-rate-limit, in memory: one process). A general limit on
 * /api, sized so that one client reading cached results at the project's load target (≥ 300 req/s)
 * never meets it, only runaway scripts and floods do; and a much lower one on the routes that cost
 * real work per request (uploads parse and write, the report renders a document). `0` turns a limit off.
 * Answers over the limit are 429 in the usual error shape, with RateLimit and Retry-After headers.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { TooManyRequestsError } from '../errors.js';

const WINDOW_MS = 60_000;

export function rateLimiter(perMinute: number, what: string): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: what,
    handler: (_req, _res, next) => {
      next(
        new TooManyRequestsError(
          `Too many requests (${what}): at most ${perMinute} per minute from one client; try again shortly`,
        ),
      );
    },
  });
}
