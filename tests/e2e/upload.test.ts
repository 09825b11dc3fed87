/**
 * End to end: the upload dialog against the real server with the demo data. The test uploads a broken
 * bundle (nothing is written) and then the unchanged demo bundle (a no-op import), so the database
 * keeps the demo data for the other e2e files.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifact, launchBrowser, waitForMap, watchErrors } from './browser.js';

const base = inject('kopruUrl');
const DEMO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'demo');
let browser: Browser;
let demo: { name: string; text: string }[];

beforeAll(async () => {
  browser = await launchBrowser();
  const names = (await readdir(DEMO)).sort();
  demo = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(path.join(DEMO, name), 'utf8') })),
  );
});

afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/?lang=en`);
  await waitForMap(page);
  await page.getByTestId('upload-open').click();
  await page.getByTestId('upload-dialog').waitFor({ state: 'visible' });
  return { context, page, errors };
}

function payload(files: { name: string; text: string }[]) {
  return files.map(({ name, text }) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') }));
}

/** The demo files with one tie's level set to 9; returns the files and that row's line number. */
function brokenDemo(): { files: { name: string; text: string }[]; line: number } {
  let line = 0;
  const files = demo.map((file) => {
    if (file.name !== 'ties.csv') return file;
    const lines = file.text.split('\n');
    line = 3;
    lines[line - 1] = lines[line - 1]!.replace(/,\d+$/, ',9');
    return { ...file, text: lines.join('\n') };
  });
  return { files, line };
}

describe('uploading data', () => {
  it('lists every problem of a broken bundle with its file and line, and Commit stays disabled', async () => {
    const { context, page, errors } = await open();
    const { files, line } = brokenDemo();
    await page.getByTestId('upload-files-input').setInputFiles(payload(files));
    await page.getByTestId('upload-errors').waitFor({ timeout: 30_000 });
    const items = await page.getByTestId('upload-error').allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('ties.csv');
    expect(items[0]).toContain(`line ${line}`);
    expect(items[0]).toContain('level');
    await expect(page.getByTestId('upload-format').textContent()).resolves.toContain('CSV bundle');
    await expect(page.getByTestId('upload-commit').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: artifact('16-upload-error.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('previews the unchanged demo bundle as no change and commits it (a no-op import)', async () => {
    const { context, page, errors } = await open();
    await page.getByTestId('upload-files-input').setInputFiles(payload(demo));
    await page.getByTestId('upload-changes').waitFor({ timeout: 30_000 });
    for (const kind of ['organizations', 'ties', 'waves']) {
      await expect(page.getByTestId(`upload-${kind}-added`).getAttribute('data-value')).resolves.toBe('0');
      await expect(page.getByTestId(`upload-${kind}-changed`).getAttribute('data-value')).resolves.toBe('0');
      await expect(page.getByTestId(`upload-${kind}-removed`).getAttribute('data-value')).resolves.toBe('0');
    }
    expect(
      Number(await page.getByTestId('upload-ties-unchanged').getAttribute('data-value')),
    ).toBeGreaterThan(100);
    await expect(page.getByTestId('upload-errors').count()).resolves.toBe(0);
    await expect(page.getByTestId('upload-commit').isEnabled()).resolves.toBe(true);
    await page.screenshot({ path: artifact('15-upload-preview.png') });

    await page.getByTestId('upload-commit').click();
    await page.getByTestId('upload-success').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('upload-success').textContent()).resolves.toMatch(/Import/);
    // The demo is already there: the import writes nothing and says so.
    await expect(page.getByTestId('upload-noop').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('upload-commit').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: artifact('17-upload-success.png') });
    // Closing shows the reloaded map.
    await page.getByTestId('upload-close').click();
    await waitForMap(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
