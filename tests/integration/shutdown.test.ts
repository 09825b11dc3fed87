/**
 * Graceful shutdown of the real server: `kopru start` as a child process on the test database.
 * A request is in flight — an upload whose body is still arriving — when the process gets SIGTERM.
 * The server must stop accepting connections at once, finish that request (200, the import written),
 * then exit with status 0.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../server/neo4j/embedded.js';
import { bundleFiles } from '../fault/bundle.js';
import { childEnv, emptyDatabase, spawnKopru, type Child } from '../fault/harness.js';
import { count, testDriver } from './helpers.js';
import { neo4jContext } from './neo4j-context.js';

const ctx = neo4jContext();
let home: string;
let admin: Driver;
let server: Child | null = null;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'kopru-shutdown-test-'));
  admin = testDriver();
  await emptyDatabase(admin, ctx.database);
});

afterAll(async () => {
  if (server && server.process.exitCode === null && server.process.signalCode === null) {
    server.process.kill('SIGKILL');
  }
  await admin.close();
  await rm(home, { recursive: true, force: true });
});

/** Sends the request line, headers and half the body now; `finish()` sends the rest. */
function slowPost(port: number, urlPath: string, body: string) {
  const bytes = Buffer.from(body);
  const req = http.request({
    host: '127.0.0.1',
    port,
    path: urlPath,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': bytes.length },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
  const half = Math.floor(bytes.length / 2);
  req.write(bytes.subarray(0, half));
  return { response, finish: () => req.end(bytes.subarray(half)) };
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.once('error', () => resolve(false));
  });
}

describe('SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, then exits 0', async () => {
    const port = await findFreePort();
    server = spawnKopru(['start'], childEnv(ctx, home, { PORT: String(port), KOPRU_NO_DEMO: '1' }));
    await server.waitFor(/Köprü is running at/);

    const files = bundleFiles({ variant: 'A', organizations: 50, tiesPerWave: 100, seed: 3 });
    const upload = slowPost(port, '/api/uploads/commit', JSON.stringify({ files }));
    // Let the server start reading the request, then ask it to stop.
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.process.kill('SIGTERM');
    await server.waitFor(/SIGTERM received/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await connects(port), 'a new connection after SIGTERM').toBe(false);

    upload.finish();
    const answer = await upload.response;
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      written: true,
      counts: { organizations: 50, ties: 200 },
    });
    const { code, signal } = await server.exited;
    expect({ code, signal }, server.lines.join('\n')).toEqual({ code: 0, signal: null });
    // The import the in-flight request made is in the database, with its record.
    expect(await count(admin, 'MATCH (o:Organization) RETURN count(o)')).toBe(50);
    expect(await count(admin, 'MATCH (i:Import) RETURN count(i)')).toBe(1);
  }, 180_000);
});
