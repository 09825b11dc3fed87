/**
 * JSON bodies for the API. Uploads get their own, larger limit (their router parses its body); every
 * other route gets a small one. A body over its limit becomes a 413 naming the limit, and JSON that
 * does not parse a 400, in the error handler.
 */
import express, { type RequestHandler } from 'express';

export function jsonBody(limitBytes: number): RequestHandler {
  // strict: only objects and arrays at the top level, as every route expects.
  return express.json({ limit: limitBytes, strict: true });
}
