/**
 * `npm run bench`: prints tables of timings. It never fails the build: targets are reported as OK or
 * MISSED so a slow machine does not break CI, and the README records the figures with the machine.
 *
 *   npm run bench                  analysis core, then the map in headless Chromium (20 000 / 100 000)
 *   npm run bench -- --no-browser  analysis core only
 *   npm run bench -- --nodes 2000 --edges 10000   a smaller map graph (options go to the map bench)
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAnalysis } from './analysis.js';

const args = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));

console.log(
  `Köprü benchmarks — ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
await benchAnalysis();

if (!args.includes('--no-browser')) {
  console.log('\nMap in headless Chromium (takes several minutes with software WebGL) …');
  // Its own process: it builds a page with Vite and drives Chromium.
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(here, 'browser', 'map-bench.ts'),
      ...args.filter((a) => a !== '--no-browser'),
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0)
    console.log('The map benchmark did not finish (see above); the build is not failed for it.');
}
