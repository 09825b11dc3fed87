/**
 * Maps neo4j-driver errors to the application's error types by `error.code` (never by message text):
 * connectivity problems become UnavailableError (HTTP 503 + Retry-After), constraint violations
 * become ConflictError. Anything else is rethrown unchanged and ends as a 500 without details.
 */
import { Neo4jError, isRetriableError } from 'neo4j-driver';
import { ConflictError, UnavailableError } from '../errors.js';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(error.code) || isRetriableError(error);
}

export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code === 'Neo.ClientError.Security.Unauthorized') {
    return new UnavailableError(
      'The database refused our credentials (check NEO4J_USER / NEO4J_PASSWORD)',
      30,
    );
  }
  if (isUnavailable(error)) {
    return new UnavailableError('The database is not reachable right now; try again shortly', 5);
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The change conflicts with existing data (a unique id is already taken)');
  }
  return error;
}

/** Runs `work` and converts driver errors on the way out. */
export async function withNeo4jErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw mapNeo4jError(error);
  }
}
