/**
 * The map: mounts Sigma on the union network (and kills it when the network or the view goes), lays
 * it out (cached force layout, or grouped by city or kind), and keeps the reducers' model in step
 * with the stores. A wave switch is animated; everything else refreshes at once.
 */
import { h } from '../components/dom';
import { cameraStore } from '../core/camera';
import { dataStore, type Network } from '../core/data';
import { filterStore } from '../core/filters';
import { hover, hoverStore } from '../core/highlight';
import { t } from '../core/i18n';
import {
  groupedPositions,
  layoutCacheKey,
  layoutSignature,
  layoutStore,
  readCachedLayout,
  writeCachedLayout,
  writePositions,
  type Positions,
} from '../core/layout';
import { selectOrganization, viewStore, type LayoutKind } from '../core/view';
import { runForceLayout, seedFor, type LayoutRun } from '../sigma/layout-worker';
import { buildRenderModel } from '../sigma/model';
import { mapKeyAction } from '../sigma/keyboard';
import { mountMap, type MapHandle } from '../sigma/renderer';

/** Above this many ties the layout's intermediate positions are not drawn. */
const LIVE_LAYOUT_TIE_LIMIT = 20_000;

export interface MapView {
  element: HTMLElement;
  handle(): MapHandle | null;
  kill(): void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function positionsFor(layout: LayoutKind, force: Positions, network: Network): Positions {
  const graph = network.graph;
  if (layout === 'city') {
    return groupedPositions(force, (id) => graph.getNodeAttribute(id, 'city') ?? '');
  }
  if (layout === 'kind') {
    return groupedPositions(force, (id) => graph.getNodeAttribute(id, 'kind'), ['ngo', 'institution']);
  }
  return force;
}

export function mountMapView(options: { insets(): { left: number; right: number } }): MapView {
  // Focusable (Tab reaches it): arrow keys pan, + and - zoom, 0 fits the whole network.
  const canvas = h('div', {
    class: 'map-canvas',
    'data-testid': 'map-canvas',
    role: 'application',
    tabindex: '0',
    'aria-roledescription': 'map',
  });
  const labelCanvas = (): void => {
    canvas.setAttribute('aria-label', `${t('map.ariaLabel')} ${t('map.keyboardHint')}`);
  };
  labelCanvas();
  canvas.addEventListener('keydown', (event) => {
    if (!map || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = mapKeyAction(event.key, event.shiftKey);
    if (action === null) return;
    event.preventDefault();
    if (action.kind === 'pan') map.panBy(action.dx, action.dy);
    else if (action.kind === 'zoom') map.zoom(action.direction);
    else map.resetCamera();
  });
  const element = h('div', { class: 'map-view' }, canvas);

  let map: MapHandle | null = null;
  let network: Network | null = null;
  let layoutRun: LayoutRun | null = null;
  let forcePositions: Positions | null = null;
  let shownLayout: LayoutKind | null = null;
  let shownWave: string | null = null;
  let shownDiff: string | null = null;
  let shownLabels = viewStore.get().labels;
  let cameraSeq = cameraStore.get().seq;
  let shownSelected: string | null = viewStore.get().selected;
  let cameraTimer: ReturnType<typeof setTimeout> | null = null;
  // Camera moves wait for the page to settle: opening the details panel resizes the map first.
  const later = (move: () => void): void => {
    if (cameraTimer !== null) clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => {
      cameraTimer = null;
      move();
    }, 120);
  };

  const applyLayout = (animate: boolean): void => {
    if (!map || !network || !forcePositions) return;
    const layout = viewStore.get().layout;
    map.setPositions(positionsFor(layout, forcePositions, network), animate);
    shownLayout = layout;
  };

  const layoutKey = (current: Network): string =>
    layoutCacheKey(current.datasetVersion, layoutSignature(current.graph.nodes(), current.graph.size));

  /**
   * The positions of the first picture, written into the graph before sigma is created: the cached
   * force layout, else the seed the layout will start from. Placing them after the mount cost two
   * more passes of sigma over every item (seconds at 50 000 organizations).
   */
  const placeBeforeMount = (current: Network, layout: LayoutKind): boolean => {
    const cached = readCachedLayout(storage(), layoutKey(current), current.graph.nodes());
    forcePositions = cached ?? seedFor(current.graph);
    if (cached) layoutStore.set({ status: 'ready', positions: cached, fromCache: true });
    const positions = positionsFor(layout, forcePositions, current);
    writePositions(current.graph, positions);
    shownLayout = layout;
    return cached !== null;
  };

  /** Runs the force layout from the seed already on screen, unless a cached one is shown. */
  const startLayout = (current: Network, fromCache: boolean): void => {
    if (fromCache) return;
    const graph = current.graph;
    const key = layoutKey(current);
    layoutStore.set({ status: 'running', progress: 0 });
    layoutRun = runForceLayout(graph, (positions, fraction) => {
      forcePositions = positions;
      // On big graphs every redraw of moved positions re-indexes every tie (seconds in software
      // WebGL): keep the seed on screen and let the progress indicator speak until the layout is done.
      if (viewStore.get().layout === 'force' && graph.size <= LIVE_LAYOUT_TIE_LIMIT)
        map?.setPositions(positions, false);
      layoutStore.set({ status: 'running', progress: fraction });
    });
    layoutRun.promise.then(
      (positions) => {
        layoutRun = null;
        forcePositions = positions;
        writeCachedLayout(storage(), key, positions);
        layoutStore.set({ status: 'ready', positions, fromCache: false });
        applyLayout(false);
      },
      (error: unknown) => {
        layoutRun = null;
        if (error instanceof Error && error.message === 'cancelled') return;
        // The seed is a readable picture on its own: keep it, say so.
        layoutStore.set({ status: 'error', message: String(error), positions: forcePositions ?? {} });
      },
    );
  };

  const teardown = (): void => {
    if (cameraTimer !== null) clearTimeout(cameraTimer);
    cameraTimer = null;
    layoutRun?.cancel();
    layoutRun = null;
    map?.kill();
    map = null;
    network = null;
    forcePositions = null;
    shownWave = null;
    shownDiff = null;
  };

  const sync = (): void => {
    const data = dataStore.get();
    const view = viewStore.get();
    const current = data.network.status === 'ready' ? data.network.data : null;
    if (current === null) return;
    const mounting = current !== network;
    if (mounting) teardown();
    const switching =
      shownWave !== null && view.wave !== shownWave && view.diffFrom === null && shownDiff === null;
    const built = buildRenderModel(
      { data, network: current, view, filters: filterStore.get(), hovered: hoverStore.get() },
      switching ? shownWave : null,
    );
    if (mounting) {
      network = current;
      const fromCache = placeBeforeMount(current, view.layout);
      map = mountMap(
        canvas,
        current.graph,
        view.labels,
        {
          onHover: (node) => hover(node),
          onClick: (node) => selectOrganization(node),
          insets: options.insets,
        },
        built.model,
      );
      shownLabels = view.labels;
      startLayout(current, fromCache);
    }
    if (!map) return;
    if (view.labels !== shownLabels) {
      map.setLabelDensity(view.labels);
      shownLabels = view.labels;
    }
    if (shownLayout !== view.layout) applyLayout(true);

    if (switching) map.animateSwitch(built.model);
    else if (!mounting) map.update(built.model);
    map.setPairLine(view.pair);
    labelCanvas();
    shownWave = view.wave;
    shownDiff = view.diffFrom;
    canvas.dataset.wave = view.wave ?? '';
    canvas.dataset.diff = view.diffFrom ?? '';

    const request = cameraStore.get();
    const handle = map;
    if (request.seq !== cameraSeq) {
      cameraSeq = request.seq;
      later(() => {
        if (request.kind === 'focus' && request.nodes[0]) handle.focusNode(request.nodes[0]);
        else if (request.kind === 'fit') handle.fitNodes(request.nodes);
        else handle.resetCamera();
      });
    } else if (view.selected !== shownSelected && view.selected !== null) {
      const selected = view.selected;
      later(() => handle.ensureVisible(selected));
    }
    shownSelected = view.selected;
  };

  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      sync();
    });
  };
  const unsubscribes = [dataStore, viewStore, filterStore, hoverStore, cameraStore].map((store) =>
    (store as { subscribe(listener: () => void): () => void }).subscribe(schedule),
  );
  schedule();

  // Read-only hook for the end-to-end tests: where an organization is on screen (to click it) and
  // what the renderer draws. Nothing here changes state.
  const testHook = {
    nodeScreenPosition(id: string): { x: number; y: number } | null {
      const graph = network?.graph;
      const sigma = map?.sigma;
      if (!graph || !sigma || !graph.hasNode(id)) return null;
      const attributes = graph.getNodeAttributes(id);
      const point = sigma.graphToViewport({ x: attributes.x, y: attributes.y });
      const box = canvas.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
    layoutStatus: (): string => layoutStore.get().status,
    cameraState: (): { x: number; y: number; ratio: number } | null => {
      const state = map?.sigma.getCamera().getState();
      return state ? { x: state.x, y: state.y, ratio: state.ratio } : null;
    },
    /** The arrowhead sigma draws on the tie source → target ('none' without one); null if no tie. */
    edgeHead(source: string, target: string): string | null {
      const graph = network?.graph;
      const sigma = map?.sigma;
      if (!graph || !sigma) return null;
      const edge = graph.edge(source, target);
      if (edge === undefined) return null;
      return sigma.getEdgeDisplayData(edge)?.head ?? 'none';
    },
    graphType: (): string | null => network?.graph.type ?? null,
  };
  (window as unknown as { __kopruTest?: typeof testHook }).__kopruTest = testHook;

  return {
    element,
    handle: () => map,
    kill() {
      unsubscribes.forEach((unsubscribe) => unsubscribe());
      teardown();
    },
  };
}
