/**
 * Global setup of the `integration` project: gives the tests a real Neo4j. Unless NEO4J_URI is set,
 * that is a throwaway embedded instance (temp home under the OS temp folder, free port), started
 * here in vitest's main process and removed at teardown. Connection details reach the test files
 * through `project.provide`; a small HTTP endpoint on 127.0.0.1 lets tests stop, crash and restart
 * the instance (see neo4j-context.ts for why and how).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded.js';
import type { Neo4jContext, Neo4jControlAction, Neo4jStatus } from './neo4j-context.js';

const ACTIONS: ReadonlySet<string> = new Set<Neo4jControlAction>(['status', 'stop', 'start', 'kill']);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The tests' own configuration, read here rather than through server/config.ts on purpose: the
  // harness must work even while the server's config is broken.
  const externalUri = process.env.NEO4J_URI;
  if (externalUri) {
    const context: Neo4jContext = {
      uri: externalUri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      embedded: false,
      home: null,
      port: null,
      version: null,
    };
    await checkExternal(context);
    project.provide('neo4j', context);
    project.provide('neo4jControl', null);
    return async () => undefined;
  }

  const home = await mkdtemp(path.join(os.tmpdir(), 'kopru-it-neo4j-'));
  const port = await findFreePort();
  let current: EmbeddedNeo4j | null = null;
  let running = false;

  const start = async (quiet: boolean): Promise<EmbeddedNeo4j> => {
    const instance = await startEmbeddedNeo4j({ home, port, quiet });
    current = instance;
    running = true;
    instance.onExit(() => {
      if (current === instance) running = false;
    });
    return instance;
  };
  const status = (): Neo4jStatus => ({ running, pid: running && current ? current.pid : null });

  let first: EmbeddedNeo4j;
  try {
    first = await start(false);
  } catch (error) {
    await rm(home, { recursive: true, force: true });
    throw error;
  }

  // One operation at a time: a start racing a stop on the same store would fail on its lock.
  let queue: Promise<unknown> = Promise.resolve();
  const perform = (action: Neo4jControlAction): Promise<Neo4jStatus> => {
    const next = queue.then(async () => {
      if (action === 'stop' && current) await current.stop();
      if (action === 'kill' && current) {
        current.kill('SIGKILL');
        await current.exited;
      }
      if (action === 'start' && !running) await start(true);
      return status();
    });
    queue = next.catch(() => undefined);
    return next;
  };

  const token = randomBytes(24).toString('base64url');
  const server = createServer((request, response) => void handle(request, response));
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const action = (request.url ?? '').replace(/^\//, '');
    const reply = (code: number, body: unknown) => {
      response.writeHead(code, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${token}`) return reply(401, { error: 'bad token' });
    if (!ACTIONS.has(action)) return reply(404, { error: `unknown action ${action}` });
    try {
      reply(200, await perform(action as Neo4jControlAction));
    } catch (error) {
      reply(500, { error: error instanceof Error ? error.message : String(error) });
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const controlPort = typeof address === 'object' && address !== null ? address.port : 0;

  project.provide('neo4j', {
    uri: first.uri,
    user: first.user,
    password: first.password,
    database: first.database,
    embedded: true,
    home,
    port,
    version: first.version,
  });
  project.provide('neo4jControl', { url: `http://127.0.0.1:${controlPort}`, token });

  return async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Workers' fetch keeps connections alive; they would hold close() open for seconds.
    server.closeAllConnections();
    await closed;
    await queue;
    await current?.stop();
    await rm(home, { recursive: true, force: true });
  };
}

async function checkExternal(context: Neo4jContext): Promise<void> {
  const driver = neo4j.driver(context.uri, neo4j.auth.basic(context.user, context.password));
  try {
    await driver.verifyConnectivity({ database: context.database });
  } catch (error) {
    throw new Error(
      `NEO4J_URI is set to ${context.uri} but that Neo4j cannot be used (${String(error)}). ` +
        'Check NEO4J_USER/NEO4J_PASSWORD, or unset NEO4J_URI to let the tests start their own.',
      { cause: error },
    );
  } finally {
    await driver.close();
  }
}
