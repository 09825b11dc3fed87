/**
 * Degree centrality (Freeman 1978/79, "Centrality in social networks: conceptual clarification"): the
 * number of partners of each organization. In directed mode `degree` is in-degree + out-degree as in
 * NetworkX `G.degree` (a mutual pair counts twice), with `inDegree` (ties received, i.e. others naming
 * the organization) and `outDegree` (ties it reported) beside it.
 *
 * Weighted (`weighted: true`) adds `strength` (Barrat et al. 2004): the sum of the levels of the node's
 * ties, in + out in directed mode (NetworkX `G.degree(weight='level')`). `degree` itself stays a count.
 */
import { contextOf, rowLength, toNodeValues, type MetricInput } from './context.js';
import {
  WEIGHTED_PARAMETER,
  type BaseMetricOptions,
  type MetricDescriptor,
  type NodeValues,
} from './types.js';

export type DegreeOptions = BaseMetricOptions;

/** `weighted: false`: no `strength`. */
export const DEFAULTS = { weighted: false } as const;

export interface DegreeResult {
  degree: NodeValues;
  /** Directed graphs only. */
  inDegree?: NodeValues;
  /** Directed graphs only. */
  outDegree?: NodeValues;
  /** `weighted: true` only: sum of tie levels. */
  strength?: NodeValues;
}

function levelSum(levels: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let p = from; p < to; p++) sum += levels[p]!;
  return sum;
}

/** Degrees (and strength when weighted) of every node. */
export function computeDegree(input: MetricInput, options: DegreeOptions = {}): DegreeResult {
  const context = contextOf(input);
  const weighted = options.weighted ?? DEFAULTS.weighted;
  const { n, out, directed } = context;
  const inward = context.in;
  const outDegree = new Float64Array(n);
  const inDegree = new Float64Array(n);
  const degree = new Float64Array(n);
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    outDegree[v] = rowLength(out, v);
    inDegree[v] = rowLength(inward, v);
    degree[v] = directed ? outDegree[v]! + inDegree[v]! : outDegree[v]!;
    if (weighted) {
      strength[v] = levelSum(out.levels, out.offsets[v]!, out.offsets[v + 1]!);
      if (directed) strength[v]! += levelSum(inward.levels, inward.offsets[v]!, inward.offsets[v + 1]!);
    }
  }
  return {
    degree: toNodeValues(context, degree),
    ...(directed
      ? { inDegree: toNodeValues(context, inDegree), outDegree: toNodeValues(context, outDegree) }
      : {}),
    ...(weighted ? { strength: toNodeValues(context, strength) } : {}),
  };
}

export const descriptor: MetricDescriptor<DegreeOptions, DegreeResult> = {
  id: 'degree',
  scope: 'node',
  label: { en: 'Degree', tr: 'Derece' },
  description: {
    en: 'How many partners an organization cooperates with.',
    tr: 'Bir kuruluşun kaç ortakla işbirliği yaptığı.',
  },
  usesWeights: true,
  parameters: [WEIGHTED_PARAMETER],
  outputs: [
    { key: 'degree', scope: 'node', label: { en: 'Degree', tr: 'Derece' } },
    {
      key: 'inDegree',
      scope: 'node',
      label: { en: 'Named by others', tr: 'Başkalarınca anılma' },
      modes: ['directed'],
    },
    {
      key: 'outDegree',
      scope: 'node',
      label: { en: 'Partners named', tr: 'Anılan ortaklar' },
      modes: ['directed'],
    },
    { key: 'strength', scope: 'node', label: { en: 'Tie strength', tr: 'Bağ gücü' }, weightedOnly: true },
  ],
  compute: computeDegree,
};
