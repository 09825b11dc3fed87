import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../tests/support/chromium.js';
import { buildPage, generateGraph, serve } from './map-bench.js';
const outDir = await mkdtemp(path.join(os.tmpdir(), 'ks-'));
await buildPage(outDir, { minify: true });
const { server, url } = await serve(outDir, JSON.stringify(generateGraph(20000, 100000)));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  await page.waitForFunction('window.kopruBench !== undefined');
  await page.evaluate('window.kopruBench.load("/graph.json")');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/shot-0.png' });
  await page.mouse.move(640, 360);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(640 + 25 * i, 360 + 8 * i);
  await page.screenshot({ path: '/tmp/shot-1-dragging.png' });
  await page.mouse.up();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: '/tmp/shot-2-after.png' });
  await page.mouse.move(640, 360);
  for (let i = 0; i < 3; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(40); }
  await page.screenshot({ path: '/tmp/shot-3-zooming.png' });
  await page.waitForTimeout(2000);
  await page.screenshot({ path: '/tmp/shot-4-zoomed.png' });
} finally { await browser.close(); server.close(); }
