/**
 * Strict CORS. By default the API is same-origin only: no Access-Control-* header is ever sent, so a
 * page on another site cannot read any answer. KOPRU_CORS_ORIGINS lists origins that may (a client
 * served elsewhere, the Vite dev server on another port): they get their Origin echoed, credentials,
 * and answered preflights.
 *
 * Reading is what CORS protects; writing is not (a foreign page can still *send* a form POST). So a
 * state-changing request (anything but GET/HEAD/OPTIONS) that carries an Origin which is neither this
 * server nor on the list is refused with 403 before any route sees it.
 */
import type { RequestHandler } from 'express';
import { ForbiddenOriginError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Content-Type, If-None-Match';

/** Whether `origin` is the server itself, judged from the Host the browser addressed. */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    if (origin === undefined) {
      next();
      return;
    }
    const listed = allowed.has(origin.toLowerCase());
    if (listed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
        res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    } else if (!SAFE_METHODS.has(req.method) && !isSameOrigin(origin, req.headers.host)) {
      next(new ForbiddenOriginError(`Requests from ${origin.slice(0, 200)} are not allowed`));
      return;
    }
    next();
  };
}
