/**
 * `kopru user …` and the audit of `kopru import` on the real (throwaway) Neo4j: accounts are added
 * with a password asked twice (a scripted terminal here) or read from stdin, listed, re-roled and
 * removed; nothing without a terminal or with two different passwords; every change audited as
 * `cli:<os user>`.
 */
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../server/cli/command.js';
import { runCli } from '../../server/cli/main.js';
import { createUserCommand } from '../../server/cli/commands/user.js';
import type { SecretInput } from '../../server/cli/commands/user-prompt.js';
import { PROJECT_ROOT } from '../../server/config.js';
import { verifyPassword } from '../../server/auth/passwords.js';
import { ConflictError, ValidationError } from '../../server/errors.js';
import { emptyDatabase, testDriver, useTestDatabaseEnv } from './helpers.js';
import { neo4jContext } from './neo4j-context.js';

const ACTOR = `cli:${os.userInfo().username}`;

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (t: string) => (out.stdout += t),
      stderr: (t: string) => (out.stderr += t),
      cwd: process.cwd(),
    },
  };
}

/** A terminal that answers the prompts in turn, and records them. */
function terminal(answers: string[], interactive = true): SecretInput & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    prompts,
    interactive: () => interactive,
    askHidden: async (prompt) => {
      prompts.push(prompt);
      return answers.shift() ?? '';
    },
    readAll: async () => answers.join('\n'),
  };
}

let driver: Driver;

async function rows(query: string) {
  const { records } = await driver.executeQuery(query, {}, { database: neo4jContext().database });
  return records.map((r) => r.toObject());
}

beforeAll(() => {
  useTestDatabaseEnv();
  driver = testDriver();
});

beforeEach(() => emptyDatabase(driver));

afterAll(async () => {
  await emptyDatabase(driver);
  await driver.close();
});

describe('kopru user', () => {
  it('adds the first admin with the password asked twice, echo off; it is stored as argon2id', async () => {
    const tty = terminal(['a long admin passphrase', 'a long admin passphrase']);
    const { out, io: cliIo } = io();
    expect(await createUserCommand(tty).run(['add', 'ada', '--role', 'admin'], cliIo)).toBe(0);
    expect(tty.prompts).toEqual(['New password (at least 15 characters): ', 'Repeat the password: ']);
    expect(out.stdout).toMatch(/Added ada \(admin\)\.\nThis is the first account: local mode is over/);
    const [user] = await rows('MATCH (u:User) RETURN u.name AS name, u.role AS role, u.passwordHash AS hash');
    expect(user).toMatchObject({ name: 'ada', role: 'admin' });
    expect(String(user!.hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(String(user!.hash), 'a long admin passphrase')).toBe(true);
    const audit = await rows(
      'MATCH (a:AuditEvent) RETURN a.actor AS actor, a.action AS action, a.details AS d',
    );
    expect(audit).toEqual([{ actor: ACTOR, action: 'user.add', d: '{"user":"ada","role":"admin"}' }]);
  });

  it('reads the password from stdin with --password-stdin, and changes nothing on bad input', async () => {
    const command = createUserCommand(terminal(['another long passphrase\n']));
    expect(await command.run(['add', 'bob', '--role', 'analyst', '--password-stdin'], io().io)).toBe(0);
    await expect(
      createUserCommand(terminal(['first passphrase xx', 'second passphrase x'])).run(
        ['add', 'cy', '--role', 'analyst'],
        io().io,
      ),
    ).rejects.toThrow(new UsageError('the two passwords differ; nothing was changed'));
    await expect(
      createUserCommand(terminal(['short', 'short'])).run(['add', 'cy', '--role', 'analyst'], io().io),
    ).rejects.toThrow(ValidationError);
    await expect(
      createUserCommand(terminal(['another long passphrase\n'])).run(
        ['add', 'bob', '--role', 'analyst', '--password-stdin'],
        io().io,
      ),
    ).rejects.toThrow(ConflictError);
    await expect(
      createUserCommand(terminal(['another long passphrase\n'])).run(
        ['add', 'dee', '--role', 'owner', '--password-stdin'],
        io().io,
      ),
    ).rejects.toThrow(/Invalid role "owner"/);
    expect((await rows('MATCH (u:User) RETURN u.name AS name')).map((r) => r.name)).toEqual(['bob']);
  });

  it('has no password flag, and refuses to prompt without a terminal (exit 2)', async () => {
    const flag = await runCli(['user', 'add', 'eve', '--role', 'admin', '--password', 'x'], io().io);
    expect(flag).toBe(2);
    const { out, io: cliIo } = io();
    // Under vitest, stdin is not a terminal.
    expect(await runCli(['user', 'add', 'eve', '--role', 'admin'], cliIo)).toBe(2);
    expect(out.stderr).toMatch(/no terminal to ask for the password: use --password-stdin/);
    expect(await rows('MATCH (u:User) RETURN u')).toEqual([]);
  });

  it('lists, changes roles and passwords, and removes, keeping an admin while others remain', async () => {
    const add = (name: string, role: string) =>
      createUserCommand(terminal(['a long passphrase 123\n'])).run(
        ['add', name, '--role', role, '--password-stdin'],
        io().io,
      );
    await add('ada', 'admin');
    await add('bob', 'analyst');
    const list = io();
    expect(await runCli(['user', 'list'], list.io)).toBe(0);
    expect(list.out.stdout).toMatch(/^name\s+role\s+created\s+locked until\n/);
    expect(list.out.stdout).toMatch(/\nada\s+admin\s+20\d\d-/);
    expect(list.out.stdout).toMatch(/\nbob\s+analyst\s+20\d\d-/);

    expect(await runCli(['user', 'role', 'bob', 'coordinator'], io().io)).toBe(0);
    const demote = io();
    expect(await runCli(['user', 'role', 'ada', 'analyst'], demote.io)).toBe(1);
    expect(demote.out.stderr).toMatch(/"ada" is the only admin; make another user admin first/);
    expect(await runCli(['user', 'remove', 'ada'], io().io)).toBe(1);

    await createUserCommand(terminal(['a different passphrase 9', 'a different passphrase 9'])).run(
      ['password', 'bob'],
      io().io,
    );
    const [bob] = await rows('MATCH (u:User {name: "bob"}) RETURN u.role AS role, u.passwordHash AS hash');
    expect(bob!.role).toBe('coordinator');
    expect(await verifyPassword(String(bob!.hash), 'a different passphrase 9')).toBe(true);

    expect(await runCli(['user', 'remove', 'bob'], io().io)).toBe(0);
    const last = io();
    expect(await runCli(['user', 'remove', 'ada'], last.io)).toBe(0);
    expect(last.out.stdout).toMatch(/No accounts are left: Köprü is back in local mode/);
    expect(await runCli(['user', 'remove', 'ada'], io().io)).toBe(1);

    const audit = await rows(
      'MATCH (a:AuditEvent) RETURN a.actor AS actor, a.action AS action ORDER BY a.at',
    );
    expect(audit.map((a) => a.action)).toEqual([
      'user.add',
      'user.add',
      'user.role',
      'user.password',
      'user.remove',
      'user.remove',
    ]);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([ACTOR]));
  });
});

describe('kopru import', () => {
  it('writes an audit event naming the command line user, in the import transaction', async () => {
    const bundle = path.join(PROJECT_ROOT, 'tests/fixtures/bundles/valid-small');
    expect(await runCli(['import', bundle], io().io)).toBe(0);
    const [event] = await rows(
      'MATCH (a:AuditEvent) RETURN a.actor AS actor, a.action AS action, a.details AS d',
    );
    const [record] = await rows('MATCH (i:Import) RETURN i.id AS id');
    expect(event).toMatchObject({ actor: ACTOR, action: 'import' });
    expect(JSON.parse(String(event!.d))).toMatchObject({
      importId: record!.id,
      source: bundle,
      replace: false,
    });
    // Re-importing the same data changes nothing and so records nothing.
    expect(await runCli(['import', bundle], io().io)).toBe(0);
    expect(await rows('MATCH (a:AuditEvent) RETURN a')).toHaveLength(1);
  });
});
