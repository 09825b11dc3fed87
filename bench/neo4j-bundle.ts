/**
 * A large synthetic CSV bundle for the Neo4j load benchmark: `organizations` organizations (a
 * third of them institutions), two waves and `ties` distinct reported ties spread over both waves,
 * levels 1–4. Seeded (mulberry32), so the same arguments always write the same bytes. Written
 * line by line through a stream: the bundle is never held in memory.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../server/neo4j/driver.js';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/neo4j/embedded.js';

export interface LargeBundleOptions {
  organizations: number;
  ties: number;
  seed?: number;
}

/** mulberry32: a small, fast, seedable generator, enough for benchmark data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function orgId(index: number): string {
  return `org-${String(index).padStart(6, '0')}`;
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Writes the bundle into `dir` (created if needed). */
export async function writeLargeBundle(dir: string, options: LargeBundleOptions): Promise<void> {
  const next = random(options.seed ?? 20_190_301);
  const n = options.organizations;
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'dataset.json'),
    JSON.stringify({ name: `Benchmark ${n} organizations (synthetic)`, synthetic: true }),
  );
  await writeFile(
    path.join(dir, 'waves.csv'),
    'id,label,date\npre,Before,2019-03-01\npost,After,2020-03-01\n',
  );
  const cities = ['İstanbul', 'Gaziantep', 'Ankara', 'İzmir'];
  await writeLines(
    path.join(dir, 'organizations.csv'),
    (function* () {
      yield 'id,name,kind,city';
      for (let i = 0; i < n; i += 1) {
        const kind = i % 3 === 0 ? 'institution' : 'ngo';
        yield `${orgId(i)},Organization ${i} (demo),${kind},${cities[i % cities.length]}`;
      }
    })(),
  );
  const seen = new Set<number>();
  await writeLines(
    path.join(dir, 'ties.csv'),
    (function* () {
      yield 'source,target,wave,level';
      let written = 0;
      while (written < options.ties) {
        const source = Math.floor(next() * n);
        // A local neighbourhood most of the time (community-like), anywhere otherwise.
        const target = next() < 0.8 ? (source + 1 + Math.floor(next() * 200)) % n : Math.floor(next() * n);
        const wave = next() < 0.5 ? 0 : 1;
        if (source === target) continue;
        const key = (source * n + target) * 2 + wave;
        if (seen.has(key)) continue;
        seen.add(key);
        written += 1;
        yield `${orgId(source)},${orgId(target)},${wave === 0 ? 'pre' : 'post'},${1 + Math.floor(next() * 4)}`;
      }
    })(),
  );
}

/**
 * The embedded Neo4j of the load benchmarks: a 2 GiB heap for Cypher's per-transaction state, a page
 * cache large enough for the whole store, and a driver that waits through long batches.
 */
export async function startBenchNeo4j(home: string): Promise<{ neo4j: EmbeddedNeo4j; driver: Driver }> {
  const neo4j = await startEmbeddedNeo4j({
    home,
    port: await findFreePort(),
    heap: '2g',
    pagecacheMb: 1024,
    quiet: true,
  });
  const driver = createDriver(neo4j, { maxTransactionRetryTimeMs: 30_000, connectionTimeoutMs: 30_000 });
  return { neo4j, driver };
}
