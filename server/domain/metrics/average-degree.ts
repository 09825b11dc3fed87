/**
 * Average degree: mean number of ties per organization, 2m/n (Wasserman & Faust 1994, §4.2.1). In
 * directed mode a node's degree is in-degree + out-degree (NetworkX `G.degree`), so the mean is 2m/n
 * there too. Defined as 0 for an empty graph.
 */
import { contextOf, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

/** `weighted` is accepted and ignored: this metric counts ties. */
export type AverageDegreeOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

/** Mean degree; 0 when there are no nodes. Binary: levels are ignored. */
export function computeAverageDegree(input: MetricInput, _options: AverageDegreeOptions = {}): number {
  const { n, m } = contextOf(input);
  return n === 0 ? 0 : (2 * m) / n;
}

export const descriptor: MetricDescriptor<AverageDegreeOptions, number> = {
  id: 'averageDegree',
  scope: 'network',
  label: { en: 'Average degree', tr: 'Ortalama derece' },
  description: {
    en: 'How many partners an organization has on average.',
    tr: 'Bir kuruluşun ortalama kaç ortağı olduğu.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [
    { key: 'averageDegree', scope: 'network', label: { en: 'Average degree', tr: 'Ortalama derece' } },
  ],
  compute: computeAverageDegree,
};
