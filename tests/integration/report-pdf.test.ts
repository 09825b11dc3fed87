/**
 * The evaluation report of the demo in a real browser: Debian's Chromium (driven by playwright-core, never
 * a downloaded browser) opens the file with every network request blocked, and prints it to PDF as a
 * user's "print to PDF" would. Checks: no request is attempted (also with the CSP meta tag removed, so the
 * policy cannot hide one), nothing breaks the CSP, no figure is taller than a printed page, the PDF has a
 * sensible number of A4 pages and is not blank, and the first screen has content. The HTML, PDF and
 * screenshots are kept in tests/artifacts/report/ to look at. With poppler-utils installed, the PDF's text
 * shows each major section starting a page and the synthetic-data footer, and its first pages are rendered
 * to PNG and checked for ink. No database is needed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.js';
import en from '../../server/domain/report/locales/en.json' with { type: 'json' };
import tr from '../../server/domain/report/locales/tr.json' with { type: 'json' };
import { renderReport } from '../../server/domain/report/index.js';
import type { Dataset } from '../../server/domain/types.js';
import { readBundleFolder } from '../../server/files/read-bundle.js';

const ARTIFACTS = path.join(PROJECT_ROOT, 'tests', 'artifacts', 'report');
const PDFTOPPM = '/usr/bin/pdftoppm';
const PDFTOTEXT = '/usr/bin/pdftotext';
const CATALOGUES: Record<string, Record<string, string>> = { en, tr };
// Sections that start on a new printed page (the summary shares the first page with the title).
const MAJOR_SECTIONS = ['maps', 'diff', 'metrics', 'brokers', 'isolated', 'charts', 'nonResponse', 'methods'];
const run = promisify(execFile);

let browser: Browser;
let demo: Dataset;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  demo = await readBundleFolder(path.join(PROJECT_ROOT, 'data', 'demo'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a local file with every other request blocked; returns the page and the URLs it tried to load. */
async function open(file: string): Promise<{ page: Page; attempted: string[]; consoleErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const url = pathToFileURL(file).href;
  const attempted: string[] = [];
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    attempted.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, attempted, consoleErrors };
}

/** Share of pixels that are not (nearly) white, measured by Chromium itself on a blank page. */
async function inkShare(png: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${png.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++;
      return ink / (data.length / 4);
    })()`);
  } finally {
    await page.close();
  }
}

/** Pages of a PDF as Chromium writes it: one `/Type /Page` dictionary per page (`/Pages` is the tree). */
function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe.each(['en', 'tr'] as const)('the report in %s, in Chromium', (lang) => {
  const htmlFile = path.join(ARTIFACTS, `report-${lang}.html`);
  let html: string;

  beforeAll(async () => {
    html = renderReport(demo, { from: 'pre', to: 'post', lang, generatedAt: '2026-01-01' });
    await writeFile(htmlFile, html);
  });

  it('attempts no request, even without its Content-Security-Policy', async () => {
    const withoutPolicy = path.join(ARTIFACTS, `report-${lang}.no-csp.html`);
    const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(stripped).not.toBe(html);
    await writeFile(withoutPolicy, stripped);
    const bare = await open(withoutPolicy);
    expect(bare.attempted).toEqual([]);
    await bare.page.close();
    await rm(withoutPolicy);

    const { page, attempted, consoleErrors } = await open(htmlFile);
    expect(attempted).toEqual([]);
    // A blocked load or inline script would be reported here as a CSP violation.
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows the summary on the first screen', async () => {
    const { page } = await open(htmlFile);
    const screenshot = await page.screenshot({ path: path.join(ARTIFACTS, `first-screen-${lang}.png`) });
    expect(await inkShare(screenshot)).toBeGreaterThan(0.05);
    expect(await page.locator('#synthetic-banner').isVisible()).toBe(true);
    await page.locator('#maps').screenshot({ path: path.join(ARTIFACTS, `maps-${lang}.png`) });
    await page.close();
  });

  it('prints to a clean A4 PDF', async () => {
    const { page } = await open(htmlFile);
    const pdf = await page.pdf({ format: 'A4' });
    // In print, at the width of an A4 page's text, no figure may be taller than the page (it would be cut).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 690, height: 1000 });
    const heights = (await page.evaluate(
      `[...document.querySelectorAll('svg.map, svg.chart')].map((svg) => svg.getBoundingClientRect().height)`,
    )) as number[];
    expect(heights.length).toBeGreaterThanOrEqual(7);
    // A4 minus the 16 + 18 mm margins, in CSS pixels (96 per inch).
    for (const height of heights) expect(height).toBeLessThan(((297 - 34) / 25.4) * 96);
    await page.close();

    const pdfFile = path.join(ARTIFACTS, `report-${lang}.pdf`);
    await writeFile(pdfFile, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = countPdfPages(pdf);
    // Summary, two map pages, tables, brokers, isolated NGOs, charts, non-response, methods.
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(pages).toBeLessThanOrEqual(30);
    expect(pdf.length).toBeGreaterThan(150_000);

    if (existsSync(PDFTOTEXT)) {
      // Each major section begins a page: its title is the first line of some page.
      const { stdout } = await run(PDFTOTEXT, ['-enc', 'UTF-8', pdfFile, '-']);
      const firstLines = stdout.split('\f').map((page) => page.trim().split('\n')[0]?.trim());
      for (const section of MAJOR_SECTIONS) {
        expect(firstLines).toContain(CATALOGUES[lang]![`section.${section}`]);
      }
      expect(stdout).toContain(CATALOGUES[lang]!['synthetic.footer']);
    }
    if (existsSync(PDFTOPPM)) {
      const prefix = path.join(ARTIFACTS, `pdf-${lang}`);
      for (const file of await readdir(ARTIFACTS)) {
        if (file.startsWith(`pdf-${lang}-`)) await rm(path.join(ARTIFACTS, file));
      }
      await run(PDFTOPPM, ['-r', '50', '-png', '-f', '1', '-l', '3', pdfFile, prefix]);
      const images = (await readdir(ARTIFACTS)).filter((f) => f.startsWith(`pdf-${lang}-`)).sort();
      expect(images).toHaveLength(3);
      for (const image of images) {
        expect(await inkShare(await readFile(path.join(ARTIFACTS, image)))).toBeGreaterThan(0.01);
      }
    }
  });
});
