/**
 * Cross-city ties: how many ties link organizations based in different cities (a count of external
 * ties in the sense of Krackhardt & Stern 1988, with the city as the group). Ties with an end whose
 * city is unknown (empty) are not counted. Directed mode counts arcs (a mutual pair twice). Binary.
 */
import { contextOf, type MetricInput } from './context.js';
import { nodeGroups } from './ei-index.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

export interface CrossCityTiesOptions extends BaseMetricOptions {
  /** Node attribute holding the city. Default `city`. */
  attribute?: string;
}

/** Reads the `city` attribute; `weighted` is ignored. */
export const DEFAULTS = { attribute: 'city' } as const;

/** Number of ties between organizations of two different, known cities. */
export function computeCrossCityTies(input: MetricInput, options: CrossCityTiesOptions = {}): number {
  const context = contextOf(input);
  const { n, out, directed, graph } = context;
  const attribute = options.attribute ?? DEFAULTS.attribute;
  // A dataset without any city column has no cross-city tie rather than an error.
  if (!graph.someNode((_node, attributes) => Object.hasOwn(attributes, attribute))) return 0;
  const cities = nodeGroups(context, attribute);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const cv = cities[v];
    if (cv === undefined) continue;
    for (let p = out.offsets[v]!; p < out.offsets[v + 1]!; p++) {
      const w = out.targets[p]!;
      if (!directed && w < v) continue;
      const cw = cities[w];
      if (cw !== undefined && cw !== cv) count++;
    }
  }
  return count;
}

export const descriptor: MetricDescriptor<CrossCityTiesOptions, number> = {
  id: 'crossCityTies',
  scope: 'network',
  label: { en: 'Ties between cities', tr: 'Şehirler arası bağlar' },
  description: {
    en: 'How many cooperation ties link organizations based in different cities.',
    tr: 'Farklı şehirlerdeki kuruluşları birbirine bağlayan işbirliği bağlarının sayısı.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [
    {
      key: 'crossCityTies',
      scope: 'network',
      label: { en: 'Ties between cities', tr: 'Şehirler arası bağlar' },
    },
  ],
  compute: computeCrossCityTies,
};
