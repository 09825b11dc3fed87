/**
 * The shape of one `kopru` sub-command. Each lives in `server/cli/commands/<name>.ts` and is listed
 * in `server/cli/main.ts`. Commands write through `io` (never console) so tests can capture output.
 * Exit codes (DATA-FORMAT.md §4): 0 success, 1 invalid input, 2 usage error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the exit code. Throw UsageError for bad flags, ValidationError for bad input. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Bad command line: exit 2 with the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `util.parseArgs` that reports unknown flags and missing values as UsageError. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
