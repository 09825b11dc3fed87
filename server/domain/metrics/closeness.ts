/**
 * Closeness centrality (Freeman 1978/79) with the Wasserman & Faust (1994, p. 201) correction for
 * disconnected graphs, NetworkX `closeness_centrality(wf_improved=True)`: with r the number of nodes that
 * reach v and Σd their total distance to v, closeness = (r/Σd) × (r/(n−1)). An isolate, or a pair cut
 * off from the rest, therefore scores low instead of 1.0 (the graphology-metrics default; see
 * LIBRARY-NOTES.md). 0 when nothing reaches v or n < 2.
 *
 * Directed mode uses incoming distances d(u → v), as NetworkX does: how easily others reach the
 * organization. Weighted: tie length 1/level. Computed in the shared sweep (shortest-paths.ts).
 */
import { contextOf, toNodeValues, type MetricInput } from './context.js';
import { distanceSweep } from './shortest-paths.js';
import {
  WEIGHTED_PARAMETER,
  type BaseMetricOptions,
  type MetricDescriptor,
  type NodeValues,
} from './types.js';

export type ClosenessOptions = BaseMetricOptions;

/** `weighted: false`: every tie has length 1. */
export const DEFAULTS = { weighted: false } as const;

/** Wasserman–Faust closeness of every node; in [0, 1] when unweighted. */
export function computeCloseness(input: MetricInput, options: ClosenessOptions = {}): NodeValues {
  const context = contextOf(input);
  return toNodeValues(context, distanceSweep(context, options.weighted ?? DEFAULTS.weighted).closeness);
}

export const descriptor: MetricDescriptor<ClosenessOptions, NodeValues> = {
  id: 'closeness',
  scope: 'node',
  label: { en: 'Closeness', tr: 'Yakınlık' },
  description: {
    en: 'How few steps of cooperation it takes, on average, to get from the other organizations to this one.',
    tr: 'Diğer kuruluşlardan bu kuruluşa ulaşmak için ortalama kaç işbirliği adımı gerektiği (ne kadar az, o kadar yüksek).',
  },
  usesWeights: true,
  parameters: [WEIGHTED_PARAMETER],
  outputs: [{ key: 'closeness', scope: 'node', label: { en: 'Closeness', tr: 'Yakınlık' } }],
  compute: computeCloseness,
};
