import { describe, expect, it } from 'vitest';
import {
  comparedOrder,
  packedOrder,
  rankTies,
  stableUnit,
  tieLimit,
  tieShare,
} from '../../../../client/src/sigma/level-of-detail';

describe('tieShare / tieLimit', () => {
  it('draws every tie when the ones on screen fit the budget', () => {
    expect(tieShare(10_000, 1, 25_000)).toBe(1);
    expect(tieLimit(10_000, 1, 25_000)).toBe(Number.POSITIVE_INFINITY);
    // Zoomed out beyond the whole network still counts the whole network once.
    expect(tieShare(20_000, 4, 25_000)).toBe(1);
  });

  it('halves the share until the budget fits, by powers of two', () => {
    // 100 000 ties, whole network in view: 100 000 / 25 000 = 4 → a quarter.
    expect(tieShare(100_000, 1, 25_000)).toBe(0.25);
    expect(tieLimit(100_000, 1, 25_000)).toBe(25_000);
    // 250 000: ratio 10 → 2^-ceil(log2 10) = 1/16.
    expect(tieShare(250_000, 1, 25_000)).toBe(1 / 16);
    // Zoomed in to ratio 0.5: a quarter of the network on screen → 25 000 ties: all of them.
    expect(tieShare(100_000, 0.5, 25_000)).toBe(1);
    // Ratio 0.75: 56 250 on screen → 1/4 (2.25 → ceil(log2) = 2).
    expect(tieShare(100_000, 0.75, 25_000)).toBe(0.25);
  });
});

describe('rankTies', () => {
  it('ranks stronger ties first, then by a fixed pseudo-random order of their keys', () => {
    const ranks = rankTies([
      ['a', 1],
      ['b', 4],
      ['c', 2],
      ['d', 4],
    ]);
    expect(new Set([ranks.get('b'), ranks.get('d')])).toStrictEqual(new Set([0, 1]));
    expect(ranks.get('c')).toBe(2);
    expect(ranks.get('a')).toBe(3);
    // Same input, same ranks (no Math.random): the drawn sample does not flicker between loads.
    expect(
      rankTies([
        ['d', 4],
        ['c', 2],
        ['b', 4],
        ['a', 1],
      ]),
    ).toStrictEqual(ranks);
  });

  it('samples evenly within a level: a limit keeps about its share of equal ties', () => {
    const ties = Array.from({ length: 4000 }, (_, i) => [`n${i % 97}->n${i}`, 1] as const);
    const ranks = rankTies(ties);
    const kept = ties.filter(([key]) => ranks.get(key)! < 1000).length;
    expect(kept).toBe(1000);
    const units = ties.map(([key]) => stableUnit(key));
    expect(Math.min(...units)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...units)).toBeLessThan(1);
    // Roughly uniform: each quarter of [0, 1) holds about a quarter of the keys.
    for (let q = 0; q < 4; q++) {
      const share = units.filter((u) => u >= q / 4 && u < (q + 1) / 4).length / units.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
  });
});

describe('tie order', () => {
  it('packs into doubles in the same order a comparator sort gives', () => {
    // 5 000 keys over four levels; the packed order (a native sort) must equal the comparator's.
    const keys = Array.from({ length: 5000 }, (_, i) => `org${i % 311}-org${i}`);
    const levels = keys.map((_, i) => 1 + ((i * 7) % 4));
    expect(Array.from(packedOrder(keys, levels))).toStrictEqual(Array.from(comparedOrder(keys, levels)));
  });
});
