/**
 * `npm run load [-- --url http://host:port] [--duration 10] [--connections 10]`
 *
 * Throughput and latency of the cached read routes under load, with autocannon. Without `--url` it
 * starts the real server (`kopru start`, its own embedded Neo4j in a temp folder, the demo data
 * imported at start) and stops it afterwards. Every route is requested once first (fills the result
 * caches), then warmed up for 3 s, then measured. Target (README, "Reliability"): ≥ 300 req/s at
 * p99 ≤ 100 ms per route on the project's 2-core machine with Neo4j on the same host. It reports
 * MISSED rather than failing: timings depend on the machine and on what else runs on it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { findFreePort } from '../../server/neo4j/embedded.js';
import { spawnKopru, type Child } from '../../tests/fault/harness.js';

const ROUTES = [
  '/api/graph?wave=pre',
  '/api/graph?wave=post',
  '/api/metrics?wave=post',
  '/api/compare?from=pre&to=post',
] as const;
const TARGET_RPS = 300;
const TARGET_P99_MS = 100;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

let server: Child | null = null;
let home: string | null = null;
let base = values.url;
if (base === undefined) {
  home = await mkdtemp(path.join(os.tmpdir(), 'kopru-load-'));
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = { ...process.env, KOPRU_HOME: home, PORT: String(port) };
  for (const name of [
    'NEO4J_URI',
    'NEO4J_USER',
    'NEO4J_PASSWORD',
    'NEO4J_DATABASE',
    'KOPRU_NO_DEMO',
    'KOPRU_DATA',
  ]) {
    delete env[name];
  }
  process.stdout.write('Starting the server with its own Neo4j and the demo data …\n');
  server = spawnKopru(['start'], env);
  await server.waitFor(/Köprü is running at/, 600_000);
  base = `http://127.0.0.1:${port}`;
}

function run(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds });
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
process.stdout.write(
  `Köprü load test — ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length}, Node ${process.version}, ` +
    `${connections} connections, ${duration} s per route; load average before: ${load()}\n\n`,
);
const rows: string[][] = [['route', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'target']];
let missed = 0;
try {
  for (const route of ROUTES) {
    const url = `${base}${route}`;
    const first = await fetch(url);
    if (first.status !== 200) throw new Error(`${route} answered ${first.status}: ${await first.text()}`);
    await first.arrayBuffer();
    await run(url, Number(values.warmup));
    const result = await run(url, duration);
    const ok =
      result.requests.average >= TARGET_RPS && result.latency.p99 <= TARGET_P99_MS && result.non2xx === 0;
    if (!ok) missed++;
    rows.push([
      route,
      result.requests.average.toFixed(0),
      String(result.latency.p50),
      String(result.latency.p99),
      String(result.latency.max),
      String(result.errors + result.timeouts),
      String(result.non2xx),
      ok ? 'OK' : 'MISSED',
    ]);
  }
} finally {
  if (server) {
    server.process.kill('SIGTERM');
    await server.exited;
  }
  if (home) await rm(home, { recursive: true, force: true });
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) {
  process.stdout.write(
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ') + '\n',
  );
}
process.stdout.write(
  `\nTarget per route: ≥ ${TARGET_RPS} req/s and p99 ≤ ${TARGET_P99_MS} ms — ` +
    `${missed === 0 ? 'met' : `missed on ${missed} route(s)`}. Load average after: ${load()}\n`,
);
