/** The organization under the pointer (or keyboard focus in a list): its neighbourhood is highlighted. */
import { createStore } from '../store';

export const hoverStore = createStore<string | null>(null);

export function hover(node: string | null): void {
  hoverStore.set(node);
}
