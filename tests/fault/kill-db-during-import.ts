/**
 * `npm run fault -- [--trials 30] [--seed 1] [--organizations N] [--ties N] [--modes a,b]`
 *
 * Kills things in the middle of imports and checks that every import is all or nothing. It starts a
 * throwaway embedded Neo4j (temp folder, free port), writes two overlapping seeded bundles A and B,
 * and runs trials. Each trial prepares a starting state, starts an import of the real program, kills
 * something at a random moment of it, brings the database back, and compares what is stored with
 * the two states that are allowed: the starting state, or the complete import (from a reference run
 * of the same import, uninterrupted). The (:Import) records must agree: none for data that is absent,
 * exactly one (with the dataset's version) for data that is present.
 *
 * What is killed (`--modes`, default all four, round robin):
 *   db-cli      the Neo4j JVM (SIGKILL) while `kopru import` writes; Neo4j restarted on the same store
 *   db-upload   the Neo4j JVM while `kopru start` serves POST /api/uploads/commit; the same server must
 *               answer again within 10 s of the database being back
 *   cli         the `kopru import` process itself (SIGKILL)
 *   server      the `kopru start` process (SIGKILL) while it serves POST /api/uploads/commit
 * Starting states and imports (random per trial): empty → A, A → B --replace, A → B (merge by id).
 *
 * It uses only public behaviour — the CLI, the HTTP API and the documented data model in Neo4j — so it
 * judges whichever import implementation is in place. Exit status 1 if any trial is inconsistent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded.js';
import { seededRandom, writeBundle } from './bundle.js';
import { judge, readFingerprint, type Fingerprint, type Verdict } from './fingerprint.js';
import {
  childEnv,
  emptyDatabase,
  runKopru,
  spawnKopru,
  untilAvailable,
  waitForQuiet,
  within,
  type Child,
} from './harness.js';

const MODES = ['db-cli', 'db-upload', 'cli', 'server'] as const;
type Mode = (typeof MODES)[number];

interface Scenario {
  name: string;
  prior: 'empty' | 'A';
  bundle: 'A' | 'B';
  replace: boolean;
}
const SCENARIOS: Scenario[] = [
  { name: 'empty → A', prior: 'empty', bundle: 'A', replace: false },
  { name: 'A → B replace', prior: 'A', bundle: 'B', replace: true },
  { name: 'A → B merge', prior: 'A', bundle: 'B', replace: false },
];

const { values: options } = parseArgs({
  options: {
    trials: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    organizations: { type: 'string', default: '600' },
    ties: { type: 'string', default: '1500' },
    modes: { type: 'string', default: MODES.join(',') },
  },
});
const trials = Number(options.trials);
const seed = Number(options.seed);
const modes = options.modes.split(',').map((m) => {
  if (!(MODES as readonly string[]).includes(m))
    throw new Error(`unknown mode ${m}; modes: ${MODES.join(', ')}`);
  return m as Mode;
});
const random = seededRandom(seed);
const log = (message: string) => process.stdout.write(`${message}\n`);

// What the script is doing, for the messages below when it stops early.
let step = 'starting Neo4j';
let finished = false;
// Last line of defence: should a wait still hang on a promise that holds no handle, Node would end
// with status 13 ("unsettled top-level await") and print nothing. Say where it was and fail with 1.
// (In the 'exit' listener Node 20 passes 0 and has put 13 in process.exitCode; only process.exit()
// changes the status from here.)
process.on('exit', () => {
  if (finished) return;
  const status = Number(process.exitCode ?? 0);
  const why =
    status === 13 || status === 0
      ? 'a wait that could never finish (unsettled top-level await)'
      : `exit status ${status}`;
  process.stderr.write(`\nfault trials ended early while ${step}: ${why}\n`);
  if (status === 13 || status === 0) process.exit(1);
});

const home = await mkdtemp(path.join(os.tmpdir(), 'kopru-fault-'));
const port = await findFreePort();
let db: EmbeddedNeo4j = await startEmbeddedNeo4j({ home, port, quiet: true });
const dbEnv = { uri: db.uri, user: db.user, password: db.password, database: db.database };
const driver: Driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password), {
  disableLosslessIntegers: true,
});
const env = childEnv(dbEnv, home, { KOPRU_NO_DEMO: '1', HOST: '127.0.0.1' });

const spec = { organizations: Number(options.organizations), tiesPerWave: Number(options.ties), seed };
const dirs = { A: path.join(home, 'bundle-A'), B: path.join(home, 'bundle-B') };
const files = {
  A: await writeBundle(dirs.A, { ...spec, variant: 'A' }),
  B: await writeBundle(dirs.B, { ...spec, variant: 'B', seed: seed + 1 }),
};

const fingerprint = () => untilAvailable(() => readFingerprint(driver, db.database));

// Generous limits for waits on other processes: far beyond what a loaded machine needs, but finite.
const IMPORT_LIMIT_MS = 15 * 60_000;
const EXIT_LIMIT_MS = 2 * 60_000;

async function restartDatabase(): Promise<number> {
  const started = Date.now();
  step = 'restarting Neo4j';
  // Recovery after SIGKILL plus a machine shared with other work: allow far more than the usual 120 s.
  db = await startEmbeddedNeo4j({ home, port, quiet: true, startTimeoutMs: 600_000 });
  return Date.now() - started;
}

function importArgs(scenario: Scenario): string[] {
  return ['import', dirs[scenario.bundle], ...(scenario.replace ? ['--replace'] : [])];
}

/** Brings the database to the scenario's starting state, reusing what is there when it already is. */
async function prepare(scenario: Scenario, reference: Fingerprint | null): Promise<Fingerprint> {
  const current = await fingerprint();
  if (scenario.prior === 'empty') {
    if (current.counts.organizations === 0 && current.datasetName === null && current.imports.length === 0) {
      return current;
    }
    await untilAvailable(() => emptyDatabase(driver, db.database));
    return fingerprint();
  }
  if (reference && current.checksum === reference.checksum) return current;
  await untilAvailable(() => emptyDatabase(driver, db.database));
  await runKopru(['import', dirs.A], env);
  return fingerprint();
}

async function startServer(): Promise<{ child: Child; url: string }> {
  const httpPort = await findFreePort();
  const child = spawnKopru(['start'], { ...env, PORT: String(httpPort) });
  await child.waitFor(/Köprü is running at/);
  return { child, url: `http://127.0.0.1:${httpPort}` };
}

async function stopServer(child: Child): Promise<string> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return 'gone';
  child.process.kill('SIGTERM');
  const { code, signal } = await within('waiting for the server to stop', EXIT_LIMIT_MS, child.exited);
  return signal ?? `exit ${code}`;
}

function upload(
  url: string,
  scenario: Scenario,
): Promise<{ status: number; ms: number } | { error: string; ms: number }> {
  const started = Date.now();
  return fetch(`${url}/api/uploads/commit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ files: files[scenario.bundle], replace: scenario.replace }),
    signal: AbortSignal.timeout(180_000),
  }).then(
    async (response) => {
      await response.arrayBuffer();
      return { status: response.status, ms: Date.now() - started };
    },
    // fetch rejects with a TypeError when the server dies mid-request.
    () => ({ error: 'connection lost', ms: Date.now() - started }),
  );
}

/** How long it takes until /api/dataset answers 200 again, polling every 100 ms. */
async function recoveryMs(url: string, limitMs = 30_000): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    const status = await fetch(`${url}/api/dataset`, { signal: AbortSignal.timeout(10_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

// ---- reference runs: the complete state of each scenario, and how long its import takes ----
log(
  `Köprü fault trials — ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
log(
  `Neo4j ${db.version} in ${home}; bundles of ${spec.organizations} organizations, ${spec.tiesPerWave} ties per wave (seed ${seed})`,
);

const references = new Map<string, { after: Fingerprint; cliMs: number }>();
let stateA: Fingerprint | null = null;
for (const scenario of SCENARIOS) {
  step = `running the reference import ${scenario.name}`;
  await prepare(scenario, stateA);
  const child = spawnKopru(importArgs(scenario), env);
  await child.waitFor(/Connecting to Neo4j/);
  const started = Date.now();
  const { code } = await within(step, IMPORT_LIMIT_MS, child.exited);
  if (code !== 0) throw new Error(`reference import ${scenario.name} failed:\n${child.lines.join('\n')}`);
  const after = await fingerprint();
  references.set(scenario.name, { after, cliMs: Date.now() - started });
  if (scenario.name === 'empty → A') stateA = after;
  const shown = Object.entries(after.counts).filter(([key]) => !key.startsWith('metric:'));
  log(
    `reference ${scenario.name.padEnd(14)} ${String(Date.now() - started).padStart(6)} ms  ` +
      `${shown.map(([key, n]) => `${key} ${n}`).join(', ')}, checksum ${after.checksum}`,
  );
}
// The upload route does the same import behind HTTP; its duration scales the kill windows.
step = 'running the reference upload';
await prepare(SCENARIOS[0]!, stateA);
const probe = await startServer();
const uploaded = await within(step, IMPORT_LIMIT_MS, upload(probe.url, SCENARIOS[0]!));
await stopServer(probe.child);
const uploadAfter = await fingerprint();
if (!('status' in uploaded) || uploaded.status !== 200 || uploadAfter.checksum !== stateA?.checksum) {
  throw new Error(`the reference upload did not give the same data as the CLI: ${JSON.stringify(uploaded)}`);
}
const uploadScale = uploaded.ms / references.get('empty → A')!.cliMs;
log(`reference upload empty → A ${String(uploaded.ms).padStart(6)} ms (same data as the CLI import)`);

// ---- trials ----
interface Row {
  trial: number;
  mode: Mode;
  scenario: string;
  killAt: string;
  importer: string;
  restart: string;
  verdict: Verdict;
  imports: string;
  version: string;
  extra: string;
}
const rows: Row[] = [];
const header = [
  '#',
  'mode',
  'scenario',
  'kill at / import',
  'importer',
  'db restart',
  'state',
  'imports',
  'version',
  'result',
];
const widths = [3, 9, 14, 17, 20, 10, 7, 8, 8, 0];
const format = (cells: string[]) => cells.map((c, i) => (widths[i] ? c.padEnd(widths[i]!) : c)).join(' ');
log('');
log(format(header));

for (let trial = 1; trial <= trials; trial++) {
  const mode = modes[(trial - 1) % modes.length]!;
  const scenario = SCENARIOS[Math.floor(random() * SCENARIOS.length)]!;
  const reference = references.get(scenario.name)!;
  step = `in trial ${trial} (${mode}, ${scenario.name}): preparing`;
  const before = await prepare(scenario, stateA);
  const windowMs = Math.round(
    reference.cliMs * (mode === 'db-upload' || mode === 'server' ? uploadScale : 1),
  );
  // Uniform over the import, from just after it starts to just before a reference run would finish.
  const delay = Math.round(windowMs * (0.03 + 0.92 * random()));
  let importer: string;
  let restart = '—';
  let extra = '';

  if (mode === 'db-cli' || mode === 'cli') {
    step = `in trial ${trial} (${mode}, ${scenario.name}): importing`;
    const child = spawnKopru(importArgs(scenario), env);
    await child.waitFor(/Connecting to Neo4j/);
    await new Promise((resolve) => setTimeout(resolve, delay));
    // The import may already be over (a run can beat the reference): then only the kill remains.
    if (mode === 'db-cli') db.kill('SIGKILL');
    else child.process.kill('SIGKILL');
    step = `in trial ${trial} (${mode}, ${scenario.name}): waiting for kopru import to end`;
    const { code, signal } = await within(step, IMPORT_LIMIT_MS, child.exited);
    importer = `kopru import ${signal ?? `exit ${code}`}`;
    if (mode === 'db-cli') {
      step = `in trial ${trial} (${mode}, ${scenario.name}): waiting for the killed Neo4j to exit`;
      await within(step, EXIT_LIMIT_MS, db.exited);
      restart = `${((await restartDatabase()) / 1000).toFixed(1)} s`;
    }
  } else {
    step = `in trial ${trial} (${mode}, ${scenario.name}): uploading`;
    const server = await startServer();
    // Load the dataset into the server's cache first, so that the recovery measured below is the
    // reconnection, not a cold load of the whole dataset.
    await recoveryMs(server.url);
    const response = upload(server.url, scenario);
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (mode === 'db-upload') db.kill('SIGKILL');
    else server.child.process.kill('SIGKILL');
    const outcome = await within(`${step}: waiting for the response`, IMPORT_LIMIT_MS, response);
    importer = 'status' in outcome ? `HTTP ${outcome.status}` : `HTTP ${outcome.error}`;
    if (mode === 'db-upload') {
      step = `in trial ${trial} (${mode}, ${scenario.name}): waiting for the killed Neo4j to exit`;
      await within(step, EXIT_LIMIT_MS, db.exited);
      restart = `${((await restartDatabase()) / 1000).toFixed(1)} s`;
      const recovered = await recoveryMs(server.url);
      extra =
        recovered === null ? 'server did NOT recover' : `server back in ${(recovered / 1000).toFixed(1)} s`;
      if (recovered === null || recovered > 10_000) extra += ' (limit 10 s)';
      importer += `, stop ${await stopServer(server.child)}`;
    } else {
      step = `in trial ${trial} (${mode}, ${scenario.name}): waiting for the killed server to exit`;
      await within(step, EXIT_LIMIT_MS, server.child.exited);
      importer += ', server SIGKILL';
    }
  }

  step = `in trial ${trial} (${mode}, ${scenario.name}): reading the result`;
  await untilAvailable(() => waitForQuiet(driver, db.database));
  const observed = await fingerprint();
  const verdict = judge(before, reference.after, observed);
  // Same Node process, database back: requests must succeed again within 10 s.
  if (mode === 'db-upload' && (!extra.startsWith('server back') || extra.includes('limit'))) {
    verdict.problems.push(extra);
  }
  const row: Row = {
    trial,
    mode,
    scenario: scenario.name,
    killAt: `${(delay / 1000).toFixed(1)} s / ~${(windowMs / 1000).toFixed(1)} s`,
    importer,
    restart,
    verdict,
    imports: `${before.imports.length}→${observed.imports.length}`,
    version: `${before.datasetVersion ?? '–'}→${observed.datasetVersion ?? '–'}`,
    extra,
  };
  rows.push(row);
  const result = verdict.problems.length === 0 ? 'ok' : `FAIL: ${verdict.problems.join('; ')}`;
  log(
    format([
      String(trial),
      mode,
      scenario.name,
      row.killAt,
      importer,
      restart,
      verdict.state,
      row.imports,
      row.version,
      extra ? `${result} (${extra})` : result,
    ]),
  );
}

step = 'stopping Neo4j';
await driver.close();
await db.stop();
await rm(home, { recursive: true, force: true });
finished = true;

const consistent = rows.filter((r) => r.verdict.problems.length === 0).length;
const absent = rows.filter((r) => r.verdict.state === 'before').length;
const present = rows.filter((r) => r.verdict.state === 'after').length;
log('');
log(
  `${consistent}/${rows.length} consistent  (import absent after the kill: ${absent}, complete: ${present}, ` +
    `partial: ${rows.length - absent - present})`,
);
process.exitCode = consistent === rows.length ? 0 : 1;
