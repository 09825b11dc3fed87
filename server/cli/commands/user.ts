/**
 * `kopru user add|list|remove|role|password`: manages the accounts in the database (the running
 * server's, as `kopru import` finds it). Passwords are asked twice on the terminal with echo off,
 * or read from standard input with `--password-stdin`; there is deliberately no password flag, so
 * a password never lands in the shell history or the process list. Changes are audited as
 * `cli:<os user>`.
 */
import os from 'node:os';
import { Accounts } from '../../auth/accounts.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../neo4j/connect.js';
import { DatasetRepository } from '../../neo4j/repositories/dataset-repository.js';
import { UserRepository } from '../../neo4j/repositories/user-repository.js';
import { parseFlags, UsageError, type CliIO, type Command } from '../command.js';
import { renderTable } from '../format/text-table.js';
import { terminalSecretInput, type SecretInput } from './user-prompt.js';

/** The audit log's name for the command line: `cli:<os user>`. */
export function cliActor(): string {
  let name = 'unknown';
  try {
    name = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return `cli:${name}`;
}

const USAGE = [
  'Usage: kopru user <subcommand> …',
  '',
  '  user add <name> --role R [--password-stdin]   add an account (R: analyst, coordinator, admin)',
  '  user list                                     list the accounts and their roles',
  "  user role <name> <role>                       change an account's role",
  "  user password <name> [--password-stdin]       set a new password (ends that user's sessions)",
  '  user remove <name>                            remove an account and its sessions',
  '',
  'The password is asked twice on the terminal (nothing is shown while typing); with',
  '--password-stdin it is the first line of standard input, e.g. for scripts:',
  '  printf \'%s\\n\' "$PASSWORD" | kopru user add alice --role analyst --password-stdin',
  'Names: 1–64 lowercase letters, digits, ".", "_", "-". Passwords: at least 15 characters.',
  'The first account should be an admin: from then on Köprü asks everyone to sign in.',
].join('\n');

async function readNewPassword(input: SecretInput, fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const text = await input.readAll();
    const line = text.split(/\r?\n/)[0] ?? '';
    if (line === '') throw new UsageError('--password-stdin: standard input is empty');
    return line;
  }
  if (!input.interactive()) {
    throw new UsageError('no terminal to ask for the password: use --password-stdin');
  }
  const first = await input.askHidden('New password (at least 15 characters): ');
  const second = await input.askHidden('Repeat the password: ');
  if (first !== second) throw new UsageError('the two passwords differ; nothing was changed');
  return first;
}

async function withAccounts<T>(io: CliIO, work: (accounts: Accounts) => Promise<T>): Promise<T> {
  const db = await openDatabase(loadConfig().neo4j, { onProgress: (m) => io.stderr(`${m}\n`) });
  try {
    await new DatasetRepository(db.driver, db.connection.database).applySchema();
    const target = { driver: db.driver, database: db.connection.database };
    return await work(new Accounts(new UserRepository(db.driver, db.connection.database), target));
  } finally {
    await db.close();
  }
}

export function createUserCommand(input: SecretInput = terminalSecretInput): Command {
  return {
    name: 'user',
    summary: 'manage accounts: user add <name> --role R, user list, user role, user password, user remove',
    usage: USAGE,
    async run(argv, io) {
      const [sub, ...rest] = argv;
      const actor = cliActor();
      switch (sub) {
        case 'add': {
          const { values, positionals } = parseFlags(rest, {
            role: { type: 'string' },
            'password-stdin': { type: 'boolean', default: false },
          });
          if (positionals.length !== 1) throw new UsageError('expected exactly one <name>');
          if (values.role === undefined)
            throw new UsageError('--role is required (analyst, coordinator, admin)');
          const name = positionals[0] as string;
          const password = await readNewPassword(input, values['password-stdin']);
          const role = values.role;
          const before = await withAccounts(io, async (accounts) => {
            const count = await accounts.count();
            await accounts.add(name, role, password, actor);
            return count;
          });
          io.stdout(`Added ${name} (${role}).\n`);
          if (before === 0) {
            io.stdout(
              'This is the first account: local mode is over, everyone now signs in (a running server notices within a second).\n',
            );
          }
          return 0;
        }
        case 'list': {
          parseFlags(rest, {}, false);
          const users = await withAccounts(io, (accounts) => accounts.list());
          if (users.length === 0) {
            io.stdout(
              'No accounts: Köprü runs in local mode. Add one with: kopru user add <name> --role admin\n',
            );
            return 0;
          }
          io.stdout(
            `${renderTable(
              [{ header: 'name' }, { header: 'role' }, { header: 'created' }, { header: 'locked until' }],
              users.map((u) => [u.name, u.role, u.created, u.lockedUntil ?? '']),
            )}\n`,
          );
          return 0;
        }
        case 'role': {
          const { positionals } = parseFlags(rest, {});
          if (positionals.length !== 2) throw new UsageError('expected <name> <role>');
          const [name, role] = positionals as [string, string];
          await withAccounts(io, (accounts) => accounts.setRole(name, role, actor));
          io.stdout(`${name} is now ${role}.\n`);
          return 0;
        }
        case 'password': {
          const { values, positionals } = parseFlags(rest, {
            'password-stdin': { type: 'boolean', default: false },
          });
          if (positionals.length !== 1) throw new UsageError('expected exactly one <name>');
          const name = positionals[0] as string;
          const password = await readNewPassword(input, values['password-stdin']);
          await withAccounts(io, (accounts) => accounts.setPassword(name, password, actor));
          io.stdout(`New password set for ${name}; their sessions have ended.\n`);
          return 0;
        }
        case 'remove': {
          const { positionals } = parseFlags(rest, {});
          if (positionals.length !== 1) throw new UsageError('expected exactly one <name>');
          const name = positionals[0] as string;
          const left = await withAccounts(io, async (accounts) => {
            await accounts.remove(name, actor);
            return accounts.count();
          });
          io.stdout(
            `Removed ${name}.${left === 0 ? ' No accounts are left: Köprü is back in local mode.' : ''}\n`,
          );
          return 0;
        }
        default:
          throw new UsageError(sub === undefined ? 'expected a subcommand' : `unknown subcommand "${sub}"`);
      }
    },
  };
}

export const userCommand = createUserCommand();
