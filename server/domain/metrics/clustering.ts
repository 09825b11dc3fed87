/**
 * Local clustering coefficient (Watts & Strogatz 1998): the share of pairs of a node's partners that
 * are partners of each other, 2T(v)/(d(d−1)) on the undirected view, NetworkX `clustering` of the
 * undirected graph. In directed mode we use the undirected view too (a tie in either direction counts),
 * not NetworkX's directed variant (Fagiolo 2007): it keeps the value comparable across modes. 0 for
 * nodes with fewer than two partners. Binary: levels are ignored.
 */
import { contextOf, rowLength, toNodeValues, type MetricContext, type MetricInput } from './context.js';
import { triangleCounts } from './triangles.js';
import type { BaseMetricOptions, MetricDescriptor, NodeValues } from './types.js';

/** `weighted` is accepted and ignored. */
export type ClusteringOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

export function clusteringValues(context: MetricContext): Float64Array {
  return context.memo('clustering', () => {
    const triangles = triangleCounts(context);
    const values = new Float64Array(context.n);
    for (let v = 0; v < context.n; v++) {
      const d = rowLength(context.und, v);
      if (d >= 2) values[v] = (2 * triangles[v]!) / (d * (d - 1));
    }
    return values;
  });
}

/** Local clustering of every node, in [0, 1]. */
export function computeClustering(input: MetricInput, _options: ClusteringOptions = {}): NodeValues {
  const context = contextOf(input);
  return toNodeValues(context, clusteringValues(context));
}

export const descriptor: MetricDescriptor<ClusteringOptions, NodeValues> = {
  id: 'clustering',
  scope: 'node',
  label: { en: 'Local clustering', tr: 'Yerel kümelenme' },
  description: {
    en: "The share of an organization's partners that also cooperate with each other.",
    tr: 'Bir kuruluşun ortaklarından birbiriyle de işbirliği yapanların oranı.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [{ key: 'clustering', scope: 'node', label: { en: 'Local clustering', tr: 'Yerel kümelenme' } }],
  compute: computeClustering,
};
