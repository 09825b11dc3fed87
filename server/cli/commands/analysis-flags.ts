/** Flags shared by `metrics`, `compare` and `isolated`: the source, the mode and the output format. */
import { ANALYSIS_MODES, type AnalysisMode } from '../../domain/types.js';
import { UsageError } from '../command.js';
import { SOURCE_HELP } from '../source.js';

export const SOURCE_FLAGS = {
  db: { type: 'boolean', default: false },
  format: { type: 'string' },
  mode: { type: 'string' },
} as const;

export function parseMode(value: string | undefined): AnalysisMode | undefined {
  if (value === undefined) return undefined;
  if ((ANALYSIS_MODES as readonly string[]).includes(value)) return value as AnalysisMode;
  throw new UsageError(`--mode must be one of ${ANALYSIS_MODES.join(', ')}, not "${value}"`);
}

export function onePositional(positionals: string[], fromDb: boolean): string | undefined {
  if (positionals.length > 1) throw new UsageError(`expected one <source>, got ${positionals.length}`);
  if (positionals.length === 0 && !fromDb) throw new UsageError(`missing <source>: ${SOURCE_HELP}, or --db`);
  return positionals[0];
}
