/**
 * PageRank (Brin & Page 1998; Langville & Meyer 2006): the long-run share of time a random walker
 * spends at each organization, following a tie with probability `damping` and jumping anywhere
 * otherwise. As NetworkX `pagerank`: an undirected tie is walked both ways, a node without outgoing
 * ties (dangling: isolates, or organizations that reported nobody in directed mode) sends its whole
 * score to every node uniformly, the walk starts at 1/n, and stops when Σ|x − x_prev| < n × tolerance.
 *
 * The tolerance defaults to 1e-10, not NetworkX's 1e-6, which stops up to 2.4 % short of the fixed
 * point on grids (LIBRARY-NOTES.md); at 172 nodes the extra iterations cost microseconds.
 * Weighted: ties are followed in proportion to their level. Values sum to 1. PageRank with damping < 1
 * always converges; should the budget run out, the last iterate is returned with `converged: false`.
 */
import { contextOf, toNodeValues, type MetricInput } from './context.js';
import { openUnitInterval, positiveInteger, positiveNumber } from './options.js';
import {
  WEIGHTED_PARAMETER,
  type BaseMetricOptions,
  type MetricDescriptor,
  type NodeValues,
} from './types.js';

export interface PageRankOptions extends BaseMetricOptions {
  /** Probability of following a tie rather than jumping. Default 0.85. */
  damping?: number;
  /** Stop when Σ|x − x_prev| < n × tolerance. Default 1e-10. */
  tolerance?: number;
  /** Iteration budget. Default 1000 (convergence takes ~150 at the default tolerance). */
  maxIterations?: number;
}

export const DEFAULTS = { weighted: false, damping: 0.85, tolerance: 1e-10, maxIterations: 1000 } as const;

export interface PageRankResult {
  values: NodeValues;
  converged: boolean;
  iterations: number;
}

/** PageRank of every node; the values sum to 1 (an empty graph gives no values). */
export function computePageRank(input: MetricInput, options: PageRankOptions = {}): PageRankResult {
  const context = contextOf(input);
  const weighted = options.weighted ?? DEFAULTS.weighted;
  const damping = openUnitInterval('damping', options.damping ?? DEFAULTS.damping);
  const tolerance = positiveNumber('tolerance', options.tolerance ?? DEFAULTS.tolerance);
  const maxIterations = positiveInteger('maxIterations', options.maxIterations ?? DEFAULTS.maxIterations);
  const { n, out } = context;
  const { offsets, targets, levels } = context.in;
  if (n === 0) return { values: {}, converged: true, iterations: 0 };

  // Out-strength of each node: what its score is divided by when it is passed along its ties.
  const outWeight = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let p = out.offsets[v]!; p < out.offsets[v + 1]!; p++)
      outWeight[v]! += weighted ? out.levels[p]! : 1;
  }

  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      if (outWeight[v] === 0) dangling += x[v]!;
      else share[v] = x[v]! / outWeight[v]!;
    }
    const base = (damping * dangling + (1 - damping)) / n;
    let change = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++)
        sum += share[targets[p]!]! * (weighted ? levels[p]! : 1);
      next[v] = damping * sum + base;
      change += Math.abs(next[v]! - x[v]!);
    }
    [x, next] = [next, x];
    if (change < n * tolerance)
      return { values: toNodeValues(context, x), converged: true, iterations: iteration };
  }
  return { values: toNodeValues(context, x), converged: false, iterations: maxIterations };
}

export const descriptor: MetricDescriptor<PageRankOptions, PageRankResult> = {
  id: 'pagerank',
  scope: 'node',
  label: { en: 'PageRank', tr: 'PageRank' },
  description: {
    en: 'How likely someone following cooperation ties from organization to organization is to end up at this one.',
    tr: 'İşbirliği bağlarını kuruluştan kuruluşa izleyen birinin bu kuruluşa varma olasılığı.',
  },
  usesWeights: true,
  parameters: [
    WEIGHTED_PARAMETER,
    {
      name: 'damping',
      type: 'number',
      default: DEFAULTS.damping,
      description: {
        en: 'How likely the walker is to follow a tie rather than jump to any organization.',
        tr: 'Gezginin herhangi bir kuruluşa atlamak yerine bir bağı izleme olasılığı.',
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
    {
      name: 'maxIterations',
      type: 'integer',
      default: DEFAULTS.maxIterations,
      description: {
        en: 'How many refinement rounds to allow before giving an approximate answer.',
        tr: 'Yaklaşık bir sonuç vermeden önce izin verilen iyileştirme turu sayısı.',
      },
    },
  ],
  outputs: [{ key: 'pagerank', scope: 'node', label: { en: 'PageRank', tr: 'PageRank' } }],
  compute: computePageRank,
};
