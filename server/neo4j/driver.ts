/**
 * One driver per process. Timeouts are short on purpose: an interactive request should get a 503
 * within seconds when the database is down, not wait for the driver's default 30 s retry window.
 * Integers come back as JS numbers (`disableLosslessIntegers`): our counts and levels are small.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True when the project started the database itself. */
  embedded: boolean;
}

export interface DriverOptions {
  /** How long a transaction function keeps retrying transient errors; default 3 s. */
  maxTransactionRetryTimeMs?: number;
  connectionTimeoutMs?: number;
}

export function createDriver(connection: Neo4jConnection, options: DriverOptions = {}): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 3_000,
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    connectionAcquisitionTimeout: 5_000,
    logging: { level: 'error', logger: () => undefined },
  });
}
