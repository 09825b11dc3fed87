/**
 * End to end: the built client in Debian's Chromium against the real server and database (the demo
 * data). Each test saves a screenshot in tests/artifacts/e2e/ to look at.
 */
import { writeFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countColor, countInk, decodePng } from './png.js';
import { artifact, getJson, launchBrowser, nodePosition, waitForMap, watchErrors } from './browser.js';

interface GraphJson {
  nodes: { key: string; attributes: { name: string; kind: string } }[];
  edges: unknown[];
}
interface WavesJson {
  waves: { id: string; label: string; date: string }[];
}
interface CompareJson {
  ties: { added: number; removed: number; stable: number; strengthened: number; weakened: number };
}
interface MetricsJson {
  nodes: { id: string; degree: number }[];
}
interface IsolatedJson {
  organizations: { id: string; name: string; kind: string; suggestions: { id: string; name: string }[] }[];
}

const base = inject('kopruUrl');
let browser: Browser;
let waves: WavesJson['waves'];
let first: string;
let last: string;

beforeAll(async () => {
  browser = await launchBrowser();
  waves = (await getJson<WavesJson>(`${base}/api/waves`)).waves.sort((a, b) => (a.date < b.date ? -1 : 1));
  first = waves[0]!.id;
  last = waves[waves.length - 1]!.id;
});

afterAll(async () => {
  await browser?.close();
});

async function open(
  query = '',
  viewport = { width: 1280, height: 720 },
  locale = 'en-GB',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/${query}`);
  return { context, page, errors };
}

async function tieCount(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid="tie-count"]', 'data-value'));
}

describe('the map', () => {
  it('renders the network: the canvas is not blank and shows both kinds of organization', async () => {
    const { context, page, errors } = await open('?lang=en');
    await waitForMap(page);
    await page.screenshot({ path: artifact('01-map.png') });
    const canvas = decodePng(await page.locator('[data-testid="map-canvas"]').screenshot());
    // Okabe–Ito orange (NGOs) and blue (institutions) must both be drawn, and plenty of ties.
    expect(countColor(canvas, '#E69F00', 30)).toBeGreaterThan(500);
    expect(countColor(canvas, '#0072B2', 30)).toBeGreaterThan(300);
    expect(countInk(canvas)).toBeGreaterThan(0.03 * canvas.width * canvas.height);
    await expect(page.getByTestId('synthetic-banner').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switching waves changes the visible tie count to the wave’s', async () => {
    const [firstGraph, lastGraph] = await Promise.all([
      getJson<GraphJson>(`${base}/api/graph?wave=${first}`),
      getJson<GraphJson>(`${base}/api/graph?wave=${last}`),
    ]);
    const { context, page } = await open('?lang=en');
    await waitForMap(page);
    expect(await tieCount(page)).toBe(lastGraph.edges.length);
    await page.getByTestId(`wave-${first}`).click();
    await page.waitForFunction(
      `() => document.querySelector('[data-testid="tie-count"]')?.dataset.value === '${firstGraph.edges.length}'`,
    );
    expect(firstGraph.edges.length).not.toBe(lastGraph.edges.length);
    expect(page.url()).toContain(`wave=${first}`);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: artifact('02-wave-first.png') });
    await context.close();
  });

  it('diff mode shows the added, removed and kept tie counts the API reports', async () => {
    const compare = await getJson<CompareJson>(
      `${base}/api/compare?from=${first}&to=${last}&mode=undirected`,
    );
    const { context, page } = await open('?lang=en');
    await waitForMap(page);
    await page.getByTestId('diff-toggle').check();
    await page.waitForSelector('[data-testid="legend-added"]');
    const count = async (id: string): Promise<number> =>
      Number(await page.getAttribute(`[data-testid="legend-${id}"]`, 'data-count'));
    expect(await count('added')).toBe(compare.ties.added);
    expect(await count('removed')).toBe(compare.ties.removed);
    expect(await count('stable')).toBe(compare.ties.stable);
    expect(await count('strengthened')).toBe(compare.ties.strengthened);
    expect(await count('weakened')).toBe(compare.ties.weakened);
    await page.waitForTimeout(800);
    const canvas = decodePng(await page.locator('[data-testid="map-canvas"]').screenshot());
    // Added ties in bluish green and removed ones in vermillion are on the map.
    expect(countColor(canvas, '#009E73', 25)).toBeGreaterThan(100);
    expect(countColor(canvas, '#D55E00', 25)).toBeGreaterThan(100);
    await page.screenshot({ path: artifact('03-diff.png') });
    await context.close();
  });

  it('searching "istanbul" finds organizations named "İstanbul …" and Enter opens one', async () => {
    const { context, page } = await open('?lang=en');
    await waitForMap(page);
    await page.getByTestId('search-input').fill('istanbul');
    await page.waitForSelector('[data-testid="search-hit"]');
    const hits = await page.locator('[data-testid="search-hit"]').allTextContents();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((name) => name.startsWith('İstanbul'))).toBe(true);
    await page.screenshot({ path: artifact('04-search.png') });
    await page.getByTestId('search-input').press('ArrowDown');
    // The second result becomes the keyboard's choice.
    const chosen = hits[1] ?? hits[0]!;
    await page.waitForFunction(
      `() => document.querySelector('[data-testid="search-hit"][aria-selected="true"]')?.textContent === ${JSON.stringify(chosen)}`,
    );
    await page.getByTestId('search-input').press('Enter');
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe(chosen);
    await page.waitForTimeout(900);
    await page.screenshot({ path: artifact('04-search-enter.png') });
    await context.close();
  });

  it('clicking an organization opens its panel with its metrics', async () => {
    const metrics = await getJson<MetricsJson>(`${base}/api/metrics?wave=${last}&mode=undirected`);
    const graph = await getJson<GraphJson>(`${base}/api/graph?wave=${last}`);
    const top = [...metrics.nodes].sort((a, b) => b.degree - a.degree)[0]!;
    const name = graph.nodes.find((node) => node.key === top.id)!.attributes.name;
    const { context, page } = await open('?lang=en');
    await waitForMap(page);
    const { x, y } = await nodePosition(page, top.id);
    await page.mouse.click(x, y);
    await page.waitForSelector('[data-testid="details"]:not([hidden])');
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe(name);
    // The metrics may still be on their way: wait for the row rather than read it once.
    await page.waitForFunction(
      `() => document.querySelector('[data-testid="details-metrics"] tr[data-metric="degree"] td')?.textContent === '${top.degree}'`,
    );
    expect(await page.locator('[data-testid="details-metrics"] tbody tr').count()).toBeGreaterThanOrEqual(5);
    // Rank and change between the waves are shown next to the value.
    await expect(
      page.locator('[data-testid="details-metrics"] tr[data-metric="degree"] td').nth(1).textContent(),
    ).resolves.toBe(`1/${graph.nodes.length}`);
    await expect(page.getByTestId('brokerage').isVisible()).resolves.toBe(true);
    expect(page.url()).toContain(`org=${top.id}`);
    await page.waitForTimeout(600);
    await page.screenshot({ path: artifact('05-details.png') });
    await context.close();
  });

  it('the Turkish switch changes the labels and is remembered', async () => {
    const { context, page } = await open('?lang=en');
    await waitForMap(page);
    await expect(page.getByTestId('tab-map').textContent()).resolves.toBe('Map');
    await page.getByTestId('lang-tr').click();
    await page.waitForFunction(
      `() => document.querySelector('[data-testid="tab-map"]')?.textContent === 'Harita'`,
    );
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('tr');
    await expect(page.locator('.legend summary').textContent()).resolves.toBe('Açıklama');
    await expect(page.getByTestId('tab-dashboard').textContent()).resolves.toBe('Ne değişti');
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifact('06-turkish.png') });
    // A later visit without ?lang= comes back in Turkish.
    const again = await context.newPage();
    await again.goto(`${base}/`);
    await again.waitForFunction(
      `() => document.querySelector('[data-testid="tab-map"]')?.textContent === 'Harita'`,
    );
    await context.close();
  });

  it('a link with state restores wave, diff, filters, selection and language', async () => {
    const graph = await getJson<GraphJson>(`${base}/api/graph?wave=${last}`);
    const org = graph.nodes.find((node) => node.attributes.kind === 'ngo')!;
    const ngos = graph.nodes.filter((node) => node.attributes.kind === 'ngo').length;
    const query = `?lang=tr&wave=${last}&from=${first}&org=${org.key}&kind=ngo&labels=many`;
    const { context, page } = await open(query);
    await waitForMap(page);
    await expect(page.getByTestId('diff-toggle').isChecked()).resolves.toBe(true);
    await page.waitForSelector('[data-testid="legend-added"]');
    await expect(page.getByTestId('details-name').textContent()).resolves.toBe(org.attributes.name);
    await expect(page.getByTestId('filter-kinds-ngo').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('filter-count').getAttribute('data-value')).resolves.toBe(String(ngos));
    await expect(page.getByTestId('tab-map').textContent()).resolves.toBe('Harita');
    const search = new URL(page.url()).searchParams;
    expect(search.get('from')).toBe(first);
    expect(search.get('org')).toBe(org.key);
    await page.waitForTimeout(600);
    await page.screenshot({ path: artifact('07-url-state.png') });
    await context.close();
  });

  it('an isolated NGO shows whom to introduce it to, and a suggestion shows both on the map', async () => {
    const isolated = await getJson<IsolatedJson>(`${base}/api/isolated?wave=${last}`);
    const ngo = isolated.organizations.find((org) => org.kind === 'ngo' && org.suggestions.length > 0);
    expect(ngo, 'the demo data has an isolated NGO with suggestions').toBeDefined();
    const { context, page } = await open('?lang=en');
    await waitForMap(page);
    await page.getByTestId('tab-dashboard').click();
    await page.locator(`[data-testid="isolated-org"][data-id="${ngo!.id}"]`).click();
    await page.waitForSelector('[data-testid="suggestions"]');
    const names = await page.locator('[data-testid="suggestion"] .suggestion-name').allTextContents();
    expect(names).toEqual(ngo!.suggestions.map((s) => s.name));
    await page.locator('[data-testid="suggestion"] .suggestion-name').first().click();
    await page.waitForFunction(
      `() => new URL(location.href).searchParams.get('pair') === '${ngo!.id},${ngo!.suggestions[0]!.id}'`,
    );
    await page.waitForTimeout(1200);
    await page.screenshot({ path: artifact('08-suggestions.png') });
    await context.close();
  });
});

describe('around the map', () => {
  it('the dashboard says what changed in plain words, with charts', async () => {
    const { context, page } = await open('?lang=en&tab=dashboard');
    await page.waitForSelector('[data-testid="findings"] li', { timeout: 60_000 });
    const density = await page.getByTestId('finding-density').textContent();
    expect(density).toMatch(/density [+−]\d/);
    expect(density).toMatch(/95% CI/);
    expect(await page.locator('.dashboard svg.chart').count()).toBeGreaterThanOrEqual(3);
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifact('09-dashboard.png'), fullPage: true });
    await page.getByTestId('lang-tr').click();
    await page.waitForFunction(
      `() => document.querySelector('[data-testid="finding-density"]')?.textContent.includes('%95 GA')`,
    );
    await page.screenshot({ path: artifact('09-dashboard-tr.png') });
    await context.close();
  });

  it('the table lists the organizations, sorts and follows the filters', async () => {
    const { context, page } = await open('?lang=en&tab=table&city=Gaziantep');
    await page.waitForSelector('[data-testid="organizations-table"] tbody tr', { timeout: 60_000 });
    const rows = page.locator('[data-testid="organizations-table"] tbody tr');
    const filtered = await rows.count();
    const cities = await page
      .locator('[data-testid="organizations-table"] tbody tr td:nth-child(4)')
      .allTextContents();
    expect(new Set(cities)).toEqual(new Set(['Gaziantep']));
    await page.getByTestId('sort-name').click();
    // The table re-renders after the click; read it once the header says it is sorted by name.
    await page.waitForSelector('th[aria-sort="ascending"]:has([data-testid="sort-name"])');
    const names = await page.locator('[data-testid="table-org"]').allTextContents();
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true })),
    );
    await expect(page.locator('th:has([data-testid="sort-name"])').getAttribute('aria-sort')).resolves.toBe(
      'ascending',
    );
    expect(filtered).toBeGreaterThan(10);
    await page.screenshot({ path: artifact('10-table.png') });
    await context.close();
  });

  it('exports the view as a PNG with its legend', async () => {
    const { context, page } = await open('?lang=en');
    await waitForMap(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png').click(),
    ]);
    const file = artifact('11-export.png');
    await download.saveAs(file);
    const { readFile } = await import('node:fs/promises');
    const image = decodePng(await readFile(file));
    const canvasBox = (await page.locator('[data-testid="map-canvas"]').boundingBox())!;
    // The map plus a legend column.
    expect(image.width).toBeGreaterThan(canvasBox.width);
    expect(countColor(image, '#E69F00', 30)).toBeGreaterThan(300);
    await context.close();
  });

  it('works on a tablet (768×1024): the sidebar opens as a drawer', async () => {
    const { context, page } = await open('?lang=en', { width: 768, height: 1024 });
    await waitForMap(page);
    await page.screenshot({ path: artifact('12-tablet.png') });
    await page.getByTestId('sidebar-toggle').click();
    await page.getByTestId(`wave-${first}`).click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: artifact('12-tablet-sidebar.png') });
    await context.close();
  });

  it('when the database is down it says so and Retry recovers, never a blank page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    // The server answers 503 with Retry-After while Neo4j is unreachable; replay that answer.
    await page.route('**/api/dataset', (route) =>
      route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '5' },
        body: JSON.stringify({
          error: { code: 'unavailable', message: 'The database is unavailable', details: [] },
        }),
      }),
    );
    await page.goto(`${base}/?lang=en`);
    await page.waitForSelector('[role="alert"]');
    await expect(page.locator('[role="alert"] .status-title').textContent()).resolves.toBe(
      'The database is not reachable',
    );
    await page.screenshot({ path: artifact('13-database-down.png') });
    await page.unroute('**/api/dataset');
    await page.getByTestId('retry').click();
    await waitForMap(page);
    await context.close();
  });

  it('keyboard: controls are reachable with Tab and show a visible focus ring', async () => {
    const { context, page } = await open('?lang=en');
    await waitForMap(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await page.screenshot({ path: artifact('14-keyboard-focus.png') });
    await context.close();
  });
});

// Kept for manual inspection: the artifacts folder gets a note of which server the run used.
afterAll(async () => {
  await writeFile(artifact('server.txt'), `${base}\n`);
});
