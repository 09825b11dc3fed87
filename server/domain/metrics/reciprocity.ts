/**
 * Reciprocity (Wasserman & Faust 1994, §13.2; Newman 2010, §7.10): the share of reported ties whose
 * partner reported them back, NetworkX `overall_reciprocity`: arcs whose reverse exists / all arcs.
 * Directed mode only (in the other modes every tie is mutual by construction). 0 when there is no tie
 * (NetworkX raises there): no tie is reciprocated.
 */
import { ValidationError } from '../../errors.js';
import { contextOf, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

/** `weighted` is accepted and ignored. */
export type ReciprocityOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

/**
 * Share of arcs that are reciprocated, in [0, 1].
 * @throws ValidationError (field `mode`) on an undirected graph.
 */
export function computeReciprocity(input: MetricInput, _options: ReciprocityOptions = {}): number {
  const context = contextOf(input);
  if (!context.directed) {
    throw new ValidationError('Reciprocity needs the directed mode.', [
      { column: 'mode', reason: 'reciprocity is defined in the directed mode only' },
    ]);
  }
  const { n, m, out } = context;
  if (m === 0) return 0;
  let mutual = 0;
  for (let v = 0; v < n; v++) {
    for (let p = out.offsets[v]!; p < out.offsets[v + 1]!; p++) {
      const w = out.targets[p]!;
      // Rows are sorted: binary search for v in w's row.
      let lo = out.offsets[w]!;
      let hi = out.offsets[w + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const t = out.targets[mid]!;
        if (t === v) {
          mutual++;
          break;
        }
        if (t < v) lo = mid + 1;
        else hi = mid - 1;
      }
    }
  }
  return mutual / m;
}

export const descriptor: MetricDescriptor<ReciprocityOptions, number> = {
  id: 'reciprocity',
  scope: 'network',
  label: { en: 'Reciprocity', tr: 'Karşılıklılık' },
  description: {
    en: 'The share of reported ties that the partner organization also reported.',
    tr: 'Bildirilen bağlardan ortak kuruluşun da bildirdiklerinin oranı.',
  },
  modes: ['directed'],
  usesWeights: false,
  parameters: [],
  outputs: [
    {
      key: 'reciprocity',
      scope: 'network',
      label: { en: 'Reciprocity', tr: 'Karşılıklılık' },
      modes: ['directed'],
    },
  ],
  compute: computeReciprocity,
};
