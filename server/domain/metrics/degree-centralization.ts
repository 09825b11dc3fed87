/**
 * Freeman degree centralization (Freeman 1978/79; Wasserman & Faust 1994, §5.2.1): how far the network
 * is from a star, Σ(max deg − deg)/((n−1)(n−2)) over the undirected view's degrees. 1 for a star, 0 when
 * every organization has the same number of partners. Defined as 0 for n < 3, where the denominator
 * vanishes. Binary; in directed mode a tie in either direction makes two organizations partners.
 */
import { contextOf, rowLength, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

/** `weighted` is accepted and ignored. */
export type DegreeCentralizationOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

/** Centralization in [0, 1]; 0 for fewer than three nodes. */
export function computeDegreeCentralization(
  input: MetricInput,
  _options: DegreeCentralizationOptions = {},
): number {
  const { n, und } = contextOf(input);
  if (n < 3) return 0;
  let max = 0;
  let sum = 0;
  for (let v = 0; v < n; v++) {
    const d = rowLength(und, v);
    sum += d;
    if (d > max) max = d;
  }
  return (n * max - sum) / ((n - 1) * (n - 2));
}

export const descriptor: MetricDescriptor<DegreeCentralizationOptions, number> = {
  id: 'degreeCentralization',
  scope: 'network',
  label: { en: 'Degree centralization', tr: 'Derece merkezileşmesi' },
  description: {
    en: 'How much cooperation revolves around a few organizations rather than being spread evenly.',
    tr: 'İşbirliğinin eşit dağılmak yerine ne ölçüde birkaç kuruluş etrafında toplandığı.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [
    {
      key: 'degreeCentralization',
      scope: 'network',
      label: { en: 'Degree centralization', tr: 'Derece merkezileşmesi' },
    },
  ],
  compute: computeDegreeCentralization,
};
