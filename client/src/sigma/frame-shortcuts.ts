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
 * - **Redrawing at all while the camera moves.** Even without ties a moving frame draws every
 *   organization: 80–200 ms at 20 000–50 000 in software WebGL, so a drag lagged behind the mouse.
 *   On big maps the last picture is moved and scaled instead (a CSS transform of sigma's canvas, as
 *   map tiles are moved while they load) and the map is redrawn once the camera stops. Areas that
 *   come into view stay empty until then.
 *
 * Each relies on sigma 4.0 internals and is skipped when they are not found.
 */
interface StyleAnalysis {
  dependency: string;
}

interface CameraState {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

interface SigmaInternals {
  internals?: { nodeStyleAnalysis?: StyleAnalysis };
  edgeStyleAnalysis?: StyleAnalysis;
  edgeFramePass?: { run(...args: unknown[]): void };
  mouseCaptor?: { isMoving?: boolean; draggedEvents?: number; currentWheelDirection?: number };
  touchCaptor?: { isMoving?: boolean };
  getCamera(): { isAnimating(): boolean; getState(): CameraState };
  getSetting(key: 'hideEdgesOnMove'): boolean;
  getRenderParams?: () => { pickingFrameBuffer: unknown };
  scheduleRender?: () => void;
  render?: () => unknown;
  renderFrame?: number | null;
  pendingProcess?: string;
  extraElements?: { stage?: HTMLCanvasElement };
  getDimensions(): { width: number; height: number };
  viewportToFramedGraph(
    point: { x: number; y: number },
    override?: { cameraState: CameraState },
  ): {
    x: number;
    y: number;
  };
  framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
  setSettings(settings: { hideEdgesOnMove: boolean; hideLabelsOnMove: boolean }): void;
  emit(event: typeof PICTURE_MOVED): void;
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

/** Moving by any means, a finger on a touch screen included (sigma's own test leaves touch out). */
function isMovingAtAll(internals: SigmaInternals): boolean {
  return isMoving(internals) || Boolean(internals.touchCaptor?.isMoving);
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

/** Sigma event emitted instead of `afterRender` when a frame moved the last picture. */
export const PICTURE_MOVED = 'kopru:pictureMoved';

/**
 * While the camera moves, shows the last drawn picture moved and scaled to the camera instead of
 * drawing a new one; draws for real once nothing moves (and whenever sigma has new data to draw).
 * Turns sigma's own "hide ties and labels while moving" off: the moved picture keeps them.
 */
export function movePictureWhileMoving(sigma: object): boolean {
  const internals = sigma as unknown as SigmaInternals;
  const render = internals.render;
  const stage = internals.extraElements?.stage;
  if (
    typeof render !== 'function' ||
    !stage ||
    !internals.mouseCaptor ||
    typeof internals.scheduleRender !== 'function'
  )
    return false;
  if (!('renderFrame' in internals) || typeof internals.pendingProcess !== 'string') return false;
  const camera = internals.getCamera();
  let drawn: CameraState | null = null;
  let moved = false;
  let still: ReturnType<typeof setTimeout> | null = null;
  const drawWhenStill = (): void => {
    still = null;
    if (!stage.isConnected) return; // the map was killed
    if (isMovingAtAll(internals)) still = setTimeout(drawWhenStill, 60);
    else internals.scheduleRender!();
  };
  stage.style.transformOrigin = '0 0';
  internals.render = function (this: SigmaInternals) {
    const state = camera.getState();
    // New data to draw (sigma's pending process) needs a real frame. A pending state refresh does
    // not: sigma flags one whenever a drag or a zoom starts or ends (its graph state), and the map's
    // reducers do not read that state (reducersIgnoreGraphState); the frame after the move applies it.
    const dataWaiting = internals.pendingProcess !== 'none';
    if (drawn !== null && !dataWaiting && state.angle === drawn.angle && isMovingAtAll(internals)) {
      if (internals.renderFrame) cancelAnimationFrame(internals.renderFrame);
      internals.renderFrame = null;
      // Where the corners of the drawn picture are under the current camera.
      const { width } = internals.getDimensions();
      const at = (x: number, y: number): { x: number; y: number } =>
        internals.framedGraphToViewport(internals.viewportToFramedGraph({ x, y }, { cameraState: drawn! }));
      const origin = at(0, 0);
      const scale = width > 0 ? (at(width, 0).x - origin.x) / width : 1;
      stage.style.transform = `matrix(${scale}, 0, 0, ${scale}, ${origin.x}, ${origin.y})`;
      moved = true;
      if (still === null) still = setTimeout(drawWhenStill, 60);
      internals.emit(PICTURE_MOVED);
      return this;
    }
    if (moved) stage.style.transform = '';
    moved = false;
    const result = render.call(this);
    drawn = camera.getState();
    return result;
  };
  internals.setSettings({ hideEdgesOnMove: false, hideLabelsOnMove: false });
  return true;
}

/** Cancels the frame sigma has scheduled, if any (one that would draw what is already drawn). */
export function dropScheduledFrame(sigma: object): void {
  const internals = sigma as unknown as SigmaInternals;
  if (!internals.renderFrame) return;
  cancelAnimationFrame(internals.renderFrame);
  internals.renderFrame = null;
}
