/**
 * Flags of `metrics` and `compare` that choose how the shortest-path measures are computed, and the
 * progress line on stderr for long runs (stdout stays clean JSON/CSV/table).
 */
import type { BetweennessMethod, Progress } from '../../domain/metrics/index.js';
import { UsageError, type CliIO } from '../command.js';

export const ENGINE_FLAGS = {
  exact: { type: 'boolean', default: false },
  approximate: { type: 'boolean', default: false },
  epsilon: { type: 'string' },
  delta: { type: 'string' },
  threads: { type: 'string' },
  progress: { type: 'boolean', default: false },
} as const;

export const ENGINE_USAGE = [
  '  --exact          exact values whatever the size (default: estimated from 20 000 nodes up)',
  '  --approximate    sampled betweenness (Riondato–Kornaropoulos, error ε at probability 1 − δ) and',
  '                   distances (closeness, harmonic, path length, diameter) from sampled sources',
  '  --epsilon E      ε of the betweenness sample (default 0.01);  --delta D  its δ (default 0.1)',
  '  --threads N      worker threads for large graphs (default: all cores; 1 = none)',
  '  --progress       progress on stderr (default: only when stderr is a terminal)',
].join('\n');

interface EngineValues {
  exact?: boolean | undefined;
  approximate?: boolean | undefined;
  epsilon?: string | undefined;
  delta?: string | undefined;
  threads?: string | undefined;
  progress?: boolean | undefined;
}

function fraction(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d*\.?\d+(e-?\d+)?$/i.test(value) || !(number > 0 && number < 1))
    throw new UsageError(`--${name} must be a number between 0 and 1, exclusive, not "${value}"`);
  return number;
}

export function parseEngineFlags(values: EngineValues): {
  betweenness: BetweennessMethod;
  epsilon: number | undefined;
  delta: number | undefined;
  threads: number | undefined;
} {
  if (values.exact && values.approximate)
    throw new UsageError('--exact and --approximate exclude each other');
  const epsilon = fraction('epsilon', values.epsilon);
  const delta = fraction('delta', values.delta);
  if ((epsilon !== undefined || delta !== undefined) && values.exact)
    throw new UsageError('--epsilon and --delta apply to sampled betweenness, not --exact');
  let threads: number | undefined;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 256)
      throw new UsageError(`--threads must be an integer from 1 to 256, not "${values.threads}"`);
  }
  return {
    betweenness: values.exact ? 'exact' : values.approximate ? 'approximate' : 'auto',
    epsilon,
    delta,
    threads,
  };
}

/**
 * A progress reporter writing one rewritten line to stderr (`\r`), or nothing when stderr is not a
 * terminal and `--progress` was not given. `done()` ends the line.
 */
export function progressReporter(
  io: CliIO,
  forced: boolean | undefined,
): { onProgress?: (progress: Progress) => void; done: () => void } {
  if (!forced && !process.stderr.isTTY) return { done: () => {} };
  let shown = false;
  let last = '';
  return {
    onProgress({ phase, done, total }) {
      const line = `${phase}: ${Math.floor((100 * done) / Math.max(1, total))}% (${done}/${total})`;
      if (line === last) return;
      last = line;
      shown = true;
      io.stderr(`\r${line}`);
    },
    done: () => {
      if (shown) io.stderr('\n');
    },
  };
}
