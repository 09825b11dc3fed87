/**
 * Opens the configured database: the server at NEO4J_URI when it is set (any Neo4j 5 server,
 * cluster or Aura), otherwise the embedded one the project starts itself. Either way the caller
 * gets a verified driver and one `close()` that also stops an embedded database.
 */
import type { Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import { UnavailableError } from '../errors.js';
import { createDriver, type Neo4jConnection } from './driver.js';
import { startEmbeddedNeo4j } from './embedded.js';

export interface OpenDatabase {
  connection: Neo4jConnection;
  driver: Driver;
  /** PID of the embedded JVM, when the project started it. */
  embeddedPid: number | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  onProgress?: (message: string) => void;
}

export async function openDatabase(config: Neo4jConfig, options: OpenOptions = {}): Promise<OpenDatabase> {
  const progress = options.onProgress ?? (() => undefined);
  if (config.uri !== undefined) {
    if (config.password === undefined) {
      throw new UnavailableError(
        'NEO4J_URI is set but NEO4J_PASSWORD is not: set both to use an existing server',
      );
    }
    const connection: Neo4jConnection = {
      uri: config.uri,
      user: config.user,
      password: config.password,
      database: config.database,
      embedded: false,
    };
    const driver = createDriver(connection);
    progress(`Connecting to Neo4j at ${config.uri} …`);
    try {
      await driver.verifyConnectivity({ database: config.database });
    } catch (error) {
      await driver.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnavailableError(`Cannot reach Neo4j at ${config.uri}: ${reason}`);
    }
    return { connection, driver, embeddedPid: null, close: () => driver.close() };
  }

  const embedded = await startEmbeddedNeo4j({
    home: config.home,
    ...(config.embeddedPort === undefined ? {} : { port: config.embeddedPort }),
    onProgress: progress,
  });
  const connection: Neo4jConnection = {
    uri: embedded.uri,
    user: embedded.user,
    password: embedded.password,
    database: embedded.database,
    embedded: true,
  };
  const driver = createDriver(connection);
  try {
    await driver.verifyConnectivity({ database: connection.database });
  } catch (error) {
    await driver.close();
    await embedded.stop();
    throw error;
  }
  return {
    connection,
    driver,
    embeddedPid: embedded.pid,
    close: async () => {
      await driver.close();
      await embedded.stop();
    },
  };
}
