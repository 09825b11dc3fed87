/**
 * Seeded pseudo-random numbers for the resampling statistics (QAP permutations, node bootstraps,
 * seeded layouts): xoroshiro128+ from pure-rand, seeded through splitmix32 so that neighbouring seeds
 * (42, 43) give unrelated streams from the first draw. The same seed always gives the same sequence,
 * on every platform, which is what makes `--seed` results repeatable.
 *
 * Shuffles are Fisher–Yates (Durstenfeld's in-place variant) with unbiased bounded integers.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** Default seed of every seeded analysis (DATA-FORMAT.md `--seed`). */
export const DEFAULT_SEED = 42;

/** Arrays the shuffles work on: plain arrays and every typed array. */
export type ShuffleableArray =
  | unknown[]
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** A seeded random stream. Mutable: every call advances it. */
export interface Random {
  /** Uniform float in [0, 1), 53 random bits. */
  float(): number;
  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** Uniform integer in [0, n); `n` must be a positive integer. */
  below(n: number): number;
  /** Shuffles `array` in place (every permutation equally likely) and returns it. */
  shuffle<T extends ShuffleableArray>(array: T): T;
  /** The seed this stream was created from. */
  readonly seed: number;
}

// splitmix32 (a 32-bit variant of Steele, Lea & Flood's SplitMix) spreads one seed over the 128-bit state.
function splitmix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

function generatorFor(seed: number): RandomGenerator {
  // Fold the high bits of a seed above 2^32 into the low ones instead of dropping them.
  const low = seed >>> 0;
  const high = Math.floor(seed / 0x1_0000_0000) | 0;
  const mixer = { value: low ^ Math.imul(high, 0x27d4eb2d) };
  const state: number[] = [splitmix32(mixer), splitmix32(mixer), splitmix32(mixer), splitmix32(mixer)];
  // xoroshiro128+ never leaves the all-zero state; splitmix makes it practically impossible, this makes it so.
  if (!state.some((word) => word !== 0)) state[0] = 1;
  return xoroshiro128plusFromState(state);
}

/**
 * Creates a seeded random stream.
 * @param seed any safe integer (negative ones too); default {@link DEFAULT_SEED}.
 * @throws RangeError when `seed` is not a safe integer (callers validate user input before this).
 */
export function createRandom(seed: number = DEFAULT_SEED): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const generator = generatorFor(seed);
  const below = (n: number): number => uniformInt(generator, 0, n - 1);
  return {
    seed,
    float: () => uniformFloat64(generator),
    int: (from, to) => uniformInt(generator, from, to),
    below,
    shuffle<T extends ShuffleableArray>(array: T): T {
      const values = array as unknown as { [index: number]: unknown; length: number };
      for (let i = values.length - 1; i > 0; i--) {
        const j = below(i + 1);
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
      }
      return array;
    },
  };
}

/** Writes the identity permutation 0…n−1 into `target` (reused across permutations: no allocation). */
export function fillIdentity<T extends Int32Array | Uint32Array>(target: T): T {
  for (let i = 0; i < target.length; i++) target[i] = i;
  return target;
}
