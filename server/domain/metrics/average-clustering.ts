/**
 * Average clustering (Watts & Strogatz 1998): the mean local clustering over all nodes, isolates and
 * nodes with one partner counting as 0 (NetworkX `average_clustering`, `count_zeros=True`), on the
 * undirected view. 0 for an empty graph. Binary.
 */
import { clusteringValues } from './clustering.js';
import { contextOf, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

/** `weighted` is accepted and ignored. */
export type AverageClusteringOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

/** Mean local clustering in [0, 1]. */
export function computeAverageClustering(
  input: MetricInput,
  _options: AverageClusteringOptions = {},
): number {
  const context = contextOf(input);
  if (context.n === 0) return 0;
  let sum = 0;
  for (const value of clusteringValues(context)) sum += value;
  return sum / context.n;
}

export const descriptor: MetricDescriptor<AverageClusteringOptions, number> = {
  id: 'averageClustering',
  scope: 'network',
  label: { en: 'Average clustering', tr: 'Ortalama kümelenme' },
  description: {
    en: "On average, the share of an organization's partners that also cooperate with each other.",
    tr: 'Ortalama olarak, bir kuruluşun ortaklarından birbiriyle de işbirliği yapanların oranı.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [
    {
      key: 'averageClustering',
      scope: 'network',
      label: { en: 'Average clustering', tr: 'Ortalama kümelenme' },
    },
  ],
  compute: computeAverageClustering,
};
