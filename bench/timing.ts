/** Small timing helpers for `npm run bench`: warm up, then report the median and p95 of many runs. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  name: string;
  runs: number;
  median: number;
  p95: number;
  /** Target in ms (from the issue), if any. */
  target?: number;
}

export function time(
  name: string,
  run: () => unknown,
  options: { runs?: number; warmup?: number; target?: number } = {},
): Timing {
  const runs = options.runs ?? 30;
  for (let i = 0; i < (options.warmup ?? 5); i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return {
    name,
    runs,
    median: at(0.5),
    p95: at(0.95),
    ...(options.target === undefined ? {} : { target: options.target }),
  };
}

export function printTimings(title: string, timings: Timing[]): void {
  const width = Math.max(...timings.map((t) => t.name.length));
  console.log(`\n${title}`);
  console.log(
    `${'measure'.padEnd(width)}  ${'median ms'.padStart(10)}  ${'p95 ms'.padStart(8)}  ${'runs'.padStart(5)}  target`,
  );
  for (const t of timings) {
    const verdict = t.target === undefined ? '' : `< ${t.target} ms ${t.median < t.target ? 'OK' : 'MISSED'}`;
    console.log(
      `${t.name.padEnd(width)}  ${t.median.toFixed(1).padStart(10)}  ${t.p95.toFixed(1).padStart(8)}  ${String(t.runs).padStart(5)}  ${verdict}`,
    );
  }
}
