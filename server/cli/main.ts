#!/usr/bin/env node
/**
 * The `kopru` command line: dispatches to one command per file in ./commands and maps errors to
 * exit codes (DATA-FORMAT.md §4): 0 success, 1 invalid input (message on stderr, nothing on
 * stdout), 2 usage error.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError, ValidationError, formatIssue } from '../errors.js';
import { UsageError, type CliIO, type Command } from './command.js';
import { compareCommand } from './commands/compare.js';
import { exportCommand } from './commands/export.js';
import { generateDemoCommand } from './commands/generate-demo.js';
import { importCommand } from './commands/import.js';
import { isolatedCommand } from './commands/isolated.js';
import { metricsCommand } from './commands/metrics.js';
import { publishCommand } from './commands/publish.js';
import { reportCommand } from './commands/report.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { startCommand } from './commands/start.js';
import { userCommand } from './commands/user.js';

export const COMMANDS: Command[] = [
  startCommand,
  importCommand,
  metricsCommand,
  compareCommand,
  isolatedCommand,
  exportCommand,
  reportCommand,
  sensitivityCommand,
  publishCommand,
  generateDemoCommand,
  userCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: kopru <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'kopru <command> --help' for a command's options.",
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // A usage error: the help goes to stderr so nothing lands in a script's pipe.
    io.stderr(`${help()}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${help()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`kopru: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`kopru ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof ValidationError) {
      const lines = error.issues.map((issue) => `  ${formatIssue(issue)}`);
      io.stderr(`kopru ${command.name}: ${error.message}\n${lines.join('\n')}${lines.length ? '\n' : ''}`);
      return 1;
    }
    if (error instanceof AppError) {
      io.stderr(`kopru ${command.name}: ${error.message}\n`);
      return 1;
    }
    io.stderr(`kopru ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // `kopru … | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const io: CliIO = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      // `start` keeps running until a signal; every other command ends here.
      if (code !== -1) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kopru: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
