/**
 * The one state primitive of the client: a value, its setter and change listeners. Each domain
 * module under core/ owns one store and exports the actions that change it; views subscribe and
 * never set a store themselves.
 */
export type Listener<T> = (state: T, previous: T) => void;

export interface Store<T> {
  get(): T;
  set(next: T): void;
  update(change: (state: T) => T): void;
  subscribe(listener: Listener<T>): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<Listener<T>>();
  const set = (next: T): void => {
    if (Object.is(next, state)) return;
    const previous = state;
    state = next;
    // A listener may unsubscribe another while we iterate: iterate over a copy.
    for (const listener of [...listeners]) listener(state, previous);
  };
  return {
    get: () => state,
    set,
    update: (change) => set(change(state)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Shallow equality of two plain records, for actions that should not notify when nothing changed. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keysA = Object.keys(a) as (keyof T)[];
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i]);
    return Object.is(x, y);
  });
}
