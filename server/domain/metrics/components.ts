/**
 * Connected components (Wasserman & Faust 1994, §4.3.2): groups of organizations linked by a chain of
 * ties. In directed mode they are weakly connected components (direction ignored), as in
 * DATA-FORMAT.md §3 and NetworkX `number_weakly_connected_components`. An isolate is a component of one.
 */
import { contextOf, type MetricContext, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor, NodeValues } from './types.js';

/** `weighted` is accepted and ignored. */
export type ComponentsOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

export interface ComponentsResult {
  /** Number of components; 0 for an empty graph. */
  components: number;
  /** Node count of the largest component; 0 for an empty graph. */
  largestComponent: number;
  /**
   * Component of each node: 0 is the largest; equal sizes are ordered by their smallest node id, which
   * makes "the largest component" well defined when two tie.
   */
  membership: NodeValues;
}

/** Component labels over the undirected view, numbered as in `ComponentsResult.membership`. */
export interface ComponentLabels {
  label: Int32Array;
  /** sizes[c] = node count of component c, non-increasing. */
  sizes: number[];
}

export function componentLabels(context: MetricContext): ComponentLabels {
  return context.memo('components', () => {
    const { n, und } = context;
    const found = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    const foundSizes: number[] = [];
    // Nodes are in ascending id order, so components are discovered in order of their smallest id.
    for (let s = 0; s < n; s++) {
      if (found[s]! >= 0) continue;
      const c = foundSizes.length;
      found[s] = c;
      queue[0] = s;
      let head = 0;
      let tail = 1;
      while (head < tail) {
        const v = queue[head++]!;
        for (let p = und.offsets[v]!; p < und.offsets[v + 1]!; p++) {
          const w = und.targets[p]!;
          if (found[w]! < 0) {
            found[w] = c;
            queue[tail++] = w;
          }
        }
      }
      foundSizes.push(tail);
    }
    // Stable sort: equal sizes keep discovery order.
    const byRank = foundSizes.map((_, c) => c).sort((a, b) => foundSizes[b]! - foundSizes[a]!);
    const rank = new Int32Array(foundSizes.length);
    byRank.forEach((c, r) => (rank[c] = r));
    const label = new Int32Array(n);
    for (let v = 0; v < n; v++) label[v] = rank[found[v]!]!;
    return { label, sizes: byRank.map((c) => foundSizes[c]!) };
  });
}

/** Counts components and the size of the largest. */
export function computeComponents(input: MetricInput, _options: ComponentsOptions = {}): ComponentsResult {
  const context = contextOf(input);
  const { label, sizes } = componentLabels(context);
  return {
    components: sizes.length,
    largestComponent: sizes[0] ?? 0,
    membership: Object.fromEntries(context.ids.map((id, i) => [id, label[i]!])),
  };
}

export const descriptor: MetricDescriptor<ComponentsOptions, ComponentsResult> = {
  id: 'components',
  scope: 'network',
  label: { en: 'Components', tr: 'Bileşenler' },
  description: {
    en: 'How many separate groups the network falls into, where no chain of cooperation links one group to another.',
    tr: 'Ağın, aralarında hiçbir işbirliği zinciri bulunmayan kaç ayrı gruba bölündüğü.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [
    { key: 'components', scope: 'network', label: { en: 'Components', tr: 'Bileşenler' } },
    {
      key: 'largestComponent',
      scope: 'network',
      label: { en: 'Largest component', tr: 'En büyük bileşen' },
    },
  ],
  compute: computeComponents,
};
