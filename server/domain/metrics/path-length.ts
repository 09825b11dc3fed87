/**
 * Diameter and average path length (Wasserman & Faust 1994, §4.3.1; Watts & Strogatz 1998) over the
 * largest component, counting steps (unweighted), as DATA-FORMAT.md §3 requires; NetworkX `diameter`
 * and `average_shortest_path_length` of the largest component's subgraph.
 *
 * Directed mode uses the undirected view of the largest weakly connected component: on arcs, most
 * pairs of a weak component have no directed path, which makes NetworkX's directed average undefined
 * (it raises). "How many steps apart, whoever reported the tie" is also the question officials ask.
 *
 * When two components are the largest, the one holding the smallest id is used (see components.ts).
 * Both values are 0 when the largest component has one node (or the graph none).
 */
import { componentLabels } from './components.js';
import { contextOf, type MetricInput } from './context.js';
import { cachedShortestPathSweep } from './shortest-paths.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

/** `weighted` is accepted and ignored: distances count ties. */
export type PathLengthOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

export interface PathLengthResult {
  /** Longest shortest path, in ties. */
  diameter: number;
  /** Mean shortest path over ordered pairs of distinct nodes. */
  averagePathLength: number;
}

/** Diameter and average path length of the largest component. */
export function computePathLength(input: MetricInput, _options: PathLengthOptions = {}): PathLengthResult {
  const context = contextOf(input);
  const { n, und } = context;
  const { label, sizes } = componentLabels(context);
  const size = sizes[0] ?? 0;
  if (size < 2) return { diameter: 0, averagePathLength: 0 };

  let diameter = 0;
  let total = 0;
  // In undirected mode the unweighted betweenness sweep (if it ran) already did a BFS from every source.
  const sweep = context.directed ? undefined : cachedShortestPathSweep(context, false);
  if (sweep) {
    for (let s = 0; s < n; s++) {
      if (label[s] !== 0) continue;
      diameter = Math.max(diameter, sweep.eccentricity[s]!);
      total += sweep.outgoingDistanceSum[s]!;
    }
  } else {
    const dist = new Int32Array(n);
    const queue = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      if (label[s] !== 0) continue;
      dist.fill(-1);
      dist[s] = 0;
      queue[0] = s;
      let head = 0;
      let tail = 1;
      while (head < tail) {
        const v = queue[head++]!;
        for (let p = und.offsets[v]!; p < und.offsets[v + 1]!; p++) {
          const w = und.targets[p]!;
          if (dist[w]! >= 0) continue;
          dist[w] = dist[v]! + 1;
          total += dist[w]!;
          queue[tail++] = w;
        }
      }
      diameter = Math.max(diameter, dist[queue[tail - 1]!]!);
    }
  }
  return { diameter, averagePathLength: total / (size * (size - 1)) };
}

export const descriptor: MetricDescriptor<PathLengthOptions, PathLengthResult> = {
  id: 'pathLength',
  scope: 'network',
  label: { en: 'Distances', tr: 'Uzaklıklar' },
  description: {
    en: 'How many steps of cooperation separate organizations in the largest connected group: the longest such chain and the average one.',
    tr: 'En büyük bağlı grupta kuruluşları kaç işbirliği adımının ayırdığı: en uzun zincir ve ortalama zincir.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [
    { key: 'diameter', scope: 'network', label: { en: 'Diameter', tr: 'Çap' } },
    {
      key: 'averagePathLength',
      scope: 'network',
      label: { en: 'Average path length', tr: 'Ortalama yol uzunluğu' },
    },
  ],
  compute: computePathLength,
};
