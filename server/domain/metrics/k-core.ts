/**
 * Core number (Seidman 1983, "Network structure and minimum degree"): the largest k such that the node
 * belongs to a subgroup where everyone has at least k partners inside it. Computed with the O(m)
 * bin-sort peeling of Batagelj & Zaveršnik (2003) on the undirected view, i.e. NetworkX `core_number`
 * of the undirected graph. In directed mode we use the undirected view rather than NetworkX's
 * in+out degree (which counts a mutual pair twice). Binary.
 */
import { contextOf, rowLength, toNodeValues, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor, NodeValues } from './types.js';

/** `weighted` is accepted and ignored. */
export type KCoreOptions = BaseMetricOptions;

/** No parameters. */
export const DEFAULTS = {} as const;

/** Core number of every node (0 for isolates). */
export function computeKCore(input: MetricInput, _options: KCoreOptions = {}): NodeValues {
  const context = contextOf(input);
  const { n, und } = context;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    degree[v] = rowLength(und, v);
    if (degree[v]! > maxDegree) maxDegree = degree[v]!;
  }
  // Bucket sort by degree: `order` holds nodes by current degree, `binStart[d]` where degree d begins.
  const binStart = new Int32Array(maxDegree + 2);
  for (let v = 0; v < n; v++) binStart[degree[v]! + 1]!++;
  for (let d = 1; d <= maxDegree + 1; d++) binStart[d]! += binStart[d - 1]!;
  const position = new Int32Array(n);
  const order = new Int32Array(n);
  const next = binStart.slice();
  for (let v = 0; v < n; v++) {
    position[v] = next[degree[v]!]!++;
    order[position[v]!] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    for (let p = und.offsets[v]!; p < und.offsets[v + 1]!; p++) {
      const u = und.targets[p]!;
      if (degree[u]! <= degree[v]!) continue;
      // Move u to the front of its bin, then shrink the bin: u's degree drops by one in O(1).
      const du = degree[u]!;
      const front = binStart[du]!;
      const w = order[front]!;
      if (w !== u) {
        order[position[u]!] = w;
        position[w] = position[u]!;
        order[front] = u;
        position[u] = front;
      }
      binStart[du]!++;
      degree[u]!--;
    }
  }
  return toNodeValues(context, degree);
}

export const descriptor: MetricDescriptor<KCoreOptions, NodeValues> = {
  id: 'kCore',
  scope: 'node',
  label: { en: 'Core level', tr: 'Çekirdek düzeyi' },
  description: {
    en: 'How deep in the tightly knit heart of the network an organization sits: the largest group it belongs to where everyone has at least this many partners in the group.',
    tr: 'Bir kuruluşun ağın sıkı bağlı çekirdeğinde ne kadar derinde olduğu: herkesin grup içinde en az bu kadar ortağı olan en büyük gruba ait olması.',
  },
  usesWeights: false,
  parameters: [],
  outputs: [{ key: 'kCore', scope: 'node', label: { en: 'Core level', tr: 'Çekirdek düzeyi' } }],
  compute: computeKCore,
};
