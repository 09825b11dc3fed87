/**
 * Pieces the fault script and the fault tests share: the `kopru` CLI as a child process (the real
 * program, nothing mocked), waiting for a line of its output, emptying the database, and waiting
 * until no other client's transaction is still open (a killed client's transaction is rolled back by
 * Neo4j when it notices the closed connection; a COMMIT already sent still lands).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI_MAIN = path.join(PROJECT_ROOT, 'server', 'cli', 'main.ts');

export interface DatabaseEnv {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** The environment that points a `kopru` child at `db` (and never at the user's own .kopru/). */
export function childEnv(
  db: DatabaseEnv,
  home: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: db.uri,
    NEO4J_USER: db.user,
    NEO4J_PASSWORD: db.password,
    NEO4J_DATABASE: db.database,
    KOPRU_HOME: home,
    ...extra,
  };
}

export interface Child {
  process: ChildProcess;
  /** Every line printed so far (stdout and stderr). */
  lines: string[];
  /** Resolves with the first line matching `pattern` (already printed or later); rejects on exit. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `kopru <args>` (from the sources, through tsx) as a child process. */
export function spawnKopru(args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_MAIN, ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  const onLine = (line: string) => {
    lines.push(line);
    for (const waiter of waiters) {
      if (waiter.pattern.test(line)) {
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', onLine);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', onLine);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    process: child,
    lines,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter: { pattern: RegExp; resolve: (line: string) => void } = { pattern, resolve };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${lines.slice(-10).join('\n')}`),
          );
        }, timeoutMs);
        waiter.resolve = (line: string) => {
          clearTimeout(timer);
          resolve(line);
        };
        waiters.add(waiter);
        void exited.then(({ code, signal }) => {
          if (!waiters.delete(waiter)) return;
          clearTimeout(timer);
          reject(
            new Error(
              `kopru ${args[0]} exited (${signal ?? code}) before printing ${pattern}:\n${lines.slice(-10).join('\n')}`,
            ),
          );
        });
      });
    },
  };
}

/** Runs `kopru <args>` to the end; rejects unless it exits 0. */
export async function runKopru(args: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const child = spawnKopru(args, env);
  const { code, signal } = await child.exited;
  if (code !== 0)
    throw new Error(`kopru ${args.join(' ')} failed (${signal ?? code}):\n${child.lines.join('\n')}`);
  return child.lines;
}

/** Removes everything, Import records included, in batches (a large store in one go needs much heap). */
export async function emptyDatabase(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeWrite.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS');
  } finally {
    await session.close();
  }
}

/** Waits until no transaction but this query's own is open on the database. */
export async function waitForQuiet(driver: Driver, database: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { records } = await driver.executeQuery(
      'SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery STARTS WITH "SHOW TRANSACTIONS" ' +
        'RETURN count(*) AS open',
      {},
      { database },
    );
    if (Number(records[0]?.get('open')) === 0) return;
    if (Date.now() > deadline) throw new Error('transactions still open after the importer died');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Retries `work` until it succeeds (the database is coming back) or `timeoutMs` passes. */
export async function untilAvailable<T>(work: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Awaits `promise`, or rejects naming `what` after `timeoutMs`. The pending timer also keeps Node's
 * event loop alive: a wait on something that holds no handle of its own (an unref'd child's exit)
 * then fails with this message instead of Node ending silently with exit status 13.
 */
export async function within<T>(what: string, timeoutMs: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: still waiting after ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
