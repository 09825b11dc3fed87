/**
 * Size of a wave's network: how many organizations and how many ties (arcs in directed mode).
 * Self-loops are not ties and parallel edges count once (Wasserman & Faust 1994, ch. 4: a simple graph).
 */
import { contextOf, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

/** `weighted` is accepted and ignored: this metric counts ties. */
export type SizeOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

export interface SizeResult {
  nodes: number;
  edges: number;
}

/** Counts nodes and ties. No options. */
export function computeSize(input: MetricInput, _options: SizeOptions = {}): SizeResult {
  const context = contextOf(input);
  return { nodes: context.n, edges: context.m };
}

export const descriptor: MetricDescriptor<SizeOptions, SizeResult> = {
  id: 'size',
  scope: 'network',
  label: { en: 'Size', tr: 'Büyüklük' },
  description: {
    en: 'How many organizations and how many cooperation ties the network has.',
    tr: 'Ağda kaç kuruluş ve kaç işbirliği bağı olduğu.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [
    { key: 'nodes', scope: 'network', label: { en: 'Organizations', tr: 'Kuruluşlar' } },
    { key: 'edges', scope: 'network', label: { en: 'Ties', tr: 'Bağlar' } },
  ],
  compute: computeSize,
};
