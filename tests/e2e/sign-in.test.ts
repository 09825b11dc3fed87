/**
 * End to end: accounts in Chromium. Local mode first (no account: the map and a banner saying how to
 * turn on sign-in), then an admin is added straight in the server's database (as `kopru user add`
 * does), after which the page asks to sign in; a wrong password is refused with the message, the
 * right one shows the map with the user in the top bar, the Accounts dialog lists the account and
 * the audit log, and signing out brings the form back. Every account, session and audit event is
 * removed afterwards, so the other e2e files find local mode again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Accounts } from '../../server/auth/accounts.js';
import { ACCOUNTS_CACHE_MS } from '../../server/auth/local-mode.js';
import { UserRepository } from '../../server/neo4j/repositories/user-repository.js';
import { artifact, launchBrowser, waitForMap, watchErrors } from './browser.js';

const base = inject('kopruUrl');
const home = inject('kopruHome');
const PASSWORD = 'a long e2e passphrase';
let browser: Browser;
let driver: Driver | null = null;

async function serverDatabase(): Promise<Driver> {
  const running = JSON.parse(await readFile(path.join(home!, 'running.json'), 'utf8')) as { uri: string };
  const password = (await readFile(path.join(home!, 'neo4j-password'), 'utf8')).trim();
  return neo4j.driver(running.uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, ACCOUNTS_CACHE_MS + 300));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  if (driver) {
    await driver.executeQuery(
      'MATCH (n) WHERE n:User OR n:Session OR n:AuditEvent DETACH DELETE n',
      {},
      {
        database: 'neo4j',
      },
    );
    await driver.close();
    await settle();
  }
  await browser?.close();
});

describe.skipIf(home === null)('accounts in the browser', () => {
  it('local mode, then sign-in required, a refused and an accepted sign-in, the admin dialog, sign-out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(`${base}/?lang=en`);
    await waitForMap(page);
    await expect(page.getByTestId('local-banner').textContent()).resolves.toMatch(
      /Local mode:.*anyone on this computer.*npm run cli -- user add <name> --role admin/,
    );

    driver = await serverDatabase();
    await new Accounts(new UserRepository(driver, 'neo4j'), { driver, database: 'neo4j' }).add(
      'e2e-admin',
      'admin',
      PASSWORD,
      'e2e',
    );
    await settle();

    // With accounts, an anonymous visitor gets the public map, which links to the sign-in form.
    await page.reload();
    await page.getByTestId('public-sign-in').click();
    const form = page.getByTestId('sign-in-form');
    await form.waitFor({ state: 'visible' });
    expect(await page.getByTestId('local-banner').count()).toBe(0);
    expect(await page.getByTestId('upload-open').isVisible()).toBe(false);
    // The name field has the focus, and both fields have labels.
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('sign-in-name');
    await page.getByLabel('User name').fill('e2e-admin');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByTestId('sign-in-submit').click();
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent(), { timeout: 15_000 })
      .toMatch(/^Wrong user name or password\. After 5 failed attempts/);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await waitForMap(page);
    expect(await page.getByTestId('account-user').textContent()).toBe('e2e-admin admin');
    expect(await page.getByTestId('upload-open').isVisible()).toBe(true);
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'kopru_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate<string>('document.cookie')).toBe('');

    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-dialog').waitFor({ state: 'visible' });
    await page.locator('[data-testid="admin-audit"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="admin-users"] tbody th').allTextContents()).toEqual([
      'e2e-admin',
    ]);
    const actions = await page
      .locator('[data-testid="admin-audit"] tbody tr td:nth-child(3)')
      .allTextContents();
    expect(actions).toEqual(['login', 'login.failed', 'user.add']);
    await page.screenshot({ path: artifact('sign-in-admin-dialog.png') });
    await page.getByTestId('admin-close').click();

    await page.getByTestId('sign-out').click();
    await page.getByTestId('public-sign-in').waitFor({ state: 'visible' });
    expect((await context.cookies()).some((cookie) => cookie.name === 'kopru_session')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
