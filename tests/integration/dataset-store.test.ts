/**
 * DatasetStore on the real test database: concurrent requests share version checks (at most one
 * running at a time), and a request that starts after an import has committed always sees it —
 * including an import with --replace, which recreates the (:Dataset) node.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundleFolder } from '../../server/files/read-bundle.js';
import { DatasetStore } from '../../server/neo4j/dataset-store.js';
import { createDriver } from '../../server/neo4j/driver.js';
import { DatasetRepository } from '../../server/neo4j/repositories/dataset-repository.js';
import { writeBundle } from '../fault/bundle.js';
import { emptyDatabase } from '../fault/harness.js';
import { DEMO_DIR } from './helpers.js';
import { neo4jContext } from './neo4j-context.js';

const ctx = neo4jContext();
const driver = createDriver({ ...ctx });
const repository = new DatasetRepository(driver, ctx.database);
let home: string;

/** Counts the real readInfo calls the store makes. */
function countingRepository(): { repository: DatasetRepository; checks: () => number } {
  let checks = 0;
  const counting = Object.create(repository) as DatasetRepository;
  counting.readInfo = () => {
    checks++;
    return repository.readInfo();
  };
  return { repository: counting, checks: () => checks };
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'kopru-store-test-'));
  await emptyDatabase(driver, ctx.database);
  await repository.applySchema();
  await repository.import(await readBundleFolder(DEMO_DIR), { source: DEMO_DIR });
});

afterAll(async () => {
  await driver.close();
  await rm(home, { recursive: true, force: true });
});

describe('DatasetStore', () => {
  it('coalesces the version checks of concurrent requests', async () => {
    const { repository: counting, checks } = countingRepository();
    const store = new DatasetStore(counting);
    await store.current();
    const before = checks();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.current()));
    expect(results.every((r) => r?.dataset.organizations.length === 172)).toBe(true);
    // The first call runs a check; the 49 others arrive while it runs and share the next one.
    expect(checks() - before).toBe(2);
  });

  it('sees an import committed before the request, also after --replace recreates the dataset node', async () => {
    const store = new DatasetStore(repository);
    expect((await store.current())?.dataset.organizations).toHaveLength(172);
    const dir = path.join(home, 'small');
    await writeBundle(dir, { variant: 'A', organizations: 30, tiesPerWave: 40, seed: 5 });
    await repository.import(await readBundleFolder(dir), { source: dir, replace: true });
    expect((await store.current())?.dataset.organizations).toHaveLength(30);
    await repository.import(await readBundleFolder(DEMO_DIR), { source: DEMO_DIR, replace: true });
    expect((await store.current())?.dataset.organizations).toHaveLength(172);
  });
});
