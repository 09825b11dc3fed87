/**
 * The API's routes as data: method, path, summary, the zod schemas of their inputs and their answers.
 * The OpenAPI document is generated from this list (`document.ts`), and a test checks that every route
 * createApp mounts is in it and every entry is mounted, so the two cannot drift apart.
 *
 * Registering a route is one call, next to the others in `routes.ts`:
 *
 *   route('get', '/organizations/:id', 'One organization', { tag: 'organizations', params: OrganizationIdParam,
 *     responses: { 200: 'The organization with its ties and events', 404: 'No such organization' } });
 *
 * The path is relative to /api and written as for Express (`:id`). Give the same zod schema objects the
 * handler parses with (put them in `server/http/schemas/<resource>.ts`).
 */
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** The body's schema; without one the body is only described. */
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
}

export interface RouteSpec {
  method: HttpMethod;
  /** Under /api, Express notation: `/organizations/:id`. */
  path: string;
  summary: string;
  description?: string;
  /** Groups the operation in the document (`organizations`, `analysis`, …). */
  tag: string;
  query?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
  /** Success and expected failures by status; a string is a description alone. Errors not listed
   *  here are covered by the document's `default` error response. */
  responses: Record<number, ResponseSpec | string>;
}

type RouteOptions = Omit<RouteSpec, 'method' | 'path' | 'summary'>;

export function route(method: HttpMethod, path: string, summary: string, options: RouteOptions): RouteSpec {
  return { method, path, summary, ...options };
}
