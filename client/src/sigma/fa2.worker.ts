/**
 * ForceAtlas2 off the main thread. graphology-layout-forceatlas2/worker keeps iterating until told to
 * stop, so its result depends on timing; this worker runs a fixed number of iterations instead (same
 * input, same output) and reports progress between chunks so the map can show the layout settling.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

const CHUNK = 25;

function post(message: LayoutResponse, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(message, transfer);
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { ids, x, y, sources, targets, weights, iterations } = event.data;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  ids.forEach((id, i) => graph.addNode(id, { x: x[i], y: y[i] }));
  for (let i = 0; i < sources.length; i++) {
    const source = ids[sources[i]!]!;
    const target = ids[targets[i]!]!;
    if (!graph.hasEdge(source, target)) graph.addEdge(source, target, { weight: weights[i] });
  }
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    // Barnes–Hut only pays off on big graphs; below that it is slower and less exact.
    barnesHutOptimize: ids.length > 2000,
    adjustSizes: false,
  };
  let done = 0;
  while (done < iterations) {
    const step = Math.min(CHUNK, iterations - done);
    forceAtlas2.assign(graph, { iterations: step, settings, getEdgeWeight: 'weight' });
    done += step;
    if (done < iterations) {
      const px = new Float64Array(ids.length);
      const py = new Float64Array(ids.length);
      ids.forEach((id, i) => {
        px[i] = graph.getNodeAttribute(id, 'x') as number;
        py[i] = graph.getNodeAttribute(id, 'y') as number;
      });
      post({ type: 'progress', done, total: iterations, x: px, y: py }, [px.buffer, py.buffer]);
    }
  }
  const fx = new Float64Array(ids.length);
  const fy = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    fx[i] = graph.getNodeAttribute(id, 'x') as number;
    fy[i] = graph.getNodeAttribute(id, 'y') as number;
  });
  post({ type: 'done', x: fx, y: fy }, [fx.buffer, fy.buffer]);
};
