/**
 * Maps neo4j-driver errors to the application's error types by `error.code` (never by message text):
 * connectivity problems become UnavailableError (HTTP 503 + Retry-After), constraint violations
 * become ConflictError. Anything else is rethrown unchanged and ends as a 500 without details.
 */
import { Neo4jError } from 'neo4j-driver';
import { ConflictError, UnavailableError } from '../errors.js';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof UnavailableError) return true;
  if (!(error instanceof Neo4jError)) return false;
  // 'N/A' is what the driver itself raises for pool and connection timeouts.
  return UNAVAILABLE_CODES.has(error.code) || error.code === 'N/A' || error.retryable === true;
}

export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code === 'Neo.ClientError.Security.Unauthorized') {
    return new UnavailableError(
      'The database refused our credentials (check NEO4J_USER / NEO4J_PASSWORD)',
      30,
    );
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The change conflicts with existing data (a unique id is already taken)');
  }
  if (isUnavailable(error)) {
    return new UnavailableError('The database is not reachable right now; try again shortly', 5);
  }
  return error;
}

/**
 * Runs `work` and converts driver errors on the way out. With `deadlineMs`, a database that stops
 * answering (a frozen or overloaded server keeps pooled connections open) yields a 503 instead of a
 * request that hangs.
 */
export async function withNeo4jErrors<T>(work: () => Promise<T>, deadlineMs?: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    if (deadlineMs === undefined) return await work();
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new UnavailableError(`The database did not answer within ${deadlineMs / 1000} s`, 5)),
        deadlineMs,
      );
    });
    return await Promise.race([work(), deadline]);
  } catch (error) {
    throw mapNeo4jError(error);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** How long an interactive request waits for the database before answering 503. */
export const INTERACTIVE_DEADLINE_MS = 8_000;
