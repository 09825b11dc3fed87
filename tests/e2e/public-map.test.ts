/**
 * End to end: the public map in Chromium. Before anything is published it says so; after
 * POST /api/publications it draws the aggregated categories (Sigma), explains the aggregation in both
 * languages, switches waves, lists only opted-in names — no other demo name appears on the page.
 * And the analysts' details panel marks private attributes "Private — not published".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';
import { artifact, getJson, launchBrowser, waitForMap, watchErrors } from './browser.js';

interface ReleaseJson {
  id: string;
  cells: { id: string; names: { name: string }[] }[];
  waves: { id: string; label: string }[];
}

const base = inject('kopruUrl');
let browser: Browser;

const demo = parse(readFileSync(path.join(PROJECT_ROOT, 'data', 'demo', 'organizations.csv'), 'utf8'), {
  columns: true,
  bom: true,
}) as Record<string, string>[];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openPublic(lang: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/?view=public&lang=${lang}`);
  return { context, page, errors };
}

describe('the public map', () => {
  it('says when nothing has been published yet', async () => {
    const releases = await getJson<{ releases: unknown[] }>(`${base}/api/public/releases`);
    // Another run on an external server may have published already; then this check does not apply.
    if (releases.releases.length > 0) return;
    const { context, page } = await openPublic('en');
    await page.getByText('Nothing has been published yet').waitFor();
    await context.close();
  });

  it('shows the published release: categories, explanation, waves, only opted-in names', async () => {
    const published = await fetch(`${base}/api/publications`, { method: 'POST' });
    expect(published.status).toBe(201);
    const release = await getJson<ReleaseJson>(`${base}/api/public/map`);

    const { context, page, errors } = await openPublic('en');
    await page.waitForSelector('[data-testid="public-cell"]');
    expect(await page.locator('[data-testid="public-cell"]').count()).toBe(release.cells.length);
    await expect(page.getByTestId('public-explanation').innerText()).resolves.toMatch(
      /groups smaller than 5 are merged[\s\S]*rounded to the nearest multiple of 5[\s\S]*Toplulaştırılmış/,
    );
    // Sigma drew the category graph.
    await page.waitForSelector('[data-testid="public-map-canvas"] canvas');

    // The last wave shows the change per category; the first has none.
    const first = release.waves[0]!;
    await page.getByTestId(`public-wave-${first.id}`).click();
    const changes = await page.locator('[data-testid="public-change"]').allInnerTexts();
    expect(new Set(changes)).toEqual(new Set(['–']));
    await page.screenshot({ path: artifact('20-public-map.png'), fullPage: true });

    const text = await page.locator('body').innerText();
    const listed = release.cells.flatMap((c) => c.names.map((n) => n.name));
    expect(listed.length).toBeGreaterThan(0);
    for (const name of listed) expect(text).toContain(name);
    for (const org of demo.filter((o) => o.public_name !== 'true')) {
      expect(text.includes(org.name!), `${org.name} is on the public page`).toBe(false);
      expect(text.includes(org.id!), `${org.id} is on the public page`).toBe(false);
    }
    expect(errors).toEqual([]);

    await page.getByTestId('lang-tr').click();
    await expect(page.getByTestId('public-explanation').innerText()).resolves.toMatch(
      /^Toplulaştırılmış, anonimleştirilmiş görünüm/,
    );
    await context.close();
  });
});

describe("the analysts' details panel", () => {
  it('marks refugee_led and extra columns "Private — not published"', async () => {
    const org = demo.find((o) => o.kind === 'ngo' && o.refugee_led === 'true')!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${base}/?lang=en&org=${org.id}`);
    await waitForMap(page);
    await page.waitForSelector('[data-private="refugee_led"] [data-testid="private-badge"]');
    // The extra columns come with the organization's details, a second request: on this shared
    // machine it can take a while.
    await page.waitForSelector('[data-private="languages"] [data-testid="private-badge"]', {
      timeout: 90_000,
    });
    await expect(page.locator('[data-private="refugee_led"]').innerText()).resolves.toMatch(
      /Private — not published/,
    );
    // The kind and city are public: no mark.
    expect(await page.locator('.attribute:not(.private) [data-testid="private-badge"]').count()).toBe(0);
    await page.screenshot({ path: artifact('21-details-private.png') });
    await context.close();
  });
});
