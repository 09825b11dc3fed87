import { describe, expect, it } from 'vitest';
import {
  groupedPositions,
  iterationsFor,
  layoutCacheKey,
  layoutSignature,
  readCachedLayout,
  seedPositions,
  tidyIsolates,
  writeCachedLayout,
  type LayoutStorage,
} from '../../../../../client/src/core/layout';

function memoryStorage(): LayoutStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
  };
}

const nodes = [
  { id: 'n3', group: 'Istanbul|ngo' },
  { id: 'n1', group: 'Istanbul|ngo' },
  { id: 'i1', group: 'Gaziantep|institution' },
  { id: 'n2', group: 'Gaziantep|ngo' },
];

describe('seedPositions', () => {
  it('depends only on ids and groups, not on input order', () => {
    const a = seedPositions(nodes);
    const b = seedPositions([...nodes].reverse());
    expect(a).toEqual(b);
    expect(Object.keys(a).sort()).toEqual(['i1', 'n1', 'n2', 'n3']);
  });

  it('puts members of a group closer to each other than to other groups', () => {
    const p = seedPositions(nodes);
    const d = (x: string, y: string): number => Math.hypot(p[x]!.x - p[y]!.x, p[x]!.y - p[y]!.y);
    expect(d('n1', 'n3')).toBeLessThan(d('n1', 'n2'));
  });
});

describe('groupedPositions', () => {
  it('lays groups out left to right in the given order without overlapping', () => {
    const force = { a: { x: 0, y: 0 }, b: { x: 10, y: 0 }, c: { x: 5, y: 5 }, d: { x: 100, y: 100 } };
    const groups: Record<string, string> = { a: 'ngo', b: 'ngo', c: 'institution', d: 'institution' };
    const result = groupedPositions(force, (id) => groups[id]!, ['ngo', 'institution']);
    const maxNgo = Math.max(result.a!.x, result.b!.x);
    const minInstitution = Math.min(result.c!.x, result.d!.x);
    expect(maxNgo).toBeLessThan(minInstitution);
    // Inside a group the arrangement keeps its shape (a left of b).
    expect(result.a!.x).toBeLessThan(result.b!.x);
  });
});

describe('tidyIsolates', () => {
  it('brings organizations without ties onto a ring near the others, keeping their direction', () => {
    const positions = { a: { x: -1, y: 0 }, b: { x: 1, y: 0 }, c: { x: 0, y: 1 }, far: { x: 1000, y: 0 } };
    const tidy = tidyIsolates(positions, (id) => id === 'far');
    expect(tidy.far!.x).toBeLessThan(5);
    expect(tidy.far!.x).toBeGreaterThan(0);
    expect(tidy.far!.y).toBeCloseTo(1 / 3, 2);
    expect(tidy.a).toEqual(positions.a);
  });
});

describe('the layout cache', () => {
  it('stores positions per dataset version and drops older versions', () => {
    const storage = memoryStorage();
    const ids = ['a', 'b'];
    const oldKey = layoutCacheKey(1, layoutSignature(ids, 1));
    writeCachedLayout(storage, oldKey, { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } });
    const key = layoutCacheKey(2, layoutSignature(ids, 1));
    expect(readCachedLayout(storage, key, ids)).toBeNull();
    writeCachedLayout(storage, key, { a: { x: 1.23456, y: 2 }, b: { x: 3, y: 4 } });
    expect(storage.data.has(oldKey)).toBe(false);
    expect(readCachedLayout(storage, key, ids)).toEqual({ a: { x: 1.235, y: 2 }, b: { x: 3, y: 4 } });
  });

  it('refuses a cache that does not cover every organization or is corrupt', () => {
    const storage = memoryStorage();
    writeCachedLayout(storage, 'k', { a: { x: 1, y: 2 } });
    expect(readCachedLayout(storage, 'k', ['a', 'b'])).toBeNull();
    storage.setItem('k', '{not json');
    expect(readCachedLayout(storage, 'k', ['a'])).toBeNull();
    expect(readCachedLayout(null, 'k', ['a'])).toBeNull();
  });

  it('has a signature that changes with the organizations and ties', () => {
    expect(layoutSignature(['a', 'b'], 1)).toBe(layoutSignature(['b', 'a'], 1));
    expect(layoutSignature(['a', 'b'], 1)).not.toBe(layoutSignature(['a', 'b'], 2));
    expect(iterationsFor(172)).toBeGreaterThan(iterationsFor(20_000));
  });
});
