import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../tests/support/chromium.js';
import { buildPage, generateGraph, serve } from './map-bench.js';

const [nodes, edges, w, h] = (process.argv[2] ?? '20000x0x1280x720').split('x').map(Number);
const experiments: [string, Record<string, unknown>][] = JSON.parse(process.argv[3] ?? '[]');
const script = process.argv[4] ? await readFile(process.argv[4], 'utf8') : null;
const graph = generateGraph(nodes!, edges!);
const outDir = await mkdtemp(path.join(os.tmpdir(), 'kopru-map-exp-'));
await buildPage(outDir, { minify: false });
const { server, url } = await serve(outDir, JSON.stringify(graph));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: w ?? 1280, height: h ?? 720 } });
  page.on('console', (m) => {
    if (!m.text().includes('GL Driver')) process.stderr.write(`[page] ${m.text()}\n`);
  });
  await page.goto(url);
  await page.waitForFunction('window.kopruBench !== undefined');
  console.log('load', JSON.stringify(await page.evaluate('window.kopruBench.load("/graph.json")')));
  await page.waitForTimeout(500);
  if (process.env.SHOT) {
    await page.evaluate(`window.kopruBench.setRatio(${Number(process.env.RATIO ?? 1)})`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: process.env.SHOT });
  }
  for (const [name, settings] of [['baseline', {}], ...experiments] as [string, Record<string, unknown>][]) {
    await page.evaluate(`window.kopruBench.setSettings(${JSON.stringify(settings)})`);
    await page.waitForTimeout(300);
    if (script) console.log(name, JSON.stringify(await page.evaluate(script)));
    else
      console.log(
        `${name.padEnd(30)} ${(await page.evaluate<number>('window.kopruBench.renderCost(4)')).toFixed(1)} ms/frame`,
      );
  }
} finally {
  await browser.close();
  server.close();
}
