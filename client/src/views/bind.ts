/**
 * Re-renders a view when any store it reads changes, at most once per animation frame (several stores
 * often change together), keeping keyboard focus on the same control. Returns the unsubscribe function.
 */
import { preservingFocus } from '../components/dom';
import type { Store } from '../core/store';

export function bind(container: Element, stores: readonly Store<unknown>[], draw: () => void): () => void {
  let scheduled = false;
  const run = (): void => {
    scheduled = false;
    preservingFocus(container, draw);
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(run);
  };
  const unsubscribes = stores.map((store) => store.subscribe(schedule));
  run();
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
