/**
 * Browser side of bench/browser/map-bench.ts: loads a generated graph into the map's own renderer
 * (sigma/renderer.ts: the same settings, reducers and label handling as the app) and measures time to
 * first render and frame times while the camera moves. Driven from Node through `window.kopruBench`.
 */
import type { SerializedGraph } from '../src/api/types';
import { buildUnionGraph, type UnionGraph } from '../src/core/network';
import { colorNodes } from '../src/sigma/colors';
import { PICTURE_MOVED } from '../src/sigma/frame-shortcuts';
import { mountMap, type MapHandle } from '../src/sigma/renderer';
import { EMPTY_MODEL, type RenderModel } from '../src/sigma/reducers';

interface BenchGraph {
  ids: string[];
  x: number[];
  y: number[];
  kinds: number[];
  sizes: number[];
  /** source index, target index, level (wave a), level (wave b, 0 = absent) */
  edges: number[];
}

export interface LoadTimings {
  nodes: number;
  edges: number;
  fetchMs: number;
  buildMs: number;
  /** From creating the renderer to the end of its first drawn frame. */
  firstRenderMs: number;
  /** From the page asking for the data to the first drawn frame. */
  totalMs: number;
}

/** One wave of the benchmark graph in the API's shape; `slot` is the level's place in `edges`. */
function serialized(data: BenchGraph, wave: string, slot: number): SerializedGraph {
  const edges: SerializedGraph['edges'] = [];
  for (let i = 0; i < data.edges.length; i += 4) {
    const level = data.edges[i + slot]!;
    if (level > 0)
      edges.push({
        source: data.ids[data.edges[i]!]!,
        target: data.ids[data.edges[i + 1]!]!,
        attributes: { level },
      });
  }
  return {
    attributes: { wave, mode: 'undirected', datasetVersion: 1, synthetic: true },
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: data.ids.map((id, i) => ({
      key: id,
      attributes: {
        name: `Organization ${id}`,
        kind: data.kinds[i] === 1 ? 'institution' : 'ngo',
        type: null,
        city: null,
        district: null,
        focus: [],
        refugeeLed: null,
      } as SerializedGraph['nodes'][number]['attributes'],
    })),
    edges,
  };
}

let map: MapHandle | null = null;
let baseModel: RenderModel = EMPTY_MODEL;
/** Every frame that showed something new: drawn, or the last picture moved. */
const renders: number[] = [];
/** Frames sigma drew. */
const redraws: number[] = [];
let released = 0;

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

async function load(url: string): Promise<LoadTimings> {
  const start = performance.now();
  const data = (await (await fetch(url)).json()) as BenchGraph;
  // The two waves as the API sends them (GET /api/graph?wave=…): what the app has when data arrives.
  const waves = (['a', 'b'] as const).map((wave, w) => ({ wave, graph: serialized(data, wave, 2 + w) }));
  const fetched = performance.now();
  // As the app does (core/network, views/map-view.ts): the union graph, then the cached layout's
  // positions written into it before the renderer is created.
  const graph: UnionGraph = buildUnionGraph(waves, 'undirected');
  data.ids.forEach((id, i) => {
    const attributes = graph.getNodeAttributes(id);
    attributes.x = data.x[i]!;
    attributes.y = data.y[i]!;
  });
  const built = performance.now();
  const container = document.getElementById('map')!;
  const sizes = new Map(data.ids.map((id, i) => [id, data.sizes[i]!]));
  const firstFrame = new Promise<number>((resolve) => {
    const started = performance.now();
    // As the app does (views/map-view.ts): the first model goes in with the mount.
    const model = { ...EMPTY_MODEL, wave: 'b', colors: colorNodes(graph, 'kind', new Map()).colors, sizes };
    baseModel = model;
    map = mountMap(
      container,
      graph,
      'normal',
      {
        onHover: () => undefined,
        onClick: () => undefined,
        insets: () => ({ left: 0, right: 0 }),
      },
      model,
    );
    // Sigma draws its first frame inside its constructor.
    resolve(performance.now() - started);
    map.sigma.on('afterRender', () => {
      renders.push(performance.now());
      redraws.push(performance.now());
    });
    // Big maps move the last picture while the camera moves (sigma/frame-shortcuts.ts): a frame too.
    (map.sigma as unknown as { on(event: string, listener: () => void): void }).on(PICTURE_MOVED, () =>
      renders.push(performance.now()),
    );
  });
  const firstRenderMs = await firstFrame;
  await nextFrame();
  return {
    nodes: graph.order,
    edges: graph.size,
    fetchMs: fetched - start,
    buildMs: built - fetched,
    firstRenderMs,
    totalMs: performance.now() - start,
  };
}

/**
 * Starts recording frame times until `stop`: the time between an animation frame and the previous
 * one, for the frames in which the map was redrawn (idle frames with nothing new to draw would only
 * dilute the figure).
 */
function record(): { stop(): { frames: number[]; renders: number } } {
  const frames: number[] = [];
  let last = performance.now();
  let seenRenders = renders.length;
  let running = true;
  const renderStart = renders.length;
  const tick = (now: number): void => {
    if (renders.length !== seenRenders) frames.push(now - last);
    seenRenders = renders.length;
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      return { frames, renders: renders.length - renderStart };
    },
  };
}

/** Pans the camera programmatically for `frames` frames (ties stay drawn: the worst case). */
async function panCamera(frames: number): Promise<{ frames: number[]; renders: number }> {
  const camera = map!.sigma.getCamera();
  const recording = record();
  const start = camera.getState();
  for (let i = 0; i < frames; i++) {
    camera.setState({ x: start.x + 0.3 * Math.sin((i / frames) * Math.PI * 2), y: start.y });
    await nextFrame();
  }
  return recording.stop();
}

/** Zooms in and out programmatically for `frames` frames. */
async function zoomCamera(frames: number): Promise<{ frames: number[]; renders: number }> {
  const camera = map!.sigma.getCamera();
  const recording = record();
  for (let i = 0; i < frames; i++) {
    camera.setState({ ratio: 1 - 0.7 * Math.sin((i / frames) * Math.PI) });
    await nextFrame();
  }
  camera.setState({ ratio: 1 });
  return recording.stop();
}

/** The model with `id` hovered: spotlit, its partners in the shown wave emphasised. */
function hoverModel(id: string | null): RenderModel {
  const graph = map!.sigma.getGraph();
  if (id === null || !graph.hasNode(id)) return baseModel;
  const inWave: string[] = [];
  graph.forEachEdge(id, (_edge, attributes, source, target) => {
    if (attributes.levels.b !== undefined) inWave.push(source === id ? target : source);
  });
  return { ...baseModel, spotlight: new Set([id]), emphasis: new Set([id, ...inWave]) };
}

/**
 * Hovers each organization in turn, then leaves it, as the app does (views/map-view.ts builds the
 * model with the organization spotlit and its partners in the shown wave emphasised; sigma/model.ts):
 * the time from the update to the end of the next animation frame after the map was redrawn, for
 * every enter and every leave.
 */
async function hoverNodes(ids: readonly string[]): Promise<{ times: number[]; updates: number[] }> {
  const handle = map!;
  const graph = handle.sigma.getGraph();
  const times: number[] = [];
  // The renderer's own work (choosing and re-reducing the items), without drawing the frame.
  const updates: number[] = [];
  const measureUpdate = async (model: RenderModel): Promise<void> => {
    const before = renders.length;
    const start = performance.now();
    handle.update(model);
    updates.push(performance.now() - start);
    // A refresh draws at once or schedules a frame: wait for the drawn frame, then for the frame
    // after it (the browser shows what was drawn).
    while (renders.length === before) await nextFrame();
    await nextFrame();
    times.push(performance.now() - start);
  };
  for (const id of ids) {
    if (!graph.hasNode(id)) continue;
    await measureUpdate(hoverModel(id));
    await measureUpdate(baseModel);
  }
  return { times, updates };
}

let external: ReturnType<typeof record> | null = null;

(window as unknown as { kopruBench: unknown }).kopruBench = {
  load,
  panCamera,
  zoomCamera,
  hoverNodes,
  /** Hovers one organization (null: none) and leaves it so, for looking at the picture. */
  hover: (id: string | null) => map!.update(hoverModel(id)),
  /** For input driven from outside (mouse drags): start and stop recording frames. */
  startRecording: () => {
    external = record();
  },
  stopRecording: () => external?.stop() ?? { frames: [], renders: 0 },
  kill: () => map?.kill(),
  /** For experiments (bench/browser/map-experiment.ts): the mounted map's Sigma instance. */
  sigma: () => map?.sigma,
  /** Called as the mouse is released after a drag. */
  markRelease(): void {
    released = performance.now();
  },
  /**
   * From the release to the end of the last frame sigma drew within `window` ms of it: the full
   * redraw once the camera stops (0 when nothing was drawn after the release).
   */
  async redrawAfterRelease(window = 2000): Promise<number> {
    while (performance.now() - released < window) await nextFrame();
    const last = redraws.filter((time) => time >= released).pop();
    return last === undefined ? 0 : last - released;
  },
  /** Ties drawn now (level of detail: fewer when zoomed out on big graphs). */
  drawnTies(): number {
    const sigma = map!.sigma;
    let drawn = 0;
    sigma.getGraph().forEachEdge((edge) => {
      if (sigma.getEdgeDisplayData(edge)?.visibility !== 'hidden') drawn++;
    });
    return drawn;
  },
  setRatio(ratio: number): void {
    map!.sigma.getCamera().setState({ ratio });
  },
  /** For experiments: change sigma settings of the mounted map. */
  setSettings: (settings: Record<string, unknown>) => map?.sigma.setSettings(settings),
  /** Time of `count` renders forced one after another (no frame pacing). */
  renderCost(count: number): number {
    const camera = map!.sigma.getCamera();
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      camera.setState({ x: camera.x + 0.001 });
      map!.sigma.refresh({ skipIndexation: true, partialGraph: { nodes: [] } });
      // Wait for the GPU: reading one pixel cannot return before the frame is drawn.
      const gl = map!.sigma.getWebGLContext();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    }
    return (performance.now() - start) / count;
  },
};
