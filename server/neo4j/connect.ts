/**
 * Opens the configured database: the server at NEO4J_URI when it is set (any Neo4j 5 server,
 * cluster or Aura), otherwise the embedded one the project starts itself. Either way the caller
 * gets a verified driver and one `close()` that also stops an embedded database it started.
 *
 * Two things make the embedded database behave like a service:
 * - the server advertises it in `<home>/running.json`, so `kopru import` or `kopru metrics --db` run
 *   while `npm start` is up use the same database instead of failing on its lock;
 * - if the JVM dies while the server runs, it is started again on the same folder and port, and the
 *   driver reconnects by itself (requests get 503 meanwhile).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import { UnavailableError } from '../errors.js';
import { createDriver, type Neo4jConnection } from './driver.js';
import { embeddedPaths, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded.js';
import { StagedImporter } from './repositories/staged-import.js';

export interface OpenDatabase {
  connection: Neo4jConnection;
  driver: Driver;
  /** PID of the embedded JVM this process started (it changes after a restart); null otherwise. */
  embeddedPid(): number | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  onProgress?: (message: string) => void;
  /** Advertise the embedded database to other `kopru` commands and restart it if it dies (the server). */
  serve?: boolean;
}

interface RunningFile {
  uri: string;
  /** The Node process that owns the embedded database. */
  pid: number;
}

const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

function runningFile(home: string): string {
  return path.join(home, 'running.json');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function verified(connection: Neo4jConnection): Promise<Driver> {
  const driver = createDriver(connection);
  try {
    await driver.verifyConnectivity({ database: connection.database });
    return driver;
  } catch (error) {
    await driver.close();
    throw error;
  }
}

/** The embedded database another Köprü process is serving from this home, if any. */
async function joinRunning(config: Neo4jConfig, progress: (m: string) => void): Promise<OpenDatabase | null> {
  let running: RunningFile;
  try {
    running = JSON.parse(await readFile(runningFile(config.home), 'utf8')) as RunningFile;
  } catch {
    return null;
  }
  if (running.pid === process.pid || !isAlive(running.pid)) return null;
  const password = (await readFile(embeddedPaths(config.home).passwordFile, 'utf8')).trim();
  const connection: Neo4jConnection = {
    uri: running.uri,
    user: 'neo4j',
    password,
    database: 'neo4j',
    embedded: true,
  };
  try {
    const driver = await verified(connection);
    progress(
      `Using the database of the Köprü server already running (pid ${running.pid}) at ${running.uri}.`,
    );
    return { connection, driver, embeddedPid: () => null, close: () => driver.close() };
  } catch {
    throw new UnavailableError(
      `A Köprü server (pid ${running.pid}) owns the database in ${config.home} but it does not answer; ` +
        'try again in a moment, or stop that server.',
    );
  }
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
    progress(`Connecting to Neo4j at ${config.uri} …`);
    try {
      const driver = await verified(connection);
      return { connection, driver, embeddedPid: () => null, close: () => driver.close() };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnavailableError(`Cannot reach Neo4j at ${config.uri}: ${reason}`);
    }
  }

  const joined = await joinRunning(config, progress);
  if (joined) return joined;

  let current: EmbeddedNeo4j = await startEmbeddedNeo4j({
    home: config.home,
    ...(config.embeddedPort === undefined ? {} : { port: config.embeddedPort }),
    gds: config.gds,
    onProgress: progress,
  });
  const connection: Neo4jConnection = {
    uri: current.uri,
    user: current.user,
    password: current.password,
    database: current.database,
    embedded: true,
  };
  let driver: Driver;
  try {
    driver = await verified(connection);
  } catch (error) {
    await current.stop();
    throw error;
  }

  let closing = false;
  if (options.serve) {
    await writeFile(runningFile(config.home), JSON.stringify({ uri: current.uri, pid: process.pid }), {
      mode: 0o600,
    });
    const restart = async (attempt: number): Promise<void> => {
      const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]!;
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (closing) return;
      try {
        current = await startEmbeddedNeo4j({
          home: config.home,
          port: current.port,
          gds: config.gds,
          onProgress: progress,
        });
        progress('Neo4j is back; the server reconnects by itself.');
        watch(current);
        // A streamed import the crash interrupted left invisible staged data: remove it now rather
        // than at the next start (its importer, if still alive, stops at its next batch).
        void new StagedImporter(driver, connection.database)
          .removeUnfinishedImports(0)
          .catch(() => undefined);
      } catch (error) {
        progress(
          `Restarting Neo4j failed (${error instanceof Error ? error.message : String(error)}); retrying …`,
        );
        await restart(attempt + 1);
      }
    };
    const watch = (instance: EmbeddedNeo4j) => {
      instance.onExit((exit) => {
        if (exit.requested || closing) return;
        progress(
          `Neo4j stopped unexpectedly (${exit.signal ?? `exit code ${exit.code}`}); restarting it on the same port …`,
        );
        void restart(0);
      });
    };
    watch(current);
  }

  return {
    connection,
    driver,
    embeddedPid: () => current.pid,
    close: async () => {
      closing = true;
      try {
        await driver.close();
        await current.stop();
      } finally {
        if (options.serve) await rm(runningFile(config.home), { force: true });
      }
    },
  };
}
