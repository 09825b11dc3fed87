/**
 * The streamed import against the real (throwaway, embedded) Neo4j:
 * - through the CLI (`--stream`, `--batch-size`): the demo lands exactly as the in-memory import
 *   writes it, repeated ties keep the level and extra columns the in-memory import keeps,
 *   re-importing the same files writes nothing, `--dry-run` and a broken bundle write nothing (also
 *   when the problem is found after batches were staged: the same problems as the in-memory
 *   import, and the staged batches removed), a different dataset needs `--replace`;
 * - all or nothing across a crash: Neo4j is killed (SIGKILL) between tie batches, started again,
 *   and readers see exactly the previous dataset and its (:Import) records; the staged leftovers
 *   are invisible and removed by the clean-up that runs at start and before imports;
 * - a wave read back as a stream is the graph `buildWaveGraph` builds from the whole dataset.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeBundle } from '../../bench/neo4j-bundle.js';
import { runCli } from '../../server/cli/main.js';
import { buildWaveGraph } from '../../server/domain/graph/build-wave-graph.js';
import { ANALYSIS_MODES } from '../../server/domain/types.js';
import { openBundleStream } from '../../server/files/stream-bundle.js';
import { createDriver } from '../../server/neo4j/driver.js';
import { DatasetRepository } from '../../server/neo4j/repositories/dataset-repository.js';
import { StagedImporter } from '../../server/neo4j/repositories/staged-import.js';
import { readWaveGraph } from '../../server/neo4j/wave-reader.js';
import {
  count,
  DEMO_DIR,
  emptyDatabase,
  expectedTies,
  snapshotCounts,
  testDriver,
  useTestDatabaseEnv,
} from './helpers.js';
import { killNeo4j, neo4jContext, neo4jStatus, startNeo4j } from './neo4j-context.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

/** Every tie as readers see it, with its level and extra columns, sorted. */
async function storedTies(d: Driver): Promise<string[]> {
  const { records } = await d.executeQuery(
    'MATCH (a:Organization)-[r:COOPERATES_WITH]->(b:Organization) RETURN a.id AS a, b.id AS b, r.wave AS wave, r.level AS level, r.extra AS extra',
  );
  return records
    .map((r) =>
      JSON.stringify([r.get('a'), r.get('b'), r.get('wave'), Number(r.get('level')), r.get('extra')]),
    )
    .sort();
}

async function staged(driver: Driver): Promise<number> {
  return count(
    driver,
    'MATCH (n) WHERE n:StagedOrganization OR n:StagedWave OR n:StagedEvent OR n:PendingImport OR n:Retired RETURN count(n)',
  );
}

// The in-memory import of the demo (metrics included) alone can take a minute on a shared 2-core machine.
const SLOW = 300_000;

let driver: Driver;
let scratch: string;

/**
 * Starts the shared instance again. Recovery after SIGKILL on a shared, overloaded 2-core machine
 * has taken longer than the harness's 120 s start timeout; a failed start leaves it stopped, so try again.
 */
async function restartNeo4j(): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await startNeo4j();
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** snapshotCounts as readers see them: ties anchored on organizations at both ends. */
async function visibleCounts(d: Driver): Promise<Record<string, number>> {
  return {
    ...(await snapshotCounts(d)),
    ties: await count(d, 'MATCH (:Organization)-[r:COOPERATES_WITH]->(:Organization) RETURN count(r)'),
  };
}

beforeAll(async () => {
  useTestDatabaseEnv();
  driver = testDriver();
  await emptyDatabase(driver);
  scratch = await mkdtemp(path.join(os.tmpdir(), 'kopru-streamed-'));
});

afterAll(async () => {
  await driver.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('kopru import --stream', () => {
  let inMemory: Record<string, number>;

  it(
    'writes the demo exactly as the in-memory import does, with a fingerprinted Import record',
    async () => {
      expect((await cli('import', DEMO_DIR)).code).toBe(0);
      inMemory = await snapshotCounts(driver);
      await emptyDatabase(driver);

      const result = await cli('import', DEMO_DIR, '--stream', '--batch-size', '100');
      expect(result.stderr).toMatch(/Validated 1,?\d{3} tie rows/);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/streamed in batches of 100/);
      expect(await snapshotCounts(driver)).toStrictEqual(inMemory);
      for (const wave of ['pre', 'post']) {
        expect(
          await count(
            driver,
            'MATCH (:Organization)-[r:COOPERATES_WITH {wave: $wave}]->(:Organization) RETURN count(r)',
            {
              wave,
            },
          ),
        ).toBe(expectedTies(DEMO_DIR, wave).directed);
      }
      expect(
        await count(
          driver,
          "MATCH (o:Organization {id: 'ngo-001'}) WHERE o.searchName IS NOT NULL RETURN count(o)",
        ),
      ).toBe(1);
      expect(
        await count(driver, 'MATCH (i:Import) WHERE i.fingerprint =~ "[0-9a-f]{64}" RETURN count(i)'),
      ).toBe(1);
      expect(await staged(driver)).toBe(0);
    },
    2 * SLOW,
  );

  it(
    "repeated ties keep the highest level and that row's extra columns, as in memory",
    async () => {
      const fixture = path.join(import.meta.dirname, '../fixtures/bundles/valid-small');
      await emptyDatabase(driver);
      expect((await cli('import', fixture)).code).toBe(0);
      const inMemory = await storedTies(driver);
      expect(inMemory.some((t) => t.includes('repeated row'))).toBe(true);
      await emptyDatabase(driver);
      const result = await cli('import', fixture, '--batch-size', '1');
      expect(result.code, result.stderr).toBe(0);
      expect(await storedTies(driver)).toStrictEqual(inMemory);
      expect(await staged(driver)).toBe(0);
      // Back to the demo for the tests below.
      await emptyDatabase(driver);
      expect((await cli('import', DEMO_DIR, '--stream')).code).toBe(0);
    },
    2 * SLOW,
  );

  it(
    're-importing the same files writes nothing',
    async () => {
      const before = await snapshotCounts(driver);
      const version = await count(driver, "MATCH (d:Dataset {id: 'current'}) RETURN d.version");
      const result = await cli('import', DEMO_DIR, '--stream');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Nothing to change/);
      expect(await snapshotCounts(driver)).toStrictEqual(before);
      expect(await count(driver, "MATCH (d:Dataset {id: 'current'}) RETURN d.version")).toBe(version);
    },
    2 * SLOW,
  );

  it(
    'a broken bundle, a dry run and a different dataset without --replace write nothing',
    async () => {
      const before = await snapshotCounts(driver);
      const broken = path.join(scratch, 'broken');
      await mkdir(broken);
      await writeFile(path.join(broken, 'organizations.csv'), 'id,name,kind\na,A,ngo\nb,B,ngo\n');
      await writeFile(path.join(broken, 'ties.csv'), 'source,target,wave,level\na,b,1,2\na,zz,1,9\n');
      const bad = await cli('import', broken, '--stream');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/ties\.csv:3.*target.*unknown organization "zz"/);
      expect(bad.stderr).toMatch(/ties\.csv:3.*level/);

      // A problem near the end of the file, found after several batches were staged.
      const late = path.join(scratch, 'late');
      await writeLargeBundle(late, { organizations: 50, ties: 300 });
      const ties = (await readFile(path.join(late, 'ties.csv'), 'utf8')).split('\n');
      ties[290] = ties[290]!.replace(/^org-\d+/, 'org-999999');
      ties[295] = `${ties[295]!.replace(/,\d+$/, ',')}7`;
      await writeFile(path.join(late, 'ties.csv'), ties.join('\n'));
      const reference = await cli('import', late);
      expect(reference.code).toBe(1);
      expect(reference.stderr).toMatch(/ties\.csv:291.*source.*unknown organization "org-999999"/);
      expect(reference.stderr).toMatch(/ties\.csv:296.*level/);
      const lateStream = await cli('import', late, '--batch-size', '20', '--replace');
      expect(lateStream.code).toBe(1);
      const problems = (stderr: string) => stderr.split('\n').filter((line) => line.includes('ties.csv'));
      expect(problems(lateStream.stderr)).toStrictEqual(problems(reference.stderr));
      // Through the API: batches were staged before the problem turned up, then removed.
      let stagedBefore = 0;
      const lateImport = new StagedImporter(driver, neo4jContext().database).import(
        await openBundleStream(late),
        {
          source: late,
          replace: true,
          batchSize: 20,
          afterTieBatch: (written) => void (stagedBefore = written),
        },
      );
      await expect(lateImport).rejects.toThrow(/The bundle has 2 problems/);
      expect(stagedBefore).toBeGreaterThanOrEqual(200);
      expect(await staged(driver)).toBe(0);

      const other = path.join(scratch, 'other');
      await writeLargeBundle(other, { organizations: 50, ties: 300 });
      const dry = await cli('import', other, '--stream', '--dry-run', '--replace');
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/Dry run: nothing was written/);
      const refused = await cli('import', other, '--stream');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/--replace/);
      expect(await snapshotCounts(driver)).toStrictEqual(before);
      expect(await staged(driver)).toBe(0);
    },
    2 * SLOW,
  );

  it(
    '--replace swaps the dataset in one step and removes the previous one',
    async () => {
      const other = path.join(scratch, 'other');
      const result = await cli('import', other, '--batch-size', '64', '--replace');
      expect(result.code, result.stderr).toBe(0);
      const counts = await snapshotCounts(driver);
      expect(counts).toMatchObject({ organizations: 50, waves: 2, ties: 300, events: 0, imports: 2 });
      expect(
        await count(driver, "MATCH (o:Organization) WHERE o.id STARTS WITH 'ngo-' RETURN count(o)"),
      ).toBe(0);
      expect(await staged(driver)).toBe(0);
    },
    2 * SLOW,
  );
});

describe('a streamed import killed with Neo4j', () => {
  it.skipIf(!neo4jContext().embedded)(
    'leaves readers with the previous dataset and its Import records; leftovers are cleaned up',
    async () => {
      const ctx = neo4jContext();
      await emptyDatabase(driver);
      expect((await cli('import', DEMO_DIR)).code).toBe(0);
      const before = await snapshotCounts(driver);
      const version = await count(driver, "MATCH (d:Dataset {id: 'current'}) RETURN d.version");

      const big = path.join(scratch, 'big');
      await writeLargeBundle(big, { organizations: 2_000, ties: 40_000 });
      const bundle = await openBundleStream(big);
      const importer = createDriver({ ...ctx }, { maxTransactionRetryTimeMs: 0 });
      const pidBefore = (await neo4jStatus()).pid;
      let killedAfter = 0;
      try {
        const outcome = new StagedImporter(importer, ctx.database).import(bundle, {
          source: big,
          replace: true,
          batchSize: 5_000,
          afterTieBatch: async (written) => {
            if (written >= 15_000 && killedAfter === 0) {
              killedAfter = written;
              await killNeo4j();
            }
          },
        });
        await expect(outcome).rejects.toThrow();
      } finally {
        await importer.close();
        await restartNeo4j();
      }
      expect(killedAfter).toBe(15_000);
      expect((await neo4jStatus()).pid).not.toBe(pidBefore);

      // Readers see exactly the dataset from before, and no Import record of the killed import.
      expect(await visibleCounts(driver)).toStrictEqual(before);
      expect(await count(driver, "MATCH (d:Dataset {id: 'current'}) RETURN d.version")).toBe(version);
      expect(
        await count(driver, "MATCH (o:Organization) WHERE o.id STARTS WITH 'org-' RETURN count(o)"),
      ).toBe(0);
      // What it committed before the crash survived as invisible staged data: whole batches, the
      // three before the kill and, as two batches are written at once, maybe the one beside the third.
      expect(await count(driver, 'MATCH (p:PendingImport) RETURN count(p)')).toBe(1);
      expect([15_000, 20_000]).toContain(
        await count(driver, 'MATCH (:StagedOrganization)-[r:COOPERATES_WITH]->() RETURN count(r)'),
      );

      // …which a clean-up that allows for a live importer keeps…
      expect(await new StagedImporter(driver, ctx.database).removeUnfinishedImports(3_600)).toStrictEqual([]);
      expect(await staged(driver)).toBeGreaterThan(0);
      // …and the start-up path (applySchema, also run by every `kopru import`) removes.
      await new DatasetRepository(driver, ctx.database).applySchema();
      expect(await staged(driver)).toBe(0);
      expect(await snapshotCounts(driver)).toStrictEqual(before);

      // The same bundle then imports completely.
      const finished = await new StagedImporter(driver, ctx.database).import(await openBundleStream(big), {
        source: big,
        replace: true,
        batchSize: 5_000,
      });
      expect(finished.written).toBe(true);
      expect(await snapshotCounts(driver)).toMatchObject({
        organizations: 2_000,
        ties: 40_000,
        imports: before.imports + 1,
      });
      expect(await staged(driver)).toBe(0);
    },
    2 * SLOW,
  );
});

describe('readWaveGraph', () => {
  it(
    'streams the same graph buildWaveGraph builds from the whole dataset, in every mode',
    async () => {
      const ctx = neo4jContext();
      await emptyDatabase(driver);
      expect((await cli('import', DEMO_DIR)).code).toBe(0);
      const repository = new DatasetRepository(driver, ctx.database);
      const loaded = await repository.load();
      expect(loaded).not.toBeNull();
      for (const mode of ANALYSIS_MODES) {
        for (const wave of ['pre', 'post']) {
          const expected = buildWaveGraph(loaded!.dataset, wave, mode);
          const streamed = await readWaveGraph(driver, ctx.database, wave, { mode, fetchSize: 100 });
          expect(streamed.size).toBeGreaterThan(0);
          expect(streamed.export()).toStrictEqual(expected.export());
        }
      }
      await expect(readWaveGraph(driver, ctx.database, 'nope')).rejects.toThrow(/Unknown wave "nope"/);
    },
    2 * SLOW,
  );
});
