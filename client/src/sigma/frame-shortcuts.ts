/**
 * Work sigma 4 does on every frame that the map does not need, skipped (measured with
 * bench/browser/map-profile.ts and map-experiment.ts at 20 000 organizations / 100 000 ties):
 *
 * - **Reducers re-run on every gesture.** Sigma cannot see inside reducers, so it assumes they read
 *   its graph state (isPanning, isZooming, …) and re-runs both on every item whenever that state
 *   flips: each wheel zoom and each drag ran the tie reducer over all 100 000 ties twice and
 *   re-uploaded every tie (most of a 2.5 s zoom frame). Ours read only the map's RenderModel, and
 *   the renderer refreshes explicitly when it changes, so items are re-evaluated only when sigma
 *   marks them dirty (its own hover state).
 * - **The tie frame pass while ties are hidden.** Before drawing ties sigma computes, for every
 *   tie of the graph, where it meets its nodes (one shader pass over all ties, ~90–200 ms at
 *   100 000 ties in software WebGL), also on frames where `hideEdgesOnMove` hides every tie.
 *
 * - **The picking layer while the camera moves.** Every frame draws each organization twice: the
 *   picture and the picking layer (the hidden buffer hover and click read). Nothing can be hovered
 *   or clicked in the middle of a drag or a zoom, so on big maps (`hideEdgesOnMove`) the picking
 *   draw is left out of moving frames; the frame after the movement, which sigma draws anyway to
 *   bring the ties back, fills the picking layer again.
 *
 * Each relies on sigma 4.0 internals and is skipped when they are not found.
 */
interface StyleAnalysis {
  dependency: string;
}

interface SigmaInternals {
  internals?: { nodeStyleAnalysis?: StyleAnalysis };
  edgeStyleAnalysis?: StyleAnalysis;
  edgeFramePass?: { run(...args: unknown[]): void };
  mouseCaptor?: { isMoving?: boolean; draggedEvents?: number; currentWheelDirection?: number };
  getCamera(): { isAnimating(): boolean };
  getSetting(key: 'hideEdgesOnMove'): boolean;
  getRenderParams?: () => { pickingFrameBuffer: unknown };
  scheduleRender?: () => void;
}

/** Sigma's own test in render(): the camera animates, or the mouse drags or wheels. */
function isMoving(internals: SigmaInternals): boolean {
  const captor = internals.mouseCaptor;
  return (
    internals.getCamera().isAnimating() ||
    Boolean(captor?.isMoving) ||
    Boolean(captor?.draggedEvents) ||
    Boolean(captor?.currentWheelDirection)
  );
}

/** Sigma stops re-running the reducers on every item when its graph state changes. */
export function reducersIgnoreGraphState(sigma: object): boolean {
  const internals = sigma as unknown as SigmaInternals;
  const analyses = [internals.internals?.nodeStyleAnalysis, internals.edgeStyleAnalysis];
  if (analyses.some((analysis) => typeof analysis?.dependency !== 'string')) return false;
  for (const analysis of analyses) {
    // Items sigma marks dirty (hovered, dragged) are still re-evaluated.
    if (analysis!.dependency === 'graph-state') analysis!.dependency = 'item-state';
  }
  return true;
}

/** Skips sigma's tie frame pass on frames where no tie is drawn (moving, with `hideEdgesOnMove`). */
export function skipHiddenTiePass(sigma: object): boolean {
  const internals = sigma as unknown as SigmaInternals;
  const pass = internals.edgeFramePass;
  if (!pass || typeof pass.run !== 'function' || !internals.mouseCaptor) return false;
  const run = pass.run;
  pass.run = function (...args: unknown[]) {
    if (isMoving(internals) && internals.getSetting('hideEdgesOnMove')) return;
    run.apply(this, args);
  };
  return true;
}

/**
 * Leaves the picking draw out of moving frames when `hideEdgesOnMove` is on: sigma's programs skip
 * their picking pass when the frame's parameters carry no picking framebuffer.
 */
export function skipPickingWhileMoving(sigma: object): boolean {
  const internals = sigma as unknown as SigmaInternals;
  const params = internals.getRenderParams;
  if (typeof params !== 'function' || typeof internals.scheduleRender !== 'function') return false;
  if (!internals.mouseCaptor) return false;
  let pending: ReturnType<typeof setTimeout> | null = null;
  // A wheel zoom ends without a frame of its own: make sure one is drawn once nothing moves, or the
  // picking layer would stay empty (nothing hoverable) until the next frame.
  const redrawWhenStill = (): void => {
    pending = null;
    if (isMoving(internals)) pending = setTimeout(redrawWhenStill, 100);
    else internals.scheduleRender!();
  };
  internals.getRenderParams = function () {
    const value = params.call(this);
    if (!isMoving(internals) || !internals.getSetting('hideEdgesOnMove')) {
      // This frame fills the picking layer: no extra frame needed.
      if (pending !== null) clearTimeout(pending);
      pending = null;
      return value;
    }
    pending ??= setTimeout(redrawWhenStill, 100);
    return { ...value, pickingFrameBuffer: null };
  };
  return true;
}
