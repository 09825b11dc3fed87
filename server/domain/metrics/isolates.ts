/**
 * Isolates: organizations with no tie in the wave, in either direction (Wasserman & Faust 1994,
 * §4.2.1: nodes of degree 0; NetworkX `number_of_isolates`).
 */
import { contextOf, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

/** `weighted` is accepted and ignored. */
export type IsolatesOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

export interface IsolatesResult {
  isolates: number;
  /** Their ids, ascending. */
  ids: string[];
}

/** Finds the organizations without any tie. */
export function computeIsolates(input: MetricInput, _options: IsolatesOptions = {}): IsolatesResult {
  const { ids, und } = contextOf(input);
  const isolated = ids.filter((_, i) => und.offsets[i + 1] === und.offsets[i]);
  return { isolates: isolated.length, ids: isolated };
}

export const descriptor: MetricDescriptor<IsolatesOptions, IsolatesResult> = {
  id: 'isolates',
  scope: 'network',
  label: { en: 'Isolated organizations', tr: 'Yalıtılmış kuruluşlar' },
  description: {
    en: 'How many organizations have no cooperation with anyone in this period.',
    tr: 'Bu dönemde hiç kimseyle işbirliği yapmayan kuruluşların sayısı.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [
    {
      key: 'isolates',
      scope: 'network',
      label: { en: 'Isolated organizations', tr: 'Yalıtılmış kuruluşlar' },
    },
  ],
  compute: computeIsolates,
};
