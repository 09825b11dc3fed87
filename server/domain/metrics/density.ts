/**
 * Density: the share of possible ties that exist (Wasserman & Faust 1994, §4.2.3), NetworkX `density`:
 * undirected 2m/(n(n−1)), directed m/(n(n−1)). Defined as 0 when n < 2 (no tie is possible).
 */
import { contextOf, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

/** `weighted` is accepted and ignored: this metric counts ties. */
export type DensityOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

/** Density in [0, 1]; 0 for fewer than two nodes. Binary: levels are ignored. */
export function computeDensity(input: MetricInput, _options: DensityOptions = {}): number {
  const { n, m, directed } = contextOf(input);
  if (n < 2) return 0;
  return (directed ? m : 2 * m) / (n * (n - 1));
}

export const descriptor: MetricDescriptor<DensityOptions, number> = {
  id: 'density',
  scope: 'network',
  label: { en: 'Density', tr: 'Yoğunluk' },
  description: {
    en: 'The share of all possible pairs of organizations that actually cooperate.',
    tr: 'Olası tüm kuruluş çiftlerinden gerçekten işbirliği yapanların oranı.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [{ key: 'density', scope: 'network', label: { en: 'Density', tr: 'Yoğunluk' } }],
  compute: computeDensity,
};
