/**
 * Experiments on the map's renderer (a tool, not a benchmark): loads a generated graph into the
 * benchmark page and runs one probe in the page.
 *
 *   npx tsx bench/browser/map-experiment.ts [--nodes 20000] [--edges 100000] [--probe frame|breakdown|instancing]
 *       [--settings '[["name",{"sigmaSetting":value}],…]'] [--shot file.png --ratio 1]
 *
 * - frame: time of one full render (GPU included), once per settings variant given with --settings.
 * - breakdown: time of each of sigma's passes in one render (probes/frame-breakdown.js: each pass is
 *   followed by a one-pixel readPixels, so the GPU work lands in the pass that queued it).
 * - instancing: the same 20 000 quads drawn instanced, as a triangle list and as points, in a bare
 *   WebGL2 context (probes/instancing.js): what made sigma's programs slow in software WebGL.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/support/chromium.js';
import { buildPage, generateGraph, serve } from './map-bench.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    nodes: { type: 'string', default: '20000' },
    edges: { type: 'string', default: '100000' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '720' },
    probe: { type: 'string', default: 'frame' },
    settings: { type: 'string', default: '[]' },
    shot: { type: 'string' },
    ratio: { type: 'string', default: '1' },
  },
});
const variants: [string, Record<string, unknown>][] = [
  ['as configured', {}],
  ...(JSON.parse(args.settings) as [string, Record<string, unknown>][]),
];
const probeFile = { breakdown: 'frame-breakdown.js', instancing: 'instancing.js' }[args.probe];
const probe = probeFile ? await readFile(path.join(HERE, 'probes', probeFile), 'utf8') : null;

const graph = generateGraph(Number(args.nodes), Number(args.edges));
const outDir = await mkdtemp(path.join(os.tmpdir(), 'kopru-map-experiment-'));
await buildPage(outDir, { minify: false });
const { server, url } = await serve(outDir, JSON.stringify(graph));
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: Number(args.width), height: Number(args.height) },
  });
  page.on('console', (message) => {
    if (!message.text().includes('GL Driver')) process.stderr.write(`[page] ${message.text()}\n`);
  });
  await page.goto(url);
  await page.waitForFunction('window.kopruBench !== undefined');
  console.log('load', JSON.stringify(await page.evaluate('window.kopruBench.load("/graph.json")')));
  await page.waitForTimeout(500);
  if (args.shot) {
    await page.evaluate(`window.kopruBench.setRatio(${Number(args.ratio)})`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: args.shot });
  }
  for (const [name, settings] of variants) {
    await page.evaluate(`window.kopruBench.setSettings(${JSON.stringify(settings)})`);
    await page.waitForTimeout(300);
    if (probe) console.log(name, JSON.stringify(await page.evaluate(probe)));
    else
      console.log(
        `${name.padEnd(30)} ${(await page.evaluate<number>('window.kopruBench.renderCost(4)')).toFixed(1)} ms/frame`,
      );
    if (args.probe === 'instancing') break;
  }
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}
