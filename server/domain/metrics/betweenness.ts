/**
 * Betweenness centrality (Freeman 1977; algorithm: Brandes 2001, "A faster algorithm for betweenness
 * centrality", J. Math. Sociol. 25(2)): the share of shortest paths between other pairs that pass
 * through a node. Normalized as NetworkX `betweenness_centrality(normalized=True)`: undirected
 * 2/((n−1)(n−2)) per unordered pair, directed 1/((n−1)(n−2)) per ordered pair; 0 for n ≤ 2.
 *
 * Our own implementation on CSR arrays with Float64 path counts (shortest-paths.ts), not
 * graphology-metrics': that one keeps path counts in 32-bit integers (wrong on grids) and silently
 * switches to Dijkstra when it finds a `weight` attribute (LIBRARY-NOTES.md).
 *
 * Directed mode follows arcs. Weighted: tie length 1/level (NetworkX with `weight` = 1/level).
 */
import { contextOf, toNodeValues, type MetricInput } from './context.js';
import { shortestPathSweep } from './shortest-paths.js';
import {
  WEIGHTED_PARAMETER,
  type BaseMetricOptions,
  type MetricDescriptor,
  type NodeValues,
} from './types.js';

export type BetweennessOptions = BaseMetricOptions;

/** `weighted: false`: every tie has length 1. */
export const DEFAULTS = { weighted: false } as const;

/** Normalized betweenness of every node, in [0, 1]. */
export function computeBetweenness(input: MetricInput, options: BetweennessOptions = {}): NodeValues {
  const context = contextOf(input);
  return toNodeValues(context, shortestPathSweep(context, options.weighted ?? DEFAULTS.weighted).betweenness);
}

export const descriptor: MetricDescriptor<BetweennessOptions, NodeValues> = {
  id: 'betweenness',
  scope: 'node',
  label: { en: 'Betweenness', tr: 'Arasındalık' },
  description: {
    en: 'How often an organization lies on the shortest chain of cooperation between two others, so that it can bridge them.',
    tr: 'Bir kuruluşun diğer iki kuruluş arasındaki en kısa işbirliği zincirinde ne sıklıkla yer aldığı; yani onları ne ölçüde birleştirebildiği.',
  },
  usesWeights: true,
  parameters: [WEIGHTED_PARAMETER],
  outputs: [{ key: 'betweenness', scope: 'node', label: { en: 'Betweenness', tr: 'Arasındalık' } }],
  compute: computeBetweenness,
};
