/**
 * The integration tests' Neo4j: its connection details, and a remote control to stop, crash and
 * restart it from inside a test.
 *
 * Why a remote control: `global-setup.ts` runs in vitest's main process and owns the database (an
 * embedded instance in a temp folder, or the server named by NEO4J_URI). Test files run in worker
 * processes, and a JVM started from a worker would die with that worker and leave the next file
 * without a database. So the setup provides plain data through vitest's `provide`/`inject` (the
 * connection details, plus the address and token of a small HTTP endpoint it serves on 127.0.0.1),
 * and the functions below ask the main process to act on the ONE instance it owns. A restart reuses
 * the same home folder, port and password, so `uri`/`password` from `neo4jContext()` stay valid and
 * an existing driver reconnects by itself.
 *
 * Usage (a test of 503 and recovery):
 *
 *   const ctx = neo4jContext();
 *   it.skipIf(!ctx.embedded)('answers 503 while Neo4j is down', async () => {
 *     await withNeo4jStopped(async () => {
 *       // requests here see a database that is down
 *     }); // started again here, even if the callback threw
 *   });
 *
 * A test that stops the database must start it again before it ends (`withNeo4jStopped` does), since
 * the files after it share it. With NEO4J_URI set, `embedded` is false and the control functions
 * throw: the tests' own server is not ours to stop.
 */
import { inject } from 'vitest';

export interface Neo4jContext {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True for the throwaway instance started by global-setup.ts; false with NEO4J_URI. */
  embedded: boolean;
  /** The embedded instance's home folder (data in `neo4j-data/`); null with NEO4J_URI. */
  home: string | null;
  /** The embedded instance's Bolt port on 127.0.0.1; null with NEO4J_URI. */
  port: number | null;
  /** The version the embedded instance reported at start; null with NEO4J_URI. */
  version: string | null;
}

/** Where the main process listens for control requests. */
export interface Neo4jControlEndpoint {
  url: string;
  token: string;
}

export interface Neo4jStatus {
  running: boolean;
  /** The JVM's pid while running; it changes on every restart. */
  pid: number | null;
}

export type Neo4jControlAction = 'status' | 'stop' | 'start' | 'kill';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jContext;
    neo4jControl: Neo4jControlEndpoint | null;
  }
}

export function neo4jContext(): Neo4jContext {
  return inject('neo4j');
}

/** Whether the shared instance is running, and its current pid. */
export function neo4jStatus(): Promise<Neo4jStatus> {
  return control('status');
}

/** Stops the shared instance cleanly (SIGTERM) and resolves once its JVM is gone. */
export function stopNeo4j(): Promise<Neo4jStatus> {
  return control('stop');
}

/** Kills the shared instance with SIGKILL (a crash) and resolves once its JVM is gone. */
export function killNeo4j(): Promise<Neo4jStatus> {
  return control('kill');
}

/** Starts the shared instance again on the same home and port; resolves once Bolt answers. */
export function startNeo4j(): Promise<Neo4jStatus> {
  return control('start');
}

/** Runs `body` while the shared instance is stopped, then starts it again whatever happened. */
export async function withNeo4jStopped<T>(body: () => Promise<T>): Promise<T> {
  await stopNeo4j();
  try {
    return await body();
  } finally {
    await startNeo4j();
  }
}

async function control(action: Neo4jControlAction): Promise<Neo4jStatus> {
  const endpoint = inject('neo4jControl');
  if (!endpoint) {
    throw new Error('Neo4j is an external server (NEO4J_URI); tests cannot stop or start it.');
  }
  const response = await fetch(`${endpoint.url}/${action}`, {
    method: action === 'status' ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${endpoint.token}` },
  });
  const body = (await response.json()) as Neo4jStatus | { error: string };
  if (!response.ok || 'error' in body) {
    throw new Error(`Neo4j ${action} failed: ${'error' in body ? body.error : response.statusText}`);
  }
  return body;
}
