/** Options of the long-running analyses: threads, progress and cancellation (no computation here). */
import os from 'node:os';

export interface Progress {
  /** What is being computed, e.g. `shortest paths`. */
  phase: string;
  done: number;
  total: number;
}

export interface RunOptions {
  /** Aborting stops the workers and rejects with an `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Called as the work advances (at most a few hundred times per run). */
  onProgress?: ((progress: Progress) => void) | undefined;
  /** Worker threads; default `os.availableParallelism()`. 1 keeps everything on the calling thread. */
  threads?: number | undefined;
}

/** Below this many nodes the sweep stays on the calling thread: starting workers costs more than it saves. */
export const PARALLEL_MIN_NODES = 1500;

export function defaultThreads(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  return new DOMException('The analysis was cancelled', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}
