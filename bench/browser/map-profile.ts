/**
 * Where the map's frame time goes (a tool, not a benchmark): loads the benchmark graph, records a
 * CPU profile through the Chrome DevTools protocol while dragging the map, and prints the functions
 * with the most self time. Used to find per-frame JavaScript work before optimizing.
 *
 *   npx tsx bench/browser/map-profile.ts [--nodes 20000] [--edges 100000] [--action drag|zoom] [--out profile.cpuprofile]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/support/chromium.js';
import { buildPage, generateGraph, serve } from './map-bench.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: args } = parseArgs({
  options: {
    nodes: { type: 'string', default: '20000' },
    edges: { type: 'string', default: '100000' },
    action: { type: 'string', default: 'drag' },
    out: { type: 'string' },
  },
});
const graph = generateGraph(Number(args.nodes), Number(args.edges));
const outDir = await mkdtemp(path.join(os.tmpdir(), 'kopru-map-profile-'));
await buildPage(outDir, { minify: false });
const { server, url } = await serve(outDir, JSON.stringify(graph));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('console', (message) => process.stderr.write(`[page] ${message.text()}\n`));
  await page.goto(url);
  await page.waitForFunction('window.kopruBench !== undefined');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const profileLoad = args.action === 'load';
  if (profileLoad) await cdp.send('Profiler.start');
  const load = await page.evaluate('window.kopruBench.load("/graph.json")');
  process.stderr.write(`load ${JSON.stringify(load)}\n`);
  await page.waitForTimeout(800);
  if (!profileLoad) {
    await cdp.send('Profiler.start');
    await page.evaluate('window.kopruBench.startRecording()');
    if (args.action === 'zoom') {
      await page.mouse.move(640, 360);
      for (let i = 0; i < 20; i++) {
        await page.mouse.wheel(0, i < 10 ? -120 : 120);
        await page.waitForTimeout(30);
      }
      await page.waitForTimeout(400);
    } else {
      await page.mouse.move(640, 360);
      await page.mouse.down();
      for (let i = 1; i <= 40; i++)
        await page.mouse.move(
          640 + 250 * Math.sin((i / 40) * Math.PI * 2),
          360 + 80 * Math.sin((i / 40) * Math.PI * 2),
        );
      await page.mouse.up();
    }
    const frames = await page.evaluate<{ frames: number[] }>('window.kopruBench.stopRecording()');
    const sorted = [...frames.frames].sort((a, b) => a - b);
    process.stderr.write(
      `frames ${frames.frames.length}, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms\n`,
    );
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  if (args.out) await writeFile(args.out, JSON.stringify(profile));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const time = (self.get(node.id) ?? 0) / 1000;
    total += time;
    const name = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber}`;
    byName.set(name, (byName.get(name) ?? 0) + time);
  }
  console.log(`total sampled ${total.toFixed(0)} ms; top self time:`);
  [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .forEach(([name, time]) => console.log(`${time.toFixed(1).padStart(9)} ms  ${name}`));
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}
