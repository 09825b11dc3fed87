/**
 * Runs the force layout of the union network in the worker: from the deterministic seed
 * (core/layout seedPositions), a bounded number of ForceAtlas2 iterations, ties weighted by the number
 * of waves they exist in (a lasting partnership pulls harder than a one-off contact).
 */
import { iterationsFor, seedPositions, tidyIsolates, type Positions } from '../core/layout';
import type { UnionGraph } from '../core/network';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

export interface LayoutRun {
  promise: Promise<Positions>;
  cancel(): void;
}

function toPositions(ids: readonly string[], x: Float64Array, y: Float64Array): Positions {
  const positions: Positions = {};
  ids.forEach((id, i) => {
    positions[id] = { x: x[i]!, y: y[i]! };
  });
  return positions;
}

export function seedFor(graph: UnionGraph): Positions {
  return seedPositions(
    graph.mapNodes((id, attributes) => ({ id, group: `${attributes.city ?? ''}|${attributes.kind}` })),
  );
}

export function runForceLayout(
  graph: UnionGraph,
  onProgress: (positions: Positions, fraction: number) => void,
): LayoutRun {
  const ids = graph.nodes().sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const seed = seedFor(graph);
  const x = new Float64Array(ids.map((id) => seed[id]!.x));
  const y = new Float64Array(ids.map((id) => seed[id]!.y));
  const edges = graph.mapEdges((_edge, attributes, source, target) => ({
    source: index.get(source)!,
    target: index.get(target)!,
    weight: Object.keys(attributes.levels).length,
  }));
  const request: LayoutRequest = {
    ids,
    x,
    y,
    sources: Uint32Array.from(edges, (edge) => edge.source),
    targets: Uint32Array.from(edges, (edge) => edge.target),
    weights: Float32Array.from(edges, (edge) => edge.weight),
    iterations: iterationsFor(ids.length),
  };
  const worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });
  let settle: ((positions: Positions) => void) | null = null;
  let fail: ((error: Error) => void) | null = null;
  const promise = new Promise<Positions>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const isolated = (id: string): boolean => graph.degree(id) === 0;
  worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const message = event.data;
    const positions = tidyIsolates(toPositions(ids, message.x, message.y), isolated);
    if (message.type === 'progress') {
      onProgress(positions, message.done / message.total);
      return;
    }
    worker.terminate();
    settle?.(positions);
  };
  worker.onerror = (event) => {
    worker.terminate();
    fail?.(new Error(event.message || 'The layout worker failed'));
  };
  worker.postMessage(request, [request.x.buffer, request.y.buffer]);
  return {
    promise,
    cancel() {
      worker.terminate();
      fail?.(new Error('cancelled'));
    },
  };
}
