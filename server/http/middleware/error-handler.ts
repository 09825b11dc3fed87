/**
 * The one place where errors become HTTP responses: `{ error: { code, message, details } }`.
 * AppErrors carry their status; anything else is a 500 whose response says nothing about the
 * cause (no stack, no Cypher) while the server logs it.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, UnavailableError } from '../../errors.js';
import { mapNeo4jError } from '../../neo4j/errors.js';

export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: `No route ${req.method} ${req.path}` } });
  };
}

export function errorHandler(log: (message: string) => void = console.error): ErrorRequestHandler {
  return (raw: unknown, _req, res, _next) => {
    const error = mapNeo4jError(raw);
    if (res.headersSent) return;
    if (error instanceof AppError) {
      if (error instanceof UnavailableError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      res
        .status(error.status)
        .json({ error: { code: error.code, message: error.message, details: error.details } });
      return;
    }
    // Body-parser and similar middleware errors carry a 4xx status of their own.
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: 'bad_request', message: 'The request could not be read' } });
      return;
    }
    log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on the server' } });
  };
}
