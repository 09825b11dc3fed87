/**
 * The built client runs under the server's Content-Security-Policy without a single violation: the
 * page loads, the layout worker runs (worker-src), the map draws (WebGL), the details panel and the
 * upload dialog open, and the PNG export downloads (blob:). Violations are caught twice: the
 * `securitypolicyviolation` event in the page and Chromium's console messages (which also carry the
 * worker's). The downloadable report keeps its own, stricter policy.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, waitForMap, watchErrors } from './browser.js';

const base = inject('kopruUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('Content-Security-Policy', () => {
  it('the map, the layout worker, the panels and the PNG export run with zero violations', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      acceptDownloads: true,
    });
    // Injected by the browser itself (not subject to the page's CSP), before any script of the page.
    await context.addInitScript(`
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber);
      });
    `);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const consoleViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text()))
        consoleViolations.push(message.text());
    });
    const response = await page.goto(`${base}/?lang=en`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain('unsafe');

    await waitForMap(page); // the layout worker reported "ready"
    const first = await page.evaluate<string | null>(
      'window.__kopruTest ? (document.querySelector(\'[data-testid="legend-heading"]\')?.textContent ?? null) : null',
    );
    expect(first).not.toBeNull();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png').click(),
    ]);
    expect(await download.failure()).toBeNull();
    await page.getByTestId('upload-open').click();
    await page.getByTestId('upload-dialog').waitFor({ state: 'visible' });
    await page.waitForTimeout(500);

    const violations = await page.evaluate<string[]>('window.__cspViolations');
    expect(violations).toEqual([]);
    expect(consoleViolations).toEqual([]);
    expect(errors).toEqual([]);

    // The watchers do see a violation: an inline script is refused and reported.
    await page.evaluate(
      "(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); })()",
    );
    await page.waitForTimeout(200);
    expect(await page.evaluate<unknown>('window.__ran')).toBeUndefined();
    expect((await page.evaluate<string[]>('window.__cspViolations')).join()).toMatch(/script-src/);
    await context.close();
  });

  it('serves the report with its own policy: no script, no request, inline styles only', async () => {
    const response = await fetch(`${base}/api/report?from=pre&to=post&permutations=10`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'/);
    expect(csp).not.toContain('script-src');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
