/**
 * A few of the fault trials of `npm run fault` (tests/fault/kill-db-during-import.ts) on the shared
 * test database: an import is killed at a random moment — the Neo4j JVM by SIGKILL, or the importing
 * `kopru import` process — and afterwards the data must be exactly the previous state or exactly the
 * complete import, with (:Import) records that agree. The integration project runs its files one
 * after another (vitest.config.ts: fileParallelism false), so killing the shared instance here cannot
 * hit another file; the database is running again when this file ends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsWriteBack } from '../../server/domain/analysis/write-back.js';
import { readBundleFolder } from '../../server/files/read-bundle.js';
import { createDriver } from '../../server/neo4j/driver.js';
import { DatasetRepository } from '../../server/neo4j/repositories/dataset-repository.js';
import { seededRandom, writeBundle } from '../fault/bundle.js';
import { judge, readFingerprint, type Fingerprint } from '../fault/fingerprint.js';
import { childEnv, emptyDatabase, spawnKopru, untilAvailable, waitForQuiet } from '../fault/harness.js';
import { testDriver } from './helpers.js';
import { killNeo4j, neo4jContext, neo4jStatus, startNeo4j } from './neo4j-context.js';

const ctx = neo4jContext();
const random = seededRandom(20_261_126);
const SPEC = { organizations: 200, tiesPerWave: 500, seed: 7 };

let home: string;
let admin: Driver;
let dirs: { A: string; B: string };
const fingerprint = () => untilAvailable(() => readFingerprint(admin, ctx.database));

/** Imports a bundle as `kopru import` does (same repository, metrics written back), on a fresh driver. */
async function importBundle(dir: string, replace: boolean): Promise<void> {
  const driver = createDriver({ ...ctx });
  try {
    const repository = new DatasetRepository(driver, ctx.database);
    await repository.applySchema();
    await repository.import(await readBundleFolder(dir), {
      source: dir,
      replace,
      deriveMetrics: metricsWriteBack,
    });
  } finally {
    await driver.close();
  }
}

async function timedImport(dir: string, replace: boolean): Promise<number> {
  const started = Date.now();
  await importBundle(dir, replace);
  return Date.now() - started;
}

let stateA: Fingerprint;
const reference: Record<'replace' | 'merge', { after: Fingerprint; ms: number }> = {} as never;
let emptyToAMs = 0;

async function resetTo(prior: 'empty' | 'A'): Promise<Fingerprint> {
  // After a restart the admin driver's pooled connections are dead: retry until a fresh one works.
  await untilAvailable(() => emptyDatabase(admin, ctx.database));
  if (prior === 'A') await importBundle(dirs.A, false);
  return fingerprint();
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'kopru-fault-test-'));
  dirs = { A: path.join(home, 'A'), B: path.join(home, 'B') };
  await writeBundle(dirs.A, { ...SPEC, variant: 'A' });
  await writeBundle(dirs.B, { ...SPEC, variant: 'B', seed: SPEC.seed + 1 });
  admin = testDriver();
  // Reference runs, uninterrupted: the complete state of each import and how long it takes.
  await resetTo('empty');
  emptyToAMs = await timedImport(dirs.A, false);
  stateA = await fingerprint();
  for (const kind of ['replace', 'merge'] as const) {
    await resetTo('A');
    const ms = await timedImport(dirs.B, kind === 'replace');
    reference[kind] = { after: await fingerprint(), ms };
  }
}, 300_000);

afterAll(async () => {
  if (!(await neo4jStatus()).running) await startNeo4j();
  await admin?.close();
  await rm(home, { recursive: true, force: true });
});

const delayWithin = (ms: number) => Math.round(ms * (0.05 + 0.85 * random()));

describe.skipIf(!ctx.embedded)('an import killed at a random moment is all or nothing', () => {
  it('Neo4j killed (SIGKILL) during empty → A and during A → B --replace', async () => {
    const trials = [
      {
        prior: 'empty' as const,
        dir: () => dirs.A,
        replace: false,
        after: () => stateA,
        ms: () => emptyToAMs,
      },
      {
        prior: 'A' as const,
        dir: () => dirs.B,
        replace: true,
        after: () => reference.replace.after,
        ms: () => reference.replace.ms,
      },
    ];
    for (const trial of trials) {
      const before = await resetTo(trial.prior);
      const importing = importBundle(trial.dir(), trial.replace).then(
        () => 'completed',
        (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayWithin(trial.ms())));
      await killNeo4j();
      const outcome = await importing;
      await startNeo4j();
      const verdict = judge(before, trial.after(), await fingerprint());
      expect(verdict.problems, `${trial.prior} → ${trial.dir()} (${outcome})`).toEqual([]);
      // An import that reported success must be there.
      if (outcome === 'completed') expect(verdict.state).toBe('after');
    }
  }, 300_000);

  it('the `kopru import` process killed (SIGKILL) during A → B (merge)', async () => {
    const before = await resetTo('A');
    const child = spawnKopru(['import', dirs.B], childEnv(ctx, home));
    await child.waitFor(/Connecting to Neo4j/);
    await new Promise((resolve) => setTimeout(resolve, delayWithin(reference.merge.ms)));
    child.process.kill('SIGKILL');
    const { code, signal } = await child.exited;
    // Neo4j rolls back a dead client's open transaction; a COMMIT already sent still lands.
    await waitForQuiet(admin, ctx.database);
    const verdict = judge(before, reference.merge.after, await fingerprint());
    expect(verdict.problems, `kopru import ended by ${signal ?? code}`).toEqual([]);
    if (code === 0) expect(verdict.state).toBe('after');
  }, 300_000);
});
