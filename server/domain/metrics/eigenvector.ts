/**
 * Eigenvector centrality (Bonacich 1972, "Factoring and weighting approaches to status scores and
 * clique identification"): an organization is central when its partners are central. The principal
 * eigenvector of the adjacency matrix, L2-normalized, by NetworkX `eigenvector_centrality`'s power
 * iteration on A + I (the shift keeps bipartite graphs from oscillating): start at 1/n, stop when
 * Σ|x − x_prev| < n × tolerance, at most `maxIterations` steps. Directed mode scores incoming ties, as
 * NetworkX does (x_v grows with the scores of those who name v). Weighted: A holds the levels.
 *
 * It never throws (graphology-metrics and NetworkX do, see LIBRARY-NOTES.md). Fallbacks, flagged by
 * `converged: false` (`network.eigenvectorConverged` in the wave's results):
 * - no tie at all (empty graph, only isolates): every value is 0. Every vector is then an
 *   eigenvector; NetworkX's uniform 1/√n would suggest influence where there is none;
 * - no convergence within `maxIterations` (slow mixing: long chains, large bipartite graphs, acyclic
 *   directed graphs): the last iterate, which is deterministic, L2-normalized and non-negative, and
 *   approaches the eigenvector as the iteration count grows.
 */
import { contextOf, toNodeValues, type MetricInput } from './context.js';
import { positiveInteger, positiveNumber } from './options.js';
import {
  WEIGHTED_PARAMETER,
  type BaseMetricOptions,
  type MetricDescriptor,
  type NodeValues,
} from './types.js';

export interface EigenvectorOptions extends BaseMetricOptions {
  /** Iteration budget. Default 100 (NetworkX). */
  maxIterations?: number;
  /** Stop when Σ|x − x_prev| < n × tolerance. Default 1e-6 (NetworkX). */
  tolerance?: number;
}

/** NetworkX's defaults, so converged values match `eigenvector_centrality`. */
export const DEFAULTS = { weighted: false, maxIterations: 100, tolerance: 1e-6 } as const;

export interface EigenvectorResult {
  values: NodeValues;
  /** False for the fallbacks described in the module's docblock. */
  converged: boolean;
  /** Power iterations run. */
  iterations: number;
}

/** Eigenvector centrality of every node, with its convergence flag. */
export function computeEigenvector(input: MetricInput, options: EigenvectorOptions = {}): EigenvectorResult {
  const context = contextOf(input);
  const weighted = options.weighted ?? DEFAULTS.weighted;
  const maxIterations = positiveInteger('maxIterations', options.maxIterations ?? DEFAULTS.maxIterations);
  const tolerance = positiveNumber('tolerance', options.tolerance ?? DEFAULTS.tolerance);
  const { n, m } = context;
  const { offsets, targets, levels } = context.in;

  let x = new Float64Array(n);
  if (m === 0) return { values: toNodeValues(context, x), converged: false, iterations: 0 };

  x.fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let squares = 0;
    for (let v = 0; v < n; v++) {
      let sum = x[v]!;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++)
        sum += x[targets[p]!]! * (weighted ? levels[p]! : 1);
      next[v] = sum;
      squares += sum * sum;
    }
    const norm = Math.sqrt(squares) || 1;
    let change = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= norm;
      change += Math.abs(next[v]! - x[v]!);
    }
    [x, next] = [next, x];
    if (change < n * tolerance)
      return { values: toNodeValues(context, x), converged: true, iterations: iteration };
  }
  return { values: toNodeValues(context, x), converged: false, iterations: maxIterations };
}

export const descriptor: MetricDescriptor<EigenvectorOptions, EigenvectorResult> = {
  id: 'eigenvector',
  scope: 'node',
  label: { en: 'Eigenvector centrality', tr: 'Özvektör merkeziliği' },
  description: {
    en: 'How well connected an organization is to other well-connected organizations.',
    tr: 'Bir kuruluşun, kendisi de iyi bağlantılı olan kuruluşlarla ne kadar bağlantılı olduğu.',
  },
  usesWeights: true,
  parameters: [
    WEIGHTED_PARAMETER,
    {
      name: 'maxIterations',
      type: 'integer',
      default: DEFAULTS.maxIterations,
      description: {
        en: 'How many refinement rounds to allow before giving an approximate answer.',
        tr: 'Yaklaşık bir sonuç vermeden önce izin verilen iyileştirme turu sayısı.',
      },
    },
    {
      name: 'tolerance',
      type: 'number',
      default: DEFAULTS.tolerance,
      description: {
        en: 'How small the change between two rounds must be to stop.',
        tr: 'Durmak için iki tur arasındaki değişimin ne kadar küçük olması gerektiği.',
      },
    },
  ],
  outputs: [
    {
      key: 'eigenvector',
      scope: 'node',
      label: { en: 'Eigenvector centrality', tr: 'Özvektör merkeziliği' },
    },
    {
      key: 'eigenvectorConverged',
      scope: 'network',
      label: { en: 'Eigenvector values are exact', tr: 'Özvektör değerleri kesin' },
    },
  ],
  compute: computeEigenvector,
};
