/**
 * The one place where errors become HTTP responses: `{ error: { code, message, details } }`.
 * AppErrors carry their status and a message written for users. Errors of the body parser (and other
 * middleware that sets a 4xx `status`) get a fixed message chosen by their `type`, never their own
 * text. Anything else is a 500 whose response says nothing about the cause (no stack, no Cypher, no
 * path) while the server logs it.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, UnavailableError } from '../../errors.js';
import { mapNeo4jError } from '../../neo4j/errors.js';
import { formatSize } from '../format-size.js';

export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res.status(404).json({
      error: { code: 'not_found', message: `No route ${req.method} ${req.path.slice(0, 200)}` },
    });
  };
}

interface MiddlewareError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  limit?: unknown;
}

/** A 4xx raised by middleware (body-parser, the router), as status, code and a message of our own. */
function middlewareError(error: unknown): { status: number; code: string; message: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status: rawStatus, statusCode, type, limit } = error as MiddlewareError;
  const status = typeof rawStatus === 'number' ? rawStatus : statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  switch (type) {
    case 'entity.too.large':
      return {
        status: 413,
        code: 'payload_too_large',
        message:
          typeof limit === 'number'
            ? `The request body is larger than the limit of ${formatSize(limit)}`
            : 'The request body is too large',
      };
    case 'entity.parse.failed':
      return { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON' };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: 'The request body must be UTF-8 JSON, optionally gzip- or deflate-compressed',
      };
    default:
      return { status, code: 'bad_request', message: 'The request could not be read' };
  }
}

export function errorHandler(log: (message: string) => void = console.error): ErrorRequestHandler {
  return (raw: unknown, _req, res, _next) => {
    const error = mapNeo4jError(raw);
    if (res.headersSent) {
      // Part of the answer is out: cut the connection so the client cannot take it for a whole one.
      log(`Error after the response started: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
      return;
    }
    if (error instanceof AppError) {
      if (error instanceof UnavailableError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      res
        .status(error.status)
        .json({ error: { code: error.code, message: error.message, details: error.details } });
      return;
    }
    const known = middlewareError(error);
    if (known) {
      res.status(known.status).json({ error: { code: known.code, message: known.message } });
      return;
    }
    log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on the server' } });
  };
}
