/**
 * Browser benchmark of the map (not a test): the demo bundle and generated networks of 2 000 / 10 000,
 * 20 000 / 100 000 and 50 000 / 250 000 organizations / ties (communities laid out in clusters, two
 * waves), each drawn by a page with the app's own renderer; measures in headless Chromium the time from
 * data to first frame, the first render, and frame times while panning (mouse drag, as a user does;
 * and camera moves with every tie drawn) and zooming (mouse wheel), and the time from hovering or
 * leaving an organization to the next drawn frame. Prints one table.
 *
 *   npx tsx bench/browser/map-bench.ts [--sizes demo,2000x10000,…] [--nodes N --edges M] [--runs 1] [--frames 20]
 *
 * Headless Chromium renders WebGL in software (SwiftShader) here: a desktop GPU does better.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
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

/**
 * The demo bundle (data/demo) in the benchmark's shape: its organizations and ties (pre, post), laid
 * out on the same community rings (the app computes a force layout; positions do not change the cost).
 */
export async function demoGraph(): Promise<BenchGraph> {
  const { parse } = await import('csv-parse/sync');
  const read = async (file: string): Promise<Record<string, string>[]> =>
    parse(await readFile(path.join(ROOT, 'data', 'demo', file), 'utf8'), { columns: true, bom: true });
  const organizations = await read('organizations.csv');
  const ties = await read('ties.csv');
  const base = generateGraph(organizations.length, 0);
  const index = new Map(organizations.map((org, i) => [org.id!, i]));
  const pairs = new Map<string, [number, number, number, number]>();
  for (const tie of ties) {
    const a = index.get(tie.source!)!;
    const b = index.get(tie.target!)!;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    const entry = pairs.get(key) ?? [a, b, 0, 0];
    const slot = tie.wave === 'pre' ? 2 : 3;
    entry[slot] = Math.max(entry[slot], Number(tie.level ?? 1));
    pairs.set(key, entry);
  }
  // The bench page's first wave must hold the tie: ties only in post get level 0 in pre (absent).
  const edges = [...pairs.values()].flatMap(([a, b, pre, post]) => [a, b, pre || post, post]);
  return {
    ...base,
    ids: organizations.map((org) => org.id!),
    kinds: organizations.map((org) => (org.kind === 'institution' ? 1 : 0)),
    edges,
  };
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

export async function serve(
  folder: string,
  graphJson: string | (() => string),
): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graph.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(typeof graphJson === 'string' ? graphJson : graphJson());
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
): Promise<{ frames: number[]; redrawMs: number; inPlace: boolean }> {
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
  await page.evaluate('window.kopruBench.markRelease()');
  await page.mouse.up();
  const { frames } = await page.evaluate<{ frames: number[] }>('window.kopruBench.stopRecording()');
  const redrawMs = await page.evaluate<number>('window.kopruBench.redrawAfterRelease()');
  // After the redraw the canvas is back in place (no picture left moved or scaled).
  const inPlace = await page.evaluate<boolean>(
    `[...window.kopruBench.sigma().getContainer().querySelectorAll('canvas')].every((c) => !c.style.transform)`,
  );
  return { frames, redrawMs, inPlace };
}

/**
 * Whether an organization can be hovered with the mouse right after a camera move: moving frames
 * leave the picking layer out on big maps (client/src/sigma/frame-shortcuts.ts), so the frame after
 * the move must fill it again.
 */
async function hoverableAfterMove(page: Page): Promise<boolean> {
  await page.waitForTimeout(700);
  const point = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const sigma = window.kopruBench.sigma();
    const box = sigma.getContainer().getBoundingClientRect();
    const { width, height } = sigma.getDimensions();
    for (const node of sigma.getGraph().nodes()) {
      const data = sigma.getNodeDisplayData(node);
      if (!data) continue;
      const p = sigma.framedGraphToViewport(data);
      if (p.x > 50 && p.y > 50 && p.x < width - 50 && p.y < height - 50) {
        window.kopruEntered = null;
        sigma.once('enterNode', (event) => { window.kopruEntered = event.node; });
        return { x: box.left + p.x, y: box.top + p.y };
      }
    }
    return null;
  })()`);
  if (point === null) return false;
  await page.mouse.move(point.x - 3, point.y - 3);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  try {
    await page.waitForFunction('window.kopruEntered !== null', undefined, { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
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

export async function buildPage(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  await build({
    configFile: false,
    root: PAGE_ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: options.minify ?? true,
      rollupOptions: { input: path.join(PAGE_ROOT, 'map-bench.html') },
    },
  });
}

interface SizeResult {
  label: string;
  nodes: number;
  ties: number;
  totalMs: number;
  firstRenderMs: number;
  drag: FrameStats;
  /** From releasing the mouse after the drag to the end of the full redraw. */
  redrawMs: number;
  zoom: FrameStats;
  cameraPan: FrameStats;
  /** Hover (enter and leave) of a few organizations: update → next drawn frame. */
  hover: FrameStats;
}

/** Loads one graph into a fresh page and measures it (the median of `runs` for every figure). */
async function measure(
  browser: Browser,
  url: string,
  label: string,
  graph: BenchGraph,
  options: { runs: number; frames: number; width: number; height: number },
): Promise<SizeResult> {
  const { runs, frames, width, height } = options;
  const results: SizeResult[] = [];
  for (let run = 1; run <= runs; run++) {
    process.stderr.write(`${label}: run ${run}/${runs} …\n`);
    graphBody = JSON.stringify(graph);
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url);
    await page.waitForFunction('window.kopruBench !== undefined');
    const load = await page.evaluate<{
      nodes: number;
      edges: number;
      firstRenderMs: number;
      totalMs: number;
    }>('window.kopruBench.load("/graph.json")');
    process.stderr.write(
      `  first render ${format(load.firstRenderMs)} ms (data → first frame ${format(load.totalMs)} ms)\n`,
    );
    await page.waitForTimeout(500);
    const dragged = await dragPan(page, width, height, frames * 2);
    const drag = frameStats(dragged.frames);
    process.stderr.write(
      `  drag pan: median ${format(drag.median)} ms, p95 ${format(drag.p95)} ms; full redraw ${format(dragged.redrawMs)} ms after the release${dragged.inPlace ? '' : ' — CANVAS LEFT MOVED'}\n`,
    );
    await page.waitForTimeout(500);
    const zoom = frameStats((await wheelZoom(page, width, height, frames)).frames);
    process.stderr.write(`  wheel zoom: median ${format(zoom.median)} ms, p95 ${format(zoom.p95)} ms\n`);
    const hoverable = await hoverableAfterMove(page);
    process.stderr.write(`  hover by mouse after the zoom: ${hoverable ? 'works' : 'NOTHING HOVERED'}\n`);
    const cameraPan = frameStats(
      (await page.evaluate<{ frames: number[] }>(`window.kopruBench.panCamera(${frames})`)).frames,
    );
    process.stderr.write(
      `  camera pan, ties drawn: median ${format(cameraPan.median)} ms, p95 ${format(cameraPan.p95)} ms\n`,
    );
    // Organizations spread over the graph (ids n0…, or the demo's own ids), every one hovered and left.
    const hoverIds = await page.evaluate<string[]>(
      `(() => { const g = window.kopruBench.sigma().getGraph(); const n = g.order; return [0.1, 0.3, 0.5, 0.7, 0.9].map((q) => g.nodes()[Math.floor(q * n)]); })()`,
    );
    const hovered = await page.evaluate<{ times: number[]; updates: number[] }>(
      `window.kopruBench.hoverNodes(${JSON.stringify(hoverIds)})`,
    );
    const hover = frameStats(hovered.times);
    const hoverUpdate = frameStats(hovered.updates);
    process.stderr.write(
      `  hover: median ${format(hover.median)} ms, max ${format(hover.max)} ms (renderer update alone: median ${format(hoverUpdate.median)} ms, max ${format(hoverUpdate.max)} ms)\n`,
    );
    results.push({
      label,
      nodes: load.nodes,
      ties: load.edges,
      totalMs: load.totalMs,
      firstRenderMs: load.firstRenderMs,
      drag,
      redrawMs: dragged.redrawMs,
      zoom,
      cameraPan,
      hover,
    });
    await page.evaluate('window.kopruBench.kill()');
    await page.close();
  }
  const median = (pick: (r: SizeResult) => number): number =>
    quantile(
      results.map(pick).sort((a, b) => a - b),
      0.5,
    );
  const stats = (pick: (r: SizeResult) => FrameStats): FrameStats => ({
    median: median((r) => pick(r).median),
    p95: median((r) => pick(r).p95),
    max: median((r) => pick(r).max),
    fps: median((r) => pick(r).fps),
    frames: median((r) => pick(r).frames),
  });
  return {
    ...results[0]!,
    totalMs: median((r) => r.totalMs),
    firstRenderMs: median((r) => r.firstRenderMs),
    drag: stats((r) => r.drag),
    redrawMs: median((r) => r.redrawMs),
    zoom: stats((r) => r.zoom),
    cameraPan: stats((r) => r.cameraPan),
    hover: stats((r) => r.hover),
  };
}

let graphBody = '{}';

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      // "NODESxTIES" sizes, comma-separated; "demo" is the demo bundle.
      sizes: { type: 'string', default: 'demo,2000x10000,20000x100000,50000x250000' },
      nodes: { type: 'string' },
      edges: { type: 'string' },
      runs: { type: 'string', default: '1' },
      frames: { type: 'string', default: '20' },
      width: { type: 'string', default: '1280' },
      height: { type: 'string', default: '720' },
    },
  });
  const sizes =
    args.nodes !== undefined
      ? [`${args.nodes}x${args.edges ?? Number(args.nodes) * 5}`]
      : args.sizes.split(',');
  const options = {
    runs: Math.max(1, Number(args.runs)),
    frames: Math.max(5, Number(args.frames)),
    width: Number(args.width),
    height: Number(args.height),
  };

  const outDir = await mkdtemp(path.join(os.tmpdir(), 'kopru-map-bench-'));
  process.stderr.write('Building the benchmark page …\n');
  await buildPage(outDir);
  const { server, url } = await serve(outDir, () => graphBody);
  const browser = await launchChromium();
  const rows: SizeResult[] = [];
  try {
    for (const size of sizes) {
      let graph: BenchGraph;
      if (size === 'demo') graph = await demoGraph();
      else {
        const [nodes, ties] = size.split('x').map(Number);
        process.stderr.write(`Generating ${nodes} organizations and ${ties} ties …\n`);
        graph = generateGraph(nodes!, ties!);
      }
      rows.push(await measure(browser, url, size, graph, options));
    }
  } finally {
    await browser.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }

  const header = [
    'graph',
    'nodes',
    'ties',
    'data→first frame',
    'first render',
    'pan median / p95',
    'redraw after pan',
    'zoom median / p95',
    'camera pan, ties drawn',
    'hover median / max',
  ];
  const cells = rows.map((row) => [
    row.label,
    String(row.nodes),
    String(row.ties),
    `${format(row.totalMs)}`,
    `${format(row.firstRenderMs)}`,
    `${format(row.drag.median)} / ${format(row.drag.p95)}`,
    `${format(row.redrawMs)}`,
    `${format(row.zoom.median)} / ${format(row.zoom.p95)}`,
    `${format(row.cameraPan.median)} / ${format(row.cameraPan.p95)}`,
    `${format(row.hover.median)} / ${format(row.hover.max)}`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `\nMap benchmark (ms), ${options.width}×${options.height}, ${options.runs} run(s), headless Chromium (${CHROMIUM}), ${os.cpus().length} cores`,
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  cells.forEach((row) => console.log(line(row)));
  console.log(
    'Pan = mouse drag, zoom = mouse wheel; on big graphs a moving camera moves the last picture and the map is redrawn once it stops ("redraw after pan": from releasing the mouse to the end of that redraw, inertia included). Frame time is the time between animation frames that showed something new, 16.7 ms = 60 fps; hover = from hovering or leaving an organization (5 of them) to the next frame after the redraw.',
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
