/**
 * Process entry of `kopru start`: config, the database (embedded or NEO4J_URI), schema, the demo
 * data when the database is empty, createApp, listen; and a graceful shutdown on SIGINT/SIGTERM
 * that closes the HTTP server, then the driver, then the embedded database (no JVM left behind).
 */
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { processJobs } from './jobs/job-registry.js';
import { SESSION_IDLE_MS } from './auth/sessions.js';
import { listen } from './http/listen.js';
import { metricsWriteBack } from './domain/analysis/write-back.js';
import { loadConfig, type Config } from './config.js';
import { releasesDirOf } from './files/public-releases.js';
import { readBundleFolder } from './files/read-bundle.js';
import { openDatabase } from './neo4j/connect.js';
import { DatasetStore } from './neo4j/dataset-store.js';
import { DatasetRepository } from './neo4j/repositories/dataset-repository.js';
import { OrganizationRepository } from './neo4j/repositories/organization-repository.js';
import { SessionRepository } from './neo4j/repositories/session-repository.js';
import { UserRepository } from './neo4j/repositories/user-repository.js';

export interface RunningServer {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (message: string) => void;
  /** Install SIGINT/SIGTERM handlers that stop everything and exit (the CLI does; tests don't). */
  handleSignals?: boolean;
}

export async function startServer(
  config: Config = loadConfig(),
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.log(message));
  const db = await openDatabase(config.neo4j, { onProgress: log, serve: true });
  try {
    const datasets = new DatasetRepository(db.driver, db.connection.database);
    await datasets.applySchema();
    const info = await datasets.readInfo();
    if (info === null && config.loadDemoWhenEmpty) {
      log(`The database is empty: importing the demo data from ${config.demoBundle} …`);
      const dataset = await readBundleFolder(config.demoBundle);
      const outcome = await datasets.import(dataset, {
        source: config.demoBundle,
        deriveMetrics: metricsWriteBack,
      });
      log(
        `Imported ${outcome.counts.organizations} organizations, ${outcome.counts.ties} reported ties in ` +
          `${outcome.counts.waves} waves, ${outcome.counts.events} events.`,
      );
    } else if (info !== null) {
      log(`Using the dataset already in the database: ${info.name} (version ${info.version}).`);
    }

    const app = createApp(
      {
        driver: db.driver,
        database: db.connection.database,
        embedded: db.connection.embedded,
        datasets,
        organizations: new OrganizationRepository(db.driver, db.connection.database),
        store: new DatasetStore(datasets),
        clientDist: config.clientDist,
        releasesDir: releasesDirOf(config.neo4j.home),
        gdsMinNodes: config.neo4j.gdsMinNodes,
        log,
        ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
      },
      config.http,
    );
    const { users } = await new UserRepository(db.driver, db.connection.database).counts();
    if (users === 0) {
      log(
        'No accounts yet: local mode, anyone on this computer can read and change the data. ' +
          'To turn on sign-in: npm run cli -- user add <name> --role admin',
      );
    }
    await new SessionRepository(db.driver, db.connection.database).deleteExpired(
      new Date(),
      new Date(Date.now() - SESSION_IDLE_MS),
    );
    const server = await listen(app, {
      port: config.port,
      host: config.host,
      requestTimeoutMs: config.http.requestTimeoutMs,
      headersTimeoutMs: config.http.headersTimeoutMs,
    });
    const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
    const url = `http://${shownHost}:${config.port}`;

    let stopping: Promise<void> | null = null;
    const stop = () => {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          // A keep-alive connection whose request finishes after close() would otherwise stay open
          // (and hold close() and the exit) until keepAliveTimeout: close each one once it is idle.
          const sweep = setInterval(() => server.closeIdleConnections(), 100);
          server.close(() => {
            clearInterval(sweep);
            resolve();
          });
          server.closeIdleConnections();
        });
        // Background analyses have no client waiting on this process any more: stop their workers.
        processJobs.cancelAll();
        await db.close();
      })();
      return stopping;
    };

    if (options.handleSignals) {
      const onSignal = (signal: NodeJS.Signals) => {
        log(`\n${signal} received: stopping Köprü …`);
        const force = setTimeout(() => process.exit(1), 20_000);
        force.unref();
        stop().then(
          () => process.exit(0),
          (error: unknown) => {
            log(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    }
    log(`Köprü is running at ${url}  (Ctrl-C to stop)`);
    return { url, server, stop };
  } catch (error) {
    await db.close();
    throw error;
  }
}
