/**
 * The one place that talks HTTP: GET a JSON resource and turn every way it can fail into a typed
 * `Failure` (status.ts), so views can say "the database is down" rather than print an exception.
 */
import type { Failure, FailureKind } from '../core/status';

let csrfToken: string | null = null;

/** The session's CSRF token (from GET/POST /api/session), sent back on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** `X-CSRF-Token` when signed in; nothing in local mode (no session). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken === null ? {} : { 'X-CSRF-Token': csrfToken };
}

export class ApiFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'ApiFailure';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildPath(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

function kindOf(status: number): FailureKind {
  if (status === 503 || status === 502 || status === 504) return 'unavailable';
  if (status === 404) return 'not-found';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown };
}

/** A fetch-compatible function; the browser's `fetch` in the app, anything equivalent in tests. */
export type Fetcher = (
  input: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string>; method?: string; body?: string },
) => Promise<{
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}>;

export async function getJson<T>(fetcher: Fetcher, path: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(fetcher, path, {
    headers: { accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
}

/**
 * POST/PATCH/DELETE a JSON body with the CSRF token. Resolves to the JSON answer, or null for 204.
 */
export async function sendJson<T>(
  fetcher: Fetcher,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T | null> {
  return requestJson<T | null>(fetcher, path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...csrfHeaders(),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function requestJson<T>(fetcher: Fetcher, path: string, init: Parameters<Fetcher>[1]): Promise<T> {
  let response: Awaited<ReturnType<Fetcher>>;
  try {
    response = await fetcher(path, init);
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiFailure({
      kind: 'network',
      status: 0,
      code: 'network',
      message: error instanceof Error ? error.message : String(error),
      retryAfter: null,
    });
  }
  if (response.status === 204) return null as T;
  if (response.ok) return (await response.json()) as T;

  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // A proxy's HTML error page: keep the status, there is no code to read.
  }
  const retryHeader = response.headers.get('retry-after');
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  throw new ApiFailure({
    kind: kindOf(response.status),
    status: response.status,
    code: typeof body.error?.code === 'string' ? body.error.code : `http_${response.status}`,
    message: typeof body.error?.message === 'string' ? body.error.message : `HTTP ${response.status}`,
    retryAfter,
  });
}

/** The Failure behind any thrown value, so callers can store it in a Status. */
export function toFailure(error: unknown): Failure {
  if (error instanceof ApiFailure) return error.failure;
  return {
    kind: 'server',
    status: 0,
    code: 'client',
    message: error instanceof Error ? error.message : String(error),
    retryAfter: null,
  };
}
