import { describe, expect, it } from 'vitest';
import { createStore, shallowEqual } from '../../../../client/src/core/store';

describe('createStore', () => {
  it('notifies subscribers with the new and previous state, and stops after unsubscribe', () => {
    const store = createStore(1);
    const seen: [number, number][] = [];
    const unsubscribe = store.subscribe((state, previous) => seen.push([state, previous]));
    store.set(2);
    store.update((n) => n * 10);
    unsubscribe();
    store.set(3);
    expect(seen).toEqual([
      [2, 1],
      [20, 2],
    ]);
    expect(store.get()).toBe(3);
  });

  it('does not notify when the value is the same', () => {
    const store = createStore('a');
    let calls = 0;
    store.subscribe(() => calls++);
    store.set('a');
    expect(calls).toBe(0);
  });

  it('tolerates a listener unsubscribing another during notification', () => {
    const store = createStore(0);
    const calls: string[] = [];
    let second: () => void = () => undefined;
    store.subscribe(() => {
      calls.push('first');
      second();
    });
    second = store.subscribe(() => calls.push('second'));
    store.set(1);
    store.set(2);
    expect(calls).toEqual(['first', 'second', 'first']);
  });
});

describe('shallowEqual', () => {
  it('compares arrays element by element and other values by identity', () => {
    expect(shallowEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toBe(true);
    expect(shallowEqual({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
    expect(shallowEqual({ a: {} }, { a: {} })).toBe(false);
  });
});
