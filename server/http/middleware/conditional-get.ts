/**
 * Compression and validators for large JSON answers whose content is fixed by the dataset version
 * and the query (the graph of a wave). The ETag is derived from those, so a client that already has
 * the answer gets a 304 before anything is computed, and the body is compressed (brotli or gzip, as
 * the client accepts) by the `compression` package.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:zlib';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Answers of at least 1 KiB are compressed; brotli at quality 5 costs little more than gzip here. */
export function compressResponses(): RequestHandler {
  return compression({ threshold: 1024, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } } });
}

/**
 * A weak validator (the bytes differ between encodings, the content does not) from the dataset
 * version and the parameters that select the answer, in a fixed order.
 */
export function versionedEtag(kind: string, version: number, parameters: Record<string, string>): string {
  const canonical = Object.keys(parameters)
    .sort()
    .map((key) => `${key}=${parameters[key]}`)
    .join('&');
  const digest = createHash('sha256').update(`${kind}|${version}|${canonical}`).digest('base64url');
  return `W/"${kind}-${version}-${digest.slice(0, 16)}"`;
}

/** Does an If-None-Match header list this ETag (weak comparison, as RFC 9110 asks for GET)? */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  const wanted = bare(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === wanted);
}

/**
 * Sets the ETag (and asks caches to revalidate every time, since a new import changes the answer)
 * and answers 304 when the client's copy is current. Returns true when the response is finished.
 */
export function answerIfNotModified(req: Request, res: Response, etag: string): boolean {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-cache');
  if (!matchesIfNoneMatch(req.get('if-none-match'), etag)) return false;
  res.status(304).end();
  return true;
}
