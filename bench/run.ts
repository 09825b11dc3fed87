/**
 * `npm run bench`: prints tables of timings. It never fails the build: targets are reported as OK or
 * MISSED so a slow machine does not break CI, and the README records the figures with the machine.
 */
import os from 'node:os';
import { benchAnalysis } from './analysis.js';

console.log(
  `Köprü benchmarks — ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
await benchAnalysis();
