/**
 * `npm run fuzz`: thousands of random requests per role against a real Köprü, counting answers by
 * status. Fails (exit 1) on any 5xx other than 503, an answer that leaks a stack, Cypher or a path,
 * a request the server did not answer, or a server that stops answering /api/health.
 *
 *   npm run fuzz                                 # starts a throwaway server (own embedded Neo4j, demo data)
 *   npm run fuzz -- --requests 20000 --concurrency 16
 *   npm run fuzz -- --url http://localhost:3000  # a running server (its data may gain fuzzed imports!)
 *   npm run fuzz -- --roles anonymous,public,analyst,coordinator,admin --seed 7
 *
 * `--roles anonymous` alone fuzzes local mode (no account yet: coordinator rights). With any other
 * role the fuzz-<role> accounts are created on the throwaway server first, so `anonymous` and
 * `public` are then a visitor without an account.
 *
 * The throwaway server runs with its rate limits off, so every request reaches its route; against
 * --url, 429s are counted like any other 4xx.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { startE2EServer } from '../e2e/server-harness.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { Accounts } from '../../server/auth/accounts.js';
import { ACCOUNTS_CACHE_MS } from '../../server/auth/local-mode.js';
import { UserRepository } from '../../server/neo4j/repositories/user-repository.js';
import { ACCOUNT_ROLES, FUZZ_PASSWORD, fuzzAccount, ROLES } from './roles.js';
import { fuzzRequests, hostileUploads, leaks, send, type FuzzRequest } from './requests.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '8' },
    url: { type: 'string' },
    roles: { type: 'string', default: 'anonymous' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    'valid-reports': { type: 'boolean', default: false },
  },
});

const perRole = Number(values.requests);
const concurrency = Number(values.concurrency);
const seed = Number(values.seed);
const roles = values.roles.split(',').map((r) => r.trim());
for (const role of roles) {
  if (!ROLES[role]) {
    console.error(`Unknown role ${role}; known: ${Object.keys(ROLES).join(', ')}`);
    process.exit(2);
  }
}

async function main(): Promise<number> {
  let stop = async () => undefined as void;
  let url = values.url;
  let home: string | null = null;
  if (!url) {
    process.env.KOPRU_RATE_LIMIT = '0';
    process.env.KOPRU_RATE_LIMIT_HEAVY = '0';
    console.log('Starting a throwaway Köprü (embedded Neo4j, demo data) …');
    const server = await startE2EServer();
    url = server.url;
    home = server.home;
    stop = server.stop;
  }
  const base = new URL(url);
  let failures = 0;
  try {
    const doc = JSON.parse(
      (await send(base, { method: 'GET', path: '/api/openapi.json', headers: {} })).body,
    );
    console.log(
      `Fuzzing ${base.origin}: ${perRole} requests per role, concurrency ${concurrency}, seed ${seed}`,
    );
    // Every role signs in before any fuzzing: fuzzed sign-ins soon exhaust the sign-in rate limit.
    const signedIn = new Map<string, Record<string, string>>();
    if (roles.some((role) => role !== 'anonymous')) {
      if (home) await createAccounts(home);
      for (const role of roles) signedIn.set(role, await ROLES[role]!(base));
    }
    for (const role of roles) {
      const headers = signedIn.get(role) ?? (await ROLES[role]!(base));
      // A signed-in role must not sign itself out part-way (everything after would test `public`).
      const keepsSession = (req: FuzzRequest) =>
        !(signedIn.has(role) && req.method === 'DELETE' && req.path.startsWith('/api/session'));
      const requests = fc.sample(
        fuzzRequests(doc, { validReports: values['valid-reports'] }).filter(keepsSession),
        { numRuns: perRole, seed },
      );
      const statuses = new Map<number, number>();
      const problems: string[] = [];
      const unavailable: string[] = [];
      const times: number[] = [];
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < requests.length) {
          const req = requests[next++] as FuzzRequest;
          try {
            const res = await send(base, req, headers);
            times.push(res.ms);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const leak = leaks(res.body);
            if (res.status === 503)
              unavailable.push(`${req.method} ${req.path.slice(0, 120)}: ${res.body.slice(0, 160)}`);
            if ((res.status >= 500 && res.status !== 503) || leak) {
              problems.push(
                `${res.status}${leak ? ` (${leak})` : ''} ${req.method} ${req.path.slice(0, 200)}: ${res.body.slice(0, 200)}`,
              );
            }
          } catch (error) {
            problems.push(`no answer: ${req.method} ${req.path.slice(0, 200)}: ${(error as Error).message}`);
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const seconds = (performance.now() - started) / 1000;
      times.sort((a, b) => a - b);
      const pct = (p: number) =>
        (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
      console.log(
        `\nrole ${role}: ${requests.length} requests in ${seconds.toFixed(1)} s (${(requests.length / seconds).toFixed(0)} req/s)`,
      );
      console.log(`  latency ms: median ${pct(0.5)}, p95 ${pct(0.95)}, p99 ${pct(0.99)}, max ${pct(1)}`);
      for (const [status, count] of [...statuses].sort((a, b) => a[0] - b[0]))
        console.log(`  ${status}: ${count}`);
      for (const problem of problems.slice(0, 20)) console.log(`  PROBLEM ${problem}`);
      // 503 is the database not answering in time (a loaded machine), not a crash: shown, not failed.
      for (const note of unavailable.slice(0, 5)) console.log(`  503 ${note}`);
      failures += problems.length;

      // The hostile corpus: every file refused with a 4xx; how long each took.
      for (const files of hostileUploads()) {
        const res = await send(
          base,
          {
            method: 'POST',
            path: '/api/uploads/commit',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ files }),
          },
          headers,
        );
        const ok = res.status >= 400 && res.status < 500;
        if (!ok) failures++;
        console.log(
          `  hostile ${Object.keys(files).join(', ')}: ${res.status} in ${res.ms.toFixed(0)} ms${ok ? '' : '  PROBLEM'}`,
        );
      }
    }
    const health = await send(base, { method: 'GET', path: '/api/health', headers: {} });
    console.log(`\n/api/health after the run: ${health.status}`);
    if (health.status !== 200) failures++;
  } finally {
    await stop();
  }
  console.log(failures === 0 ? 'No 5xx, no leak, no crash.' : `${failures} problem(s).`);
  return failures === 0 ? 0 : 1;
}

/** The fuzz-<role> accounts, in the throwaway server's database (it advertises it in running.json). */
async function createAccounts(home: string): Promise<void> {
  const running = JSON.parse(await readFile(path.join(home, 'running.json'), 'utf8')) as { uri: string };
  const password = (await readFile(path.join(home, 'neo4j-password'), 'utf8')).trim();
  const driver = neo4j.driver(running.uri, neo4j.auth.basic('neo4j', password));
  try {
    const accounts = new Accounts(new UserRepository(driver, 'neo4j'), { driver, database: 'neo4j' });
    for (const role of ACCOUNT_ROLES) await accounts.add(fuzzAccount(role), role, FUZZ_PASSWORD, 'fuzz');
  } finally {
    await driver.close();
  }
  // The server learns that accounts exist within its cache's second.
  await new Promise((resolve) => setTimeout(resolve, ACCOUNTS_CACHE_MS + 300));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
