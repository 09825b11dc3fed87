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
 * Both rely on sigma 4.0 internals; each is skipped when the internals are not found.
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

/**
 * Skips sigma's tie frame pass on frames where no tie is drawn. "Moving" is sigma's own test in
 * render(): the camera animates, or the mouse drags or wheels.
 */
export function skipHiddenTiePass(sigma: object): boolean {
  const internals = sigma as unknown as SigmaInternals;
  const pass = internals.edgeFramePass;
  const captor = internals.mouseCaptor;
  if (!pass || typeof pass.run !== 'function' || !captor) return false;
  const run = pass.run;
  pass.run = function (...args: unknown[]) {
    const moving =
      internals.getCamera().isAnimating() ||
      Boolean(captor.isMoving) ||
      Boolean(captor.draggedEvents) ||
      Boolean(captor.currentWheelDirection);
    if (moving && internals.getSetting('hideEdgesOnMove')) return;
    run.apply(this, args);
  };
  return true;
}
