/**
 * Harmonic closeness (Marchiori & Latora 2000; Rochat 2009; Boldi & Vigna 2014): Σ 1/d(u, v) over the
 * other nodes u, unreachable ones adding 0, so it needs no correction for disconnected graphs. NetworkX
 * `harmonic_centrality` returns the raw sum; we divide it by n − 1 (default `normalized: true`) so the
 * value lies in [0, 1] when unweighted and compares across waves of different sizes: 1 means tied
 * directly to everyone. NetworkX's number is ours × (n − 1). 0 for n < 2.
 *
 * Directed mode uses incoming distances d(u → v), as NetworkX does. Weighted: tie length 1/level (a
 * direct level-4 tie then adds 4, so weighted values can exceed 1).
 */
import { contextOf, toNodeValues, type MetricInput } from './context.js';
import { distanceSweep } from './shortest-paths.js';
import {
  WEIGHTED_PARAMETER,
  type BaseMetricOptions,
  type MetricDescriptor,
  type NodeValues,
} from './types.js';

export interface HarmonicClosenessOptions extends BaseMetricOptions {
  /** Divide by n − 1. Default `true`; `false` gives NetworkX `harmonic_centrality`. */
  normalized?: boolean;
}

/** `weighted: false`, `normalized: true`. */
export const DEFAULTS = { weighted: false, normalized: true } as const;

/** Harmonic closeness of every node. */
export function computeHarmonicCloseness(
  input: MetricInput,
  options: HarmonicClosenessOptions = {},
): NodeValues {
  const context = contextOf(input);
  const { harmonic } = distanceSweep(context, options.weighted ?? DEFAULTS.weighted);
  const normalized = options.normalized ?? DEFAULTS.normalized;
  const factor = !normalized ? 1 : context.n > 1 ? 1 / (context.n - 1) : 0;
  return toNodeValues(
    context,
    harmonic.map((value) => value * factor),
  );
}

export const descriptor: MetricDescriptor<HarmonicClosenessOptions, NodeValues> = {
  id: 'harmonicCloseness',
  scope: 'node',
  label: { en: 'Harmonic closeness', tr: 'Harmonik yakınlık' },
  description: {
    en: 'How close the other organizations are to this one, where a direct partner counts fully, a partner of a partner half, and so on.',
    tr: 'Diğer kuruluşların bu kuruluşa ne kadar yakın olduğu: doğrudan ortak tam, ortağın ortağı yarım sayılır ve bu böyle sürer.',
  },
  usesWeights: true,
  parameters: [
    WEIGHTED_PARAMETER,
    {
      name: 'normalized',
      type: 'boolean',
      default: true,
      description: {
        en: 'Divide by the number of other organizations, so that 1 means tied directly to everyone.',
        tr: 'Diğer kuruluşların sayısına böl; böylece 1, herkesle doğrudan bağlı olmak demektir.',
      },
    },
  ],
  outputs: [
    { key: 'harmonicCloseness', scope: 'node', label: { en: 'Harmonic closeness', tr: 'Harmonik yakınlık' } },
  ],
  compute: computeHarmonicCloseness,
};
