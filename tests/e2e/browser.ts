/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), and helpers the e2e tests
 * share: artifacts folder, JSON from the API, waiting for the map to settle.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';

export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts', 'e2e');

export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return launchChromium();
}

export function artifact(name: string): string {
  return path.join(ARTIFACTS, name);
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Collects page errors so a test can assert the page threw nothing. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Waits until the map is drawn, the layout has settled and the legend counts ties. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="map-canvas"] canvas', { timeout: 60_000 });
  // Predicates are written as function literals: Playwright evals a plain expression string in the
  // page on every poll, which the Content-Security-Policy (no 'unsafe-eval') forbids.
  await page.waitForFunction(
    '() => window.__kopruTest && window.__kopruTest.layoutStatus() === "ready"',
    null,
    {
      timeout: 60_000,
    },
  );
  await page.waitForSelector('[data-testid="legend-heading"]', { timeout: 60_000 });
  // Let the camera fit and the labels settle (they are placed 120 ms after the camera stops).
  await page.waitForTimeout(900);
}

export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const position = await page.evaluate<{ x: number; y: number } | null>(
    `window.__kopruTest.nodeScreenPosition(${JSON.stringify(id)})`,
  );
  if (!position) throw new Error(`Organization ${id} is not on the map`);
  return position;
}
