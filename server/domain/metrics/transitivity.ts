/**
 * Transitivity (Wasserman & Faust 1994, §6.2.2; Newman 2003 "global clustering"): 3 × triangles /
 * connected triples on the undirected view, NetworkX `transitivity`. 0 when there is no triangle
 * (including graphs with no connected triple). Binary.
 */
import { contextOf, rowLength, type MetricInput } from './context.js';
import { triangleCounts } from './triangles.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

/** `weighted` is accepted and ignored. */
export type TransitivityOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

/** Share of connected triples that are closed, in [0, 1]. */
export function computeTransitivity(input: MetricInput, _options: TransitivityOptions = {}): number {
  const context = contextOf(input);
  const triangles = triangleCounts(context);
  // Σ T(v) counts each triangle three times, once per corner: exactly the numerator 3 × triangles.
  let closed = 0;
  let triples = 0;
  for (let v = 0; v < context.n; v++) {
    const d = rowLength(context.und, v);
    closed += triangles[v]!;
    triples += (d * (d - 1)) / 2;
  }
  return closed === 0 ? 0 : closed / triples;
}

export const descriptor: MetricDescriptor<TransitivityOptions, number> = {
  id: 'transitivity',
  scope: 'network',
  label: { en: 'Transitivity', tr: 'Geçişlilik' },
  description: {
    en: 'How often two partners of the same organization also cooperate with each other, across the whole network.',
    tr: 'Tüm ağda, aynı kuruluşun iki ortağının birbiriyle de işbirliği yapma sıklığı.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [{ key: 'transitivity', scope: 'network', label: { en: 'Transitivity', tr: 'Geçişlilik' } }],
  compute: computeTransitivity,
};
