/**
 * The Neo4j that Köprü starts itself (server/neo4j/embedded.ts and neo4j/…/Launcher.java), checked
 * against real JVMs: the shared instance from global-setup.ts answers with its password and only
 * with it, survives a stop/start on the same port with its data, and a separate instance on its own
 * home folder keeps a private password file, reuses it, refuses a second start on the same store
 * and leaves no java process behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EmbeddedNeo4jError,
  embeddedPaths,
  findFreePort,
  startEmbeddedNeo4j,
} from '../../server/neo4j/embedded.js';
import { neo4jContext, neo4jStatus, withNeo4jStopped } from './neo4j-context.js';

const ctx = neo4jContext();

/** Pids of launcher JVMs whose command line names this data folder. */
function launcherPidsFor(dataDir: string): number[] {
  // -ww: the classpath makes the command line far longer than any terminal width.
  const table = execFileSync('ps', ['-eww', '-o', 'pid=,args='], { encoding: 'utf8' });
  return table
    .split('\n')
    .filter((line) => line.includes('org.kopru.launcher.Launcher') && line.includes(`--data ${dataDir} `))
    .map((line) => Number.parseInt(line.trim(), 10));
}

async function countProbes(driver: Driver, id: string): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (p:KopruEmbeddedProbe {id: $id}) RETURN count(p) AS n',
    { id },
    { database: ctx.database },
  );
  return records[0]?.get('n').toNumber() ?? -1;
}

describe('the shared test database', () => {
  let driver: Driver;

  beforeAll(() => {
    driver = neo4j.driver(ctx.uri, neo4j.auth.basic(ctx.user, ctx.password));
  });
  afterAll(async () => {
    await driver.close();
  });

  it('answers RETURN 1 with the password', async () => {
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database: ctx.database });
    expect(records[0]?.get('one').toNumber()).toBe(1);
  });

  it('is Neo4j 5.26', async () => {
    const info = await driver.getServerInfo();
    expect(info.agent).toMatch(/^Neo4j\/5\.26\.\d+$/);
    if (ctx.embedded) expect(ctx.version).toMatch(/^5\.26\.\d+$/);
  });

  it('refuses a wrong password', async () => {
    const intruder = neo4j.driver(ctx.uri, neo4j.auth.basic(ctx.user, 'not-the-password'));
    try {
      await expect(intruder.verifyConnectivity()).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
    } finally {
      await intruder.close();
    }
  });

  it.skipIf(!ctx.embedded)(
    'stops and starts again on the same port with its data',
    async () => {
      const id = `restart-${Date.now()}`;
      await driver.executeQuery('CREATE (:KopruEmbeddedProbe {id: $id})', { id }, { database: ctx.database });
      const before = await neo4jStatus();
      expect(before.running).toBe(true);
      try {
        await withNeo4jStopped(async () => {
          expect(await neo4jStatus()).toEqual({ running: false, pid: null });
          expect(launcherPidsFor(embeddedPaths(ctx.home ?? '').dataDir)).toEqual([]);
          await expect(driver.verifyConnectivity()).rejects.toMatchObject({ code: 'ServiceUnavailable' });
        });
        const after = await neo4jStatus();
        expect(after.running).toBe(true);
        expect(after.pid).not.toBe(before.pid);
        // The same driver (same uri and password) works again without being recreated.
        expect(await countProbes(driver, id)).toBe(1);
      } finally {
        await driver.executeQuery(
          'MATCH (p:KopruEmbeddedProbe {id: $id}) DELETE p',
          { id },
          { database: ctx.database },
        );
      }
    },
    240_000,
  );
});

describe.skipIf(!ctx.embedded)('startEmbeddedNeo4j on a home folder of its own', () => {
  let home: string;

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'kopru-embedded-test-'));
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('keeps a private password file, reuses it and its data, refuses a second start on the same store, and leaves no JVM behind', async () => {
    const { dataDir, passwordFile } = embeddedPaths(home);
    const port = await findFreePort();

    const first = await startEmbeddedNeo4j({ home, port, quiet: true });
    try {
      expect(first).toMatchObject({ port, uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', embedded: true });
      expect(first.version).toMatch(/^5\.26\.\d+$/);
      expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
      expect((await readFile(passwordFile, 'utf8')).trim()).toBe(first.password);
      expect(launcherPidsFor(dataDir)).toEqual([first.pid]);

      const driver = neo4j.driver(first.uri, neo4j.auth.basic(first.user, first.password));
      try {
        await driver.executeQuery(
          'CREATE (:KopruEmbeddedProbe {id: $id})',
          { id: 'kept' },
          { database: 'neo4j' },
        );
      } finally {
        await driver.close();
      }
    } finally {
      await first.stop();
    }
    expect(launcherPidsFor(dataDir)).toEqual([]);

    const second = await startEmbeddedNeo4j({ home, port, quiet: true });
    try {
      expect(second.password).toBe(first.password);
      expect(second.pid).not.toBe(first.pid);
      const driver = neo4j.driver(second.uri, neo4j.auth.basic('neo4j', first.password));
      try {
        expect(await countProbes(driver, 'kept')).toBe(1);
      } finally {
        await driver.close();
      }

      // Same store, another port: the store lock must stop it, with a message that says why.
      const clash = startEmbeddedNeo4j({ home, port: await findFreePort(), quiet: true });
      await expect(clash).rejects.toBeInstanceOf(EmbeddedNeo4jError);
      await expect(clash).rejects.toMatchObject({
        reason: 'store-locked',
        message: expect.stringContaining('another Köprü'),
      });
      expect(launcherPidsFor(dataDir)).toEqual([second.pid]);
    } finally {
      await second.stop();
    }
    expect(launcherPidsFor(dataDir)).toEqual([]);
  }, 420_000);
});
