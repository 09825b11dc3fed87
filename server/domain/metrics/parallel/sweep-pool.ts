/**
 * The shortest-path sweep (shortest-paths.ts) split across worker threads: each worker gets the CSR
 * arrays once and pulls source chunks (sweepChunks) until none is left; the partial sums are added in
 * chunk order by the same merger as the single-thread path, so results are bit-identical to it.
 * Progress is reported per chunk; aborting terminates the workers.
 */
import type { Worker } from 'node:worker_threads';
import type { MetricContext } from '../context.js';
import { createSweepMerger, sweepChunks, sweepInput, sweepKey, type PathSweep } from '../shortest-paths.js';
import type { SweepPartial } from '../sweep-kernel.js';
import { abortError, defaultThreads, throwIfAborted, type RunOptions } from './run-options.js';
import { startWorker } from './worker-url.js';

const PHASE = 'shortest paths';

/** Runs the sweep with `threads` workers and stores it in the context's memo (where the metrics read it). */
export async function parallelShortestPathSweep(
  context: MetricContext,
  weighted: boolean,
  options: RunOptions = {},
  dependencies = true,
): Promise<PathSweep> {
  const key = sweepKey(weighted, dependencies);
  const cached = context.cached<PathSweep>(key);
  if (cached) return cached;
  throwIfAborted(options.signal);
  const input = sweepInput(context, weighted, dependencies);
  const chunks = sweepChunks(input.n);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), chunks.length));
  const merger = createSweepMerger(input);
  const workers: Worker[] = [];

  const sweep = await new Promise<PathSweep>((resolve, reject) => {
    let nextChunk = 0;
    let finished = 0;
    let sourcesDone = 0;
    let settled = false;
    const stop = (error?: unknown, result?: PathSweep): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
      if (result) resolve(result);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = (): void => stop(abortError(options.signal));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const feed = (worker: Worker): void => {
      if (nextChunk < chunks.length) {
        const [from, to] = chunks[nextChunk++]!;
        worker.postMessage({ from, to });
      }
    };
    for (let t = 0; t < threads; t++) {
      const worker = startWorker('sweep-worker', import.meta.url, { workerData: input });
      workers.push(worker);
      worker.on('message', (partial: SweepPartial) => {
        if (settled) return;
        try {
          merger.add(partial);
        } catch (error) {
          stop(error);
          return;
        }
        finished++;
        sourcesDone += partial.to - partial.from;
        options.onProgress?.({ phase: PHASE, done: sourcesDone, total: input.n });
        if (finished === chunks.length) stop(undefined, merger.finish());
        else feed(worker);
      });
      worker.on('error', (error) => stop(error));
      worker.on('exit', (code) => {
        if (!settled) stop(new Error(`a shortest-path worker stopped unexpectedly (exit code ${code})`));
      });
      feed(worker);
    }
  });
  return context.memo(key, () => sweep);
}
