/**
 * Browser benchmark of the map (not a test): generates a network of 20 000 organizations and 100 000
 * ties (communities laid out in clusters, two waves), builds a page that draws it with the app's own
 * renderer, and measures in headless Chromium the time to first render and the frame times while
 * panning (mouse drag, as a user does; and camera moves with every tie drawn) and zooming.
 *
 *   npx tsx bench/browser/map-bench.ts [--nodes 20000] [--edges 100000] [--runs 1] [--frames 30]
 *
 * Headless Chromium renders WebGL in software (SwiftShader) here: a desktop GPU does better.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../../tests/support/chromium.js';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGE_ROOT = path.join(ROOT, 'client', 'bench');

/** mulberry32: small, seeded, good enough to make the same graph every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BenchGraph {
  ids: string[];
  x: number[];
  y: number[];
  kinds: number[];
  sizes: number[];
  edges: number[];
}

/**
 * Communities of ~500 organizations, each a cluster on a ring; 85% of ties inside a community. The
 * positions are given (a precomputed layout), as the map would load them for a graph this size.
 */
export function generateGraph(nodeCount: number, edgeCount: number, seed = 2019): BenchGraph {
  const rand = random(seed);
  const communities = Math.max(1, Math.round(nodeCount / 500));
  const ids: string[] = [];
  const x: number[] = [];
  const y: number[] = [];
  const kinds: number[] = [];
  const community: number[] = [];
  const gaussian = (): number => Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());
  for (let i = 0; i < nodeCount; i++) {
    const c = i % communities;
    const angle = (2 * Math.PI * c) / communities;
    const ring = 100 * Math.sqrt(communities);
    ids.push(`n${i}`);
    x.push(ring * Math.cos(angle) + 12 * gaussian());
    y.push(ring * Math.sin(angle) + 12 * gaussian());
    kinds.push(rand() < 0.35 ? 1 : 0);
    community.push(c);
  }
  const members: number[][] = Array.from({ length: communities }, () => []);
  community.forEach((c, i) => members[c]!.push(i));
  const seen = new Set<string>();
  const edges: number[] = [];
  const degree = new Array<number>(nodeCount).fill(0);
  while (edges.length / 4 < edgeCount) {
    const source = Math.floor(rand() * nodeCount);
    const pool = rand() < 0.85 ? members[community[source]!]! : null;
    const target = pool ? pool[Math.floor(rand() * pool.length)]! : Math.floor(rand() * nodeCount);
    if (source === target) continue;
    const key = source < target ? `${source}-${target}` : `${target}-${source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const level = 1 + Math.floor(rand() * 4);
    // Two waves: 70% of ties exist in the second wave too, some at another level.
    const later = rand() < 0.7 ? Math.min(4, Math.max(1, level + Math.floor(rand() * 3) - 1)) : 0;
    edges.push(source, target, level, later);
    degree[source]!++;
    degree[target]!++;
  }
  const maxDegree = Math.max(...degree);
  const sizes = degree.map((d) => 2.5 + 10.5 * Math.sqrt(d / maxDegree));
  return { ids, x, y, kinds, sizes, edges };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

interface FrameStats {
  median: number;
  p95: number;
  max: number;
  fps: number;
  frames: number;
}

function frameStats(frames: readonly number[]): FrameStats {
  const sorted = [...frames].sort((a, b) => a - b);
  const total = frames.reduce((sum, value) => sum + value, 0);
  return {
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    fps: frames.length > 0 ? (1000 * frames.length) / total : Number.NaN,
    frames: frames.length,
  };
}

export async function serve(folder: string, graphJson: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graph.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(graphJson);
      return;
    }
    const file = path.join(folder, url.pathname === '/' ? 'map-bench.html' : path.normalize(url.pathname));
    if (!file.startsWith(folder)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/` };
}

async function dragPan(
  page: Page,
  width: number,
  height: number,
  steps: number,
): Promise<{ frames: number[] }> {
  await page.evaluate('window.kopruBench.startRecording()');
  const cx = width / 2;
  const cy = height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(
      cx + 250 * Math.sin((i / steps) * Math.PI * 2),
      cy + 80 * Math.sin((i / steps) * Math.PI * 2),
      {
        steps: 1,
      },
    );
  }
  await page.mouse.up();
  return page.evaluate<{ frames: number[] }>('window.kopruBench.stopRecording()');
}

async function wheelZoom(
  page: Page,
  width: number,
  height: number,
  steps: number,
): Promise<{ frames: number[] }> {
  await page.evaluate('window.kopruBench.startRecording()');
  await page.mouse.move(width / 2, height / 2);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, i < steps / 2 ? -120 : 120);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(400);
  return page.evaluate<{ frames: number[] }>('window.kopruBench.stopRecording()');
}

const format = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '–');

export async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: PAGE_ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: path.join(PAGE_ROOT, 'map-bench.html') } },
  });
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      nodes: { type: 'string', default: '20000' },
      edges: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '1' },
      frames: { type: 'string', default: '30' },
      width: { type: 'string', default: '1280' },
      height: { type: 'string', default: '720' },
    },
  });
  const nodes = Number(args.nodes);
  const edges = Number(args.edges);
  const runs = Math.max(1, Number(args.runs));
  const frames = Math.max(5, Number(args.frames));
  const width = Number(args.width);
  const height = Number(args.height);

  process.stderr.write(`Generating ${nodes} organizations and ${edges} ties …\n`);
  const graph = generateGraph(nodes, edges);
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'kopru-map-bench-'));
  process.stderr.write('Building the benchmark page …\n');
  await buildPage(outDir);
  const { server, url } = await serve(outDir, JSON.stringify(graph));
  const browser = await launchChromium();
  const rows: string[][] = [];
  const summary: Record<string, number[]> = {};
  const note = (key: string, value: number): void => {
    (summary[key] ??= []).push(value);
  };
  try {
    for (let run = 1; run <= runs; run++) {
      process.stderr.write(`Run ${run}/${runs} …\n`);
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(url);
      await page.waitForFunction('window.kopruBench !== undefined');
      const load = await page.evaluate<{
        nodes: number;
        edges: number;
        fetchMs: number;
        buildMs: number;
        firstRenderMs: number;
        totalMs: number;
      }>('window.kopruBench.load("/graph.json")');
      process.stderr.write(
        `  first render ${format(load.firstRenderMs)} ms (load → first frame ${format(load.totalMs)} ms)\n`,
      );
      note('first render', load.firstRenderMs);
      note('load to first frame', load.totalMs);
      note('graph build', load.buildMs);
      await page.waitForTimeout(500);
      const drag = frameStats((await dragPan(page, width, height, frames * 2)).frames);
      process.stderr.write(`  drag pan: median ${format(drag.median)} ms, p95 ${format(drag.p95)} ms\n`);
      const pan = frameStats(
        (await page.evaluate<{ frames: number[] }>(`window.kopruBench.panCamera(${frames})`)).frames,
      );
      process.stderr.write(`  camera pan: median ${format(pan.median)} ms, p95 ${format(pan.p95)} ms\n`);
      const zoom = frameStats((await wheelZoom(page, width, height, frames)).frames);
      process.stderr.write(`  wheel zoom: median ${format(zoom.median)} ms, p95 ${format(zoom.p95)} ms\n`);
      for (const [name, stats] of [
        ['drag pan', drag],
        ['camera pan (ties drawn)', pan],
        ['wheel zoom', zoom],
      ] as const) {
        note(`${name} median`, stats.median);
        note(`${name} p95`, stats.p95);
      }
      rows.push([
        String(run),
        format(load.firstRenderMs),
        format(load.totalMs),
        `${format(drag.median)} / ${format(drag.p95)}`,
        `${format(pan.median)} / ${format(pan.p95)}`,
        `${format(zoom.median)} / ${format(zoom.p95)}`,
      ]);
      await page.evaluate('window.kopruBench.kill()');
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }

  const header = [
    'run',
    'first render ms',
    'load→first frame ms',
    'drag pan ms (median / p95)',
    'camera pan, ties drawn',
    'wheel zoom',
  ];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `\nMap benchmark: ${nodes} organizations, ${edges} ties, ${width}×${height}, headless Chromium (${CHROMIUM})`,
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rows.forEach((row) => console.log(line(row)));
  console.log('\nMedians over the runs (ms):');
  for (const [key, values] of Object.entries(summary)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`  ${key.padEnd(32)} ${format(quantile(sorted, 0.5))}`);
  }
  console.log('Frame times are the time between animation frames; 16.7 ms is 60 fps.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
