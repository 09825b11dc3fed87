/**
 * The real Köprü for the end-to-end tests: builds the client, then starts the server in-process on a
 * free port with a throwaway KOPRU_HOME (so a throwaway embedded Neo4j that imports the demo data), or
 * against the Neo4j at NEO4J_URI when it is set. KOPRU_E2E_URL points the tests at a server that is
 * already running instead (nothing is built or started then).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface E2EServer {
  url: string;
  /** KOPRU_HOME of the server started here (its database advertises itself in running.json); null for KOPRU_E2E_URL. */
  home: string | null;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function buildClient(): Promise<void> {
  await run(
    path.join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'client/vite.config.ts', '--logLevel', 'error'],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

export async function startE2EServer(log: (message: string) => void = () => undefined): Promise<E2EServer> {
  const external = process.env.KOPRU_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), home: null, stop: async () => undefined };

  await buildClient();
  // Imported here so KOPRU_E2E_URL runs need nothing of the server.
  const { loadConfig } = await import('../../server/config.js');
  const { startServer } = await import('../../server/index.js');
  const home = await mkdtemp(path.join(os.tmpdir(), 'kopru-e2e-'));
  const port = await freePort();
  const config = loadConfig({ ...process.env, PORT: String(port), HOST: '127.0.0.1', KOPRU_HOME: home });
  try {
    const running = await startServer(config, { log });
    return {
      url: `http://127.0.0.1:${port}`,
      home,
      async stop() {
        await running.stop();
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(home, { recursive: true, force: true });
    throw error;
  }
}
