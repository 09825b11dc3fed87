/**
 * `npm run bench`: prints tables of timings. It never fails the build: targets are reported as OK or
 * MISSED so a slow machine does not break CI, and the README records the figures with the machine.
 *
 *   npm run bench                  analysis core, then the map in headless Chromium (20 000 / 100 000)
 *   npm run bench -- --no-browser  analysis core only
 *   npm run bench -- --nodes 2000 --edges 10000   a smaller map graph (options go to the map bench)
 *   npm run bench -- --neo4j       also the Neo4j load rates beside LOAD CSV (1 000 000 ties; takes
 *                                  several minutes, so not in the default run; bench/neo4j-load.ts)
 *   npm run bench -- --neo4j-only  only the Neo4j load rates
 *   npm run bench -- --neo4j-only --ties 200000   a smaller load run (also --organizations N,
 *                                  --batch-sizes a,b, --load-csv-batch N, --warmup-ties N, --writers N,
 *                                  --rounds N: both loaders N times, alternating)
 *   npm run bench -- --no-browser --scale-sizes 1000,10000   scale suite on these sizes only
 *   npm run bench -- --no-scale    skip the scale suite (SBM and BA graphs, igraph side by side)
 *   npm run bench -- --exact-large exact betweenness on 50 000 nodes too (about ten minutes)
 *   npm run bench -- --scale-runs 1  one run per size instead of 5 / 3 / 1 (a quick, noisier look)
 *   npm run bench -- --scale-sizes 50000 --parity-only --exact-large
 *                                  parity with igraph only (no timings, no map): per graph one igraph --values
 *                                  run and one Köprü full suite, then the parity table (with exact
 *                                  betweenness at 50 000 nodes: Köprü ~5 min, igraph ~15 min per graph)
 *   npm run bench -- … --parity-only --reuse-igraph-values   keep the igraph-values.json already in
 *                                  each graph's folder (os.tmpdir()/kopru-bench-graphs/NAME) instead
 *                                  of running igraph again
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAnalysis } from './analysis.js';
import { benchNeo4jLoad, neo4jLoadOptions } from './neo4j-load.js';
import { benchScale } from './scale.js';

const args = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));

console.log(
  `Köprü benchmarks — ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
const neo4jOnly = args.includes('--neo4j-only');
const parityOnly = args.includes('--parity-only');
if (!neo4jOnly && !parityOnly) await benchAnalysis();

if (args.includes('--neo4j') || neo4jOnly) {
  try {
    await benchNeo4jLoad(neo4jLoadOptions(args));
  } catch (error) {
    console.log(
      `The Neo4j load benchmark did not finish (${String(error)}); the build is not failed for it.`,
    );
  }
}

const valueOf = (flag: string): string | undefined => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
if (!args.includes('--no-scale') && !neo4jOnly) {
  try {
    await benchScale({
      sizes: (valueOf('--scale-sizes') ?? '1000,10000,50000').split(',').map(Number),
      kinds: (valueOf('--scale-kinds') ?? 'sbm,ba').split(',') as ('sbm' | 'ba')[],
      exactLarge: args.includes('--exact-large'),
      parityOnly,
      reuseIgraphValues: args.includes('--reuse-igraph-values'),
      ...(valueOf('--scale-runs') ? { runs: Number(valueOf('--scale-runs')) } : {}),
    });
  } catch (error) {
    console.log(`The scale benchmark did not finish (${String(error)}); the build is not failed for it.`);
  }
}

if (!args.includes('--no-browser') && !neo4jOnly && !parityOnly) {
  console.log('\nMap in headless Chromium (takes several minutes with software WebGL) …');
  // Its own process: it builds a page with Vite and drives Chromium.
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'browser', 'map-bench.ts'), ...mapArgs(args)],
    { stdio: 'inherit' },
  );
  if (result.status !== 0)
    console.log('The map benchmark did not finish (see above); the build is not failed for it.');
}

/** The map bench's own options: everything but this script's flags and their values. */
function mapArgs(all: string[]): string[] {
  const withValue = new Set([
    '--scale-sizes',
    '--scale-kinds',
    '--scale-runs',
    '--ties',
    '--organizations',
    '--batch-sizes',
    '--load-csv-batch',
    '--warmup-ties',
    '--writers',
    '--rounds',
  ]);
  const own = new Set([
    '--no-browser',
    '--no-scale',
    '--exact-large',
    '--neo4j',
    '--neo4j-only',
    '--parity-only',
    '--reuse-igraph-values',
  ]);
  return all.filter((arg, i) => !own.has(arg) && !withValue.has(arg) && !withValue.has(all[i - 1] ?? ''));
}
