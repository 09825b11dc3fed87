/**
 * The map's Sigma instance: mounted once per union network and killed with it (mountMap returns the
 * only handle, whose `kill` must be called). Appearance comes from the reducers reading the current
 * RenderModel; `update` swaps the model and refreshes, `switchWave` animates a wave change by stepping
 * the model's progress, so ties fade while organizations stay where they are.
 */
import Sigma from 'sigma';
import { extremityArrow, layerFill, pathLine, sdfCircle, sdfSquare } from 'sigma/rendering';
import { animateNodes } from 'sigma/utils';
import { writePositions, type Positions } from '../core/layout';
import type { UnionEdgeAttributes, UnionGraph, UnionNodeAttributes } from '../core/network';
import type { LabelDensity } from '../core/view';
import { rankTies, tieLimit } from './level-of-detail';
import { createTieView } from './tie-view';
import {
  dropScheduledFrame,
  movePictureWhileMoving,
  PICTURE_MOVED,
  reducersIgnoreGraphState,
  skipHiddenTiePass,
  skipPickingWhileMoving,
} from './frame-shortcuts';
import { patchPrograms } from './plain-draws';
import { refreshPlan } from './highlight-refresh';
import { changedLabels, placeLabels, SPOTLIGHT_PRIORITY, type LabelCandidate } from './labels';
import { EMPTY_MODEL, LABEL_SIZE, reduceEdge, reduceNode, type RenderModel } from './reducers';
import { LABEL_PRESETS, mapSettings } from './settings';

export interface MapEvents {
  onHover(node: string | null): void;
  onClick(node: string | null): void;
  /** Pixels of the map covered by overlays (legend on the left, zoom buttons on the right). */
  insets(): { left: number; right: number };
}

export interface MapHandle {
  sigma: Sigma<UnionNodeAttributes, UnionEdgeAttributes>;
  update(model: RenderModel): void;
  /** Animates from the model's previousWave to its wave. */
  animateSwitch(model: RenderModel, duration?: number): void;
  setLabelDensity(labels: LabelDensity): void;
  setPositions(positions: Positions, animate: boolean): void;
  /** Centres the organization with its partners in the shown wave(s). */
  focusNode(node: string): void;
  /** Pans (without zooming) when the organization is hidden under an overlay or off the map. */
  ensureVisible(node: string): void;
  fitNodes(nodes: readonly string[], animate?: boolean): void;
  resetCamera(animate?: boolean): void;
  zoom(direction: 'in' | 'out'): void;
  /** Moves the view by a fraction of its width and height (keyboard panning). */
  panBy(dx: number, dy: number): void;
  /** Draws a dashed line between two organizations (a suggested introduction); null clears it. */
  setPairLine(pair: readonly [string, string] | null): void;
  kill(): void;
}

const SWITCH_MS = 800;
// Our overlap-free label placement measures every label on each camera stop: fine up to a few
// thousand organizations; beyond that sigma's own label grid decides.
const LABEL_PLACEMENT_LIMIT = 3000;
const LABEL_FONT = `${LABEL_SIZE}px sans-serif`;
const EMPHASIS_PRIORITY = 1e6;

/** Air around labels and how many at most, per density preset. */
const PLACEMENT: Record<LabelDensity, { padding: number; limit: number }> = {
  few: { padding: 10, limit: 12 },
  normal: { padding: 4, limit: 60 },
  many: { padding: 1, limit: Number.POSITIVE_INFINITY },
};
// Zoomed out, about this many ties are drawn at most (level-of-detail.ts); zoomed in, all of them.
const TIE_BUDGET = 25_000;
// Above this many ties an animated switch costs more frames than it is worth.
const ANIMATION_EDGE_LIMIT = 20_000;

/**
 * An SVG line over the canvas between two points (viewport pixels): the suggested introduction. An
 * overlay rather than a tie in the graph, so the graph keeps only reported ties and nothing is
 * re-indexed; redrawn after every frame.
 */
function createPairLine(container: HTMLElement): {
  show(a: { x: number; y: number }, b: { x: number; y: number }): void;
  hide(): void;
  remove(): void;
} {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'pair-line');
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset.testid = 'pair-line';
  const line = document.createElementNS(NS, 'line');
  svg.append(line);
  svg.style.display = 'none';
  container.append(svg);
  return {
    show(a, b) {
      line.setAttribute('x1', a.x.toFixed(1));
      line.setAttribute('y1', a.y.toFixed(1));
      line.setAttribute('x2', b.x.toFixed(1));
      line.setAttribute('y2', b.y.toFixed(1));
      svg.style.display = '';
    },
    hide() {
      svg.style.display = 'none';
    },
    remove() {
      svg.remove();
    },
  };
}

export function mountMap(
  container: HTMLElement,
  graph: UnionGraph,
  labels: LabelDensity,
  events: MapEvents,
  /**
   * The first picture. Sigma indexes the whole graph when it is created: with the model already
   * there, that first pass is the one drawn, instead of a pass of an empty picture followed by a
   * full refresh (which doubled the time to first frame on big graphs).
   */
  initial: RenderModel = EMPTY_MODEL,
): MapHandle {
  let model: RenderModel = initial;
  // While a switch animates, later updates (hover, metrics arriving) change its target, not its clock.
  let target: RenderModel = initial;
  let switching: {
    start: number;
    duration: number;
    previousWave: string;
    previousSizes: RenderModel['previousSizes'];
  } | null = null;
  let frame: number | null = null;
  let stopNodeAnimation: (() => void) | null = null;
  const large = graph.size > ANIMATION_EDGE_LIMIT;
  // Above the same tie count a full refresh costs a visible pause (about 0.1 s at 10 000 ties, seconds
  // at 100 000 in software WebGL): the highlight outlines the neighbourhood instead of fading the
  // rest, so a hover redraws only the items around it (highlight-refresh.ts).
  const focus: RenderModel['focus'] = large ? 'outline' : 'fade';
  model = { ...model, focus };
  target = model;
  let density: LabelDensity = labels;
  let placed: ReadonlySet<string> | null = null;
  const measureContext = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  const measure = (text: string): number => {
    let width = widths.get(text);
    if (width === undefined) {
      if (measureContext) {
        measureContext.font = LABEL_FONT;
        width = measureContext.measureText(text).width;
      } else width = text.length * LABEL_SIZE * 0.55;
      widths.set(text, width);
    }
    return width;
  };

  // Directed mode (the union graph is directed then): ties point from the organization that reported them.
  const arrows = graph.type === 'directed';
  // Level of detail: ties ranked once (strongest first), and the number drawn follows the zoom.
  const tieRanks =
    graph.size > TIE_BUDGET
      ? rankTies(
          graph.mapEdges((edge, attributes) => {
            let strongest = 0;
            for (const wave in attributes.levels) strongest = Math.max(strongest, attributes.levels[wave]!);
            return [edge, strongest] as const;
          }),
        )
      : null;
  // Map order is rank order.
  const rankedTies = tieRanks ? [...tieRanks.keys()] : [];
  let tieRankLimit = tieRanks ? tieLimit(graph.size, 1, TIE_BUDGET) : Number.POSITIVE_INFINITY;
  // Sigma gets only the ties it may draw (tie-view.ts); on small maps, the union graph itself.
  const tieView = tieRanks ? createTieView(graph, rankedTies, tieRankLimit) : null;
  tieView?.addTiesOf(model.spotlight);
  const shown = tieView?.graph ?? graph;
  const HIDDEN_TIE = { visibility: 'hidden' } as const;
  // Created on an empty copy of the graph: its programs are rewritten (plain-draws.ts) before the
  // real graph is indexed, once, by setGraph below.
  const sigma = new Sigma<UnionNodeAttributes, UnionEdgeAttributes>(graph.nullCopy(), container, {
    primitives: {
      nodes: { shapes: [sdfCircle(), sdfSquare({ cornerRadius: 0.15 })], layers: [layerFill()] },
      // Straight ties only: the networks have no self-ties, and dropping the default loop path halves
      // the cost of each tie in the edge program (measured with bench/browser/map-bench.ts). The arrow
      // extremity is only compiled in when a tie can have a head.
      edges: arrows ? { paths: [pathLine()], extremities: [extremityArrow()] } : { paths: [pathLine()] },
    },
    settings: mapSettings(labels, { large }),
    nodeReducer: (key, _data, attrs) => reduceNode(model, key, attrs),
    edgeReducer: (key, _data, attrs, _state, _graphState, g) => {
      const source = g.source(key);
      const target = g.target(key);
      if (
        tieRanks !== null &&
        (tieRanks.get(key) ?? 0) >= tieRankLimit &&
        !model.spotlight.has(source) &&
        !model.spotlight.has(target)
      )
        return HIDDEN_TIE;
      return reduceEdge(model, attrs, source, target, arrows);
    },
  });
  const plain = patchPrograms(sigma);
  reducersIgnoreGraphState(sigma);
  skipHiddenTiePass(sigma);
  skipPickingWhileMoving(sigma);
  // Big maps: a moving camera moves the last picture; the map is redrawn when it stops.
  if (large && movePictureWhileMoving(sigma)) container.dataset.pictureMoves = 'true';
  container.dataset.plainDraws = `${plain.nodes ? 'nodes' : ''}${plain.edges ? ' ties' : ''}`.trim();
  // Sigma 4.0's index of parallel ties keeps the graph sigma was created with (setGraph does not
  // replace it), and ties added later (tie-view.ts) are looked up there: point it at the real graph.
  const groups = (sigma as unknown as { edgeGroups?: { graph?: unknown } }).edgeGroups;
  if (groups && 'graph' in groups) groups.graph = shown;

  // After the camera stops: draw more ties when zoomed in, fewer when zoomed out (one refresh per
  // change of the share, which is quantized to powers of two).
  let detailTimer: ReturnType<typeof setTimeout> | null = null;
  const updateDetail = (): void => {
    if (tieRanks === null) return;
    if (detailTimer !== null) clearTimeout(detailTimer);
    detailTimer = setTimeout(() => {
      detailTimer = null;
      const limit = tieLimit(graph.size, sigma.getCamera().getState().ratio, TIE_BUDGET);
      if (limit === tieRankLimit) return;
      // Only the ties ranked between the old and the new limit change: re-run the reducer for those
      // and rewrite them in place (no re-indexing of the other ties).
      const changed = rankedTies.slice(
        Math.min(limit, tieRankLimit),
        Math.min(Math.max(limit, tieRankLimit), rankedTies.length),
      );
      const raised = limit > tieRankLimit;
      tieRankLimit = limit;
      container.dataset.tieLimit = String(limit);
      // Ties new to the view are indexed by sigma as they are added (graph events); ties it already
      // had are re-reduced in place.
      const present = changed.filter((edge) => shown.hasEdge(edge));
      if (raised) tieView!.growTo(limit);
      if (present.length > 0) sigma.refresh({ partialGraph: { edges: present }, skipIndexation: true });
    }, 300);
  };
  if (tieRanks !== null) container.dataset.tieLimit = String(tieRankLimit);
  sigma.getCamera().on('updated', updateDetail);

  const pairLine = createPairLine(container);
  let pair: readonly [string, string] | null = null;
  const drawPairLine = (): void => {
    if (pair === null || !graph.hasNode(pair[0]) || !graph.hasNode(pair[1])) {
      pairLine.hide();
      return;
    }
    const [a, b] = pair.map((id) => {
      const attributes = graph.getNodeAttributes(id);
      return sigma.graphToViewport({ x: attributes.x, y: attributes.y });
    }) as [{ x: number; y: number }, { x: number; y: number }];
    pairLine.show(a, b);
  };
  sigma.on('afterRender', drawPairLine);
  (sigma as unknown as { on(event: string, listener: () => void): void }).on(PICTURE_MOVED, drawPairLine);

  const withLabels = (next: RenderModel): RenderModel => ({ ...next, placedLabels: placed, focus });

  /**
   * Re-reduces only these organizations and ties and redraws. Sigma's partial refresh rewrites them
   * in place but keeps each in the depth layer it had (only its full re-indexation sorts items into
   * layers), so an item that moves to or from 'topEdges' / 'topNodes' is moved here through sigma's
   * own range bookkeeping; without those internals it stays in its old layer (drawn, only not on top).
   */
  const refreshItems = (nodes: string[], edges: string[]): void => {
    const internals = sigma as unknown as {
      updateNodeDepthRanges?: (key: string, from: string, to: string) => void;
      updateEdgeDepthRanges?: (key: string, from: string, to: string) => void;
    };
    const nodeDepths = nodes.map((node) => sigma.getNodeDisplayData(node)?.depth);
    const edgeDepths = edges.map((edge) => sigma.getEdgeDisplayData(edge)?.depth);
    // Scheduled: the depth ranges must be right before the frame is drawn.
    sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true, schedule: true });
    nodes.forEach((node, i) => {
      const before = nodeDepths[i];
      const after = sigma.getNodeDisplayData(node)?.depth;
      if (before && after && before !== after)
        internals.updateNodeDepthRanges?.call(sigma, node, before, after);
    });
    edges.forEach((edge, i) => {
      const before = edgeDepths[i];
      const after = sigma.getEdgeDisplayData(edge)?.depth;
      if (before && after && before !== after)
        internals.updateEdgeDepthRanges?.call(sigma, edge, before, after);
    });
  };

  const placeVisibleLabels = (): void => {
    if (graph.order > LABEL_PLACEMENT_LIMIT || !model.labels) {
      placed = null;
      return;
    }
    const candidates: LabelCandidate[] = [];
    graph.forEachNode((id, attributes) => {
      const spotlit = model.spotlight.has(id);
      const faded =
        (model.passes !== null && !model.passes.has(id)) ||
        (model.focus === 'fade' && model.emphasis !== null && !model.emphasis.has(id));
      if (faded && !spotlit) return;
      const size = model.sizes.get(id) ?? 5;
      const point = sigma.graphToViewport({ x: attributes.x, y: attributes.y });
      candidates.push({
        id,
        x: point.x,
        y: point.y,
        radius: sigma.scaleSize(size),
        width: measure(attributes.name),
        height: LABEL_SIZE + 2,
        // Partners of the hovered or selected organization come next: that is what the user looks at.
        priority: spotlit ? SPOTLIGHT_PRIORITY : model.emphasis !== null ? EMPHASIS_PRIORITY + size : size,
      });
    });
    const { padding, limit } = PLACEMENT[density];
    placed = placeLabels(candidates, sigma.getDimensions(), padding, limit + model.spotlight.size);
  };

  let labelTimer: ReturnType<typeof setTimeout> | null = null;
  const relabel = (): void => {
    // Above the placement limit sigma's label grid decides and nothing here changes: a refresh would
    // re-run every reducer and re-upload every tie (it was most of a frame while panning at 20 000).
    if (graph.order > LABEL_PLACEMENT_LIMIT && placed === null) return;
    if (labelTimer !== null) clearTimeout(labelTimer);
    labelTimer = setTimeout(() => {
      labelTimer = null;
      const before = placed;
      placeVisibleLabels();
      const changed = changedLabels(before, placed, graph);
      if (changed.length === 0) return;
      model = withLabels(model);
      target = withLabels(target);
      // Only label visibility changed: re-run the node reducer for those nodes, leave ties alone.
      sigma.refresh({ partialGraph: { nodes: changed }, skipIndexation: true });
    }, 120);
  };
  sigma.getCamera().on('updated', relabel);
  shown.on('eachNodeAttributesUpdated', relabel);
  sigma.on('resize', relabel);

  sigma.on('enterNode', ({ node }) => events.onHover(node));
  sigma.on('leaveNode', () => events.onHover(null));
  sigma.on('clickNode', ({ node }) => events.onClick(node));
  sigma.on('clickStage', () => events.onClick(null));

  const cancelFrame = (): void => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    switching = null;
  };

  const settled = (next: RenderModel): RenderModel => ({
    ...next,
    previousWave: null,
    previousSizes: null,
    progress: 1,
  });

  const step = (now: number): void => {
    if (!switching) return;
    const progress = Math.min(1, (now - switching.start) / switching.duration);
    model =
      progress >= 1
        ? settled(target)
        : {
            ...target,
            previousWave: switching.previousWave,
            previousSizes: switching.previousSizes,
            progress,
          };
    sigma.refresh();
    if (progress >= 1) {
      switching = null;
      frame = null;
    } else frame = requestAnimationFrame(step);
  };

  const camera = sigma.getCamera();

  /**
   * Moves the camera so `nodes` fill the part of the map no overlay covers. Works in sigma's own
   * coordinate conversions (measured at a reference camera), so no sign or axis convention is assumed.
   */
  interface FitOptions {
    animate: boolean;
    /** Most zoomed in (a single node would otherwise fill the screen). */
    minRatio: number;
    /** Most zoomed out. */
    maxRatio: number;
    /** Leave room for the nodes' labels on the right (small sets of nodes). */
    labels: boolean;
  }

  const freeArea = (): { left: number; top: number; width: number; height: number } => {
    const { width, height } = sigma.getDimensions();
    const PAD = 28;
    const insets = events.insets();
    const left = Math.min(insets.left, width / 2) + PAD;
    const right = Math.min(insets.right, width / 4) + PAD;
    return {
      left,
      top: PAD,
      width: Math.max(80, width - left - right),
      height: Math.max(80, height - 2 * PAD),
    };
  };

  /**
   * Moves the camera so `nodes` fill the part of the map no overlay covers. Works in sigma's own
   * coordinate conversions (measured at a reference camera), so no sign or axis convention is assumed.
   */
  const fit = (nodes: readonly string[], options: FitOptions): void => {
    if (nodes.length === 0) return;
    // The container may just have changed size (the details panel opened): measure it first.
    sigma.resize();
    const { width, height } = sigma.getDimensions();
    if (width === 0 || height === 0) return;
    const area = freeArea();
    const labelRoom = options.labels
      ? Math.min(
          area.width / 2,
          Math.max(...nodes.map((node) => measure(graph.getNodeAttribute(node, 'name')))),
        )
      : 0;
    const reference = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const node of nodes) {
      const attributes = graph.getNodeAttributes(node);
      const point = sigma.graphToViewport({ x: attributes.x, y: attributes.y }, { cameraState: reference });
      x1 = Math.min(x1, point.x);
      y1 = Math.min(y1, point.y);
      x2 = Math.max(x2, point.x);
      y2 = Math.max(y2, point.y);
    }
    const usableWidth = Math.max(60, area.width - labelRoom);
    const ratio = Math.min(
      options.maxRatio,
      Math.max(options.minRatio, (x2 - x1) / usableWidth, (y2 - y1) / area.height),
    );
    const centre = sigma.viewportToFramedGraph(
      { x: (x1 + x2) / 2, y: (y1 + y2) / 2 },
      { cameraState: reference },
    );
    const state = { x: centre.x, y: centre.y, ratio, angle: 0 };
    // Shift so the nodes' centre lands in the middle of the free area rather than of the canvas.
    const target = { x: area.left + usableWidth / 2, y: area.top + area.height / 2 };
    const a = sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 }, { cameraState: state });
    const b = sigma.viewportToFramedGraph(target, { cameraState: state });
    const next = { ...state, x: state.x - (b.x - a.x), y: state.y - (b.y - a.y) };
    if (options.animate) void camera.animate(next, { duration: 500 });
    else camera.setState(next);
  };

  // Positions just changed: refresh first, so sigma's normalization (the graph's extent) is current
  // before the fit converts coordinates with it.
  const fitAll = (animate: boolean): void => {
    sigma.refresh();
    fitAllNow(animate);
  };
  const fitAllNow = (animate: boolean): void =>
    fit(graph.nodes(), { animate, minRatio: 0.05, maxRatio: 4, labels: false });

  const partners = (node: string): string[] => {
    const waves = [model.wave, model.diffFrom].filter((wave): wave is string => wave !== null);
    const result: string[] = [];
    graph.forEachEdge(node, (_edge, attributes, source, target) => {
      if (waves.some((wave) => attributes.levels[wave] !== undefined))
        result.push(source === node ? target : source);
    });
    return result;
  };

  // Indexes the graph and draws the first picture, framed clear of the overlays. The positions are in
  // the graph before the mount (views/map-view.ts), but sigma knows their extent only once it has
  // processed them, inside that first render and before it draws: the camera is set there, and the
  // second frame its move asked for (the same picture again, 0.3–0.6 s at 50 000) is dropped.
  (sigma as unknown as { once(event: string, listener: () => void): void }).once('afterProcess', () =>
    fitAllNow(false),
  );
  sigma.setGraph(shown);
  dropScheduledFrame(sigma);

  return {
    sigma,
    update(next) {
      target = withLabels(next);
      relabel();
      if (switching) return;
      const previous = model;
      model = settled(target);
      // Ties of the hovered or selected organization are drawn whatever the zoom: sigma must have them.
      const added = tieView?.addTiesOf(model.spotlight);
      const plan = refreshPlan(previous, model, shown);
      container.dataset.lastRefresh = plan.kind;
      if (plan.kind === 'full') sigma.refresh();
      else if (plan.kind === 'partial')
        refreshItems(plan.nodes, added?.size ? plan.edges.filter((edge) => !added.has(edge)) : plan.edges);
    },
    animateSwitch(next, duration = SWITCH_MS) {
      cancelFrame();
      relabel();
      next = withLabels(next);
      target = next;
      if (large || duration <= 0 || next.previousWave === null) {
        model = settled(next);
        tieView?.addTiesOf(model.spotlight);
        sigma.refresh();
        return;
      }
      switching = {
        start: performance.now(),
        duration,
        previousWave: next.previousWave,
        previousSizes: next.previousSizes,
      };
      model = { ...next, progress: 0 };
      sigma.refresh();
      frame = requestAnimationFrame(step);
    },
    setLabelDensity(next) {
      density = next;
      sigma.setSettings(LABEL_PRESETS[next]);
      relabel();
    },
    setPositions(positions, animate) {
      stopNodeAnimation?.();
      stopNodeAnimation = null;
      if (!animate) {
        writePositions(shown, positions);
        fitAll(false);
        return;
      }
      stopNodeAnimation = animateNodes(shown, positions, { duration: 700 }, () => {
        stopNodeAnimation = null;
        fitAll(true);
      });
    },
    focusNode(node) {
      if (!graph.hasNode(node)) return;
      fit([node, ...partners(node)], { animate: true, minRatio: 0.15, maxRatio: 1, labels: true });
    },
    ensureVisible(node) {
      if (!graph.hasNode(node)) return;
      sigma.resize();
      const area = freeArea();
      const attributes = graph.getNodeAttributes(node);
      const point = sigma.graphToViewport({ x: attributes.x, y: attributes.y });
      const labelEnd = point.x + measure(attributes.name) + 16;
      const inside =
        point.x >= area.left &&
        labelEnd <= area.left + area.width &&
        point.y >= area.top &&
        point.y <= area.top + area.height;
      if (inside) return;
      const state = camera.getState();
      // Node and label together, centred when they fit, else starting at the free area's left edge.
      const span = measure(attributes.name) + 16;
      const target = { x: area.left + Math.max(12, (area.width - span) / 2), y: area.top + area.height / 2 };
      const a = sigma.viewportToFramedGraph(point);
      const b = sigma.viewportToFramedGraph(target);
      void camera.animate(
        { ...state, x: state.x + (a.x - b.x), y: state.y + (a.y - b.y) },
        { duration: 400 },
      );
    },
    fitNodes(nodes, animate = true) {
      fit(
        nodes.filter((node) => graph.hasNode(node)),
        { animate, minRatio: 0.15, maxRatio: 2, labels: true },
      );
    },
    resetCamera(animate = true) {
      fitAll(animate);
    },
    zoom(direction) {
      void (direction === 'in' ? camera.zoomIn({ duration: 250 }) : camera.zoomOut({ duration: 250 }));
    },
    panBy(dx, dy) {
      const { width, height } = sigma.getDimensions();
      const state = camera.getState();
      const a = sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 });
      const b = sigma.viewportToFramedGraph({ x: width / 2 + dx * width, y: height / 2 + dy * height });
      void camera.animate(
        { ...state, x: state.x + (b.x - a.x), y: state.y + (b.y - a.y) },
        { duration: 150 },
      );
    },
    setPairLine(next) {
      pair = next;
      drawPairLine();
    },
    kill() {
      if (detailTimer !== null) clearTimeout(detailTimer);
      pairLine.remove();
      cancelFrame();
      if (labelTimer !== null) clearTimeout(labelTimer);
      shown.off('eachNodeAttributesUpdated', relabel);
      stopNodeAnimation?.();
      sigma.kill();
    },
  };
}
