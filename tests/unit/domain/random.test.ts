import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, DEFAULT_SEED, fillIdentity } from '../../../server/domain/random.js';

describe('createRandom', () => {
  it('repeats a sequence for a seed, and neighbouring seeds differ from the first draw', () => {
    const draws = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.float());
    };
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)[0]).not.toBe(draws(43)[0]);
    expect(createRandom().seed).toBe(DEFAULT_SEED);
  });

  it('keeps floats in [0, 1) and integers within their inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, from, width) => {
          const random = createRandom(seed);
          for (let k = 0; k < 20; k++) {
            const x = random.float();
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThan(1);
            const i = random.int(from, from + width);
            expect(Number.isInteger(i) && i >= from && i <= from + width).toBe(true);
            expect(random.below(width + 1)).toBeLessThanOrEqual(width);
          }
        },
      ),
    );
  });

  it('shuffles typed and plain arrays into permutations of themselves', () => {
    const random = createRandom(1);
    const typed = random.shuffle(fillIdentity(new Int32Array(50)));
    expect([...typed].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    const plain = random.shuffle(['a', 'b', 'c', 'd']);
    expect([...plain].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(random.shuffle(new Float64Array(0))).toHaveLength(0);
  });

  it('makes every permutation of three equally likely', () => {
    const random = createRandom(2024);
    const counts = new Map<string, number>();
    const trials = 60_000;
    const array = new Uint8Array(3);
    for (let t = 0; t < trials; t++) {
      array.set([0, 1, 2]);
      const key = random.shuffle(array).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Chi-square with 5 degrees of freedom; 20.5 is its 0.999 quantile.
    const expected = trials / 6;
    const chiSquare = [...counts.values()].reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(20.5);
  });

  it('accepts large and negative seeds and rejects non-integers', () => {
    expect(createRandom(-7).float()).not.toBe(createRandom(7).float());
    expect(createRandom(2 ** 40).float()).not.toBe(createRandom(0).float());
    expect(() => createRandom(0.5)).toThrow(RangeError);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });
});
