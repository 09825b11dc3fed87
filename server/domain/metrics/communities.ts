/**
 * Communities and modularity: groups of organizations that cooperate more among themselves than with
 * the rest. Partition by Louvain (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast unfolding of
 * communities in large networks", J. Stat. Mech. P10008) from graphology-communities-louvain; its
 * quality by Newman–Girvan modularity (Newman & Girvan 2004; Newman 2006), as NetworkX `modularity`:
 * Q = Σ_c [ W_c/W − γ (S_c/2W)² ], W the total tie weight, W_c the weight inside c, S_c the summed
 * strength of c's members, γ the resolution.
 *
 * Louvain visits nodes in random order, drawn from the seeded stream of ../random.ts (`seed`, default
 * 42), so a given graph and seed always give the same partition, whatever order the graph was built in.
 * graphology's `randomWalk` only picks a random starting node and then walks the nodes in the order they
 * were added (a rotation, not a shuffle). In id order that sweeps each tightly knit run of ids in turn,
 * which on the 10 000-node SBM bench graph (blocks are id ranges) stopped at modularity 0.58–0.59 where
 * igraph's multilevel, which visits in a shuffled order, reaches 0.63. So the nodes are added to the
 * graph handed to Louvain in a seeded random permutation of the ascending ids: then the walk is a
 * uniformly random order, as in Blondel et al. and igraph, and reaches igraph's quality (README,
 * "Scale"). Modularity is computed here from the partition rather than read from Louvain, so it is
 * exactly the value NetworkX gives for the same partition.
 *
 * Directed mode partitions the undirected view (a tie in either direction links two organizations):
 * who works with whom, not who reported whom, and the same communities as the undirected mode would
 * find on mutual ties. Weighted: tie weight = level. Without ties every organization is its own
 * community and modularity is 0 (graphology returns NaN there).
 *
 * Community ids are renumbered by size, 0 the largest, equal sizes ordered by their smallest id.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { ValidationError } from '../../errors.js';
import { createRandom } from '../random.js';
import { contextOf, type MetricContext, type MetricInput } from './context.js';
import { positiveNumber } from './options.js';
import {
  WEIGHTED_PARAMETER,
  type BaseMetricOptions,
  type MetricDescriptor,
  type NodeValues,
} from './types.js';

export interface CommunitiesOptions extends BaseMetricOptions {
  /** Seed of Louvain's random node order; an integer, taken modulo 2^32. Default 42. */
  seed?: number;
  /** Modularity resolution γ; above 1 favours smaller communities. Default 1 (DATA-FORMAT.md §3). */
  resolution?: number;
}

export const DEFAULTS = { weighted: false, seed: 42, resolution: 1 } as const;

export interface CommunitiesResult {
  /** Modularity of the partition found; 0 without ties. */
  modularity: number;
  /** Number of communities, isolates counting as their own. */
  communities: number;
  /** Community id of each node (0 = largest). */
  membership: NodeValues;
}

/** Validates a seed and returns it as the 32-bit integer the generator takes. */
export function checkSeed(seed: number): number {
  if (!Number.isSafeInteger(seed)) {
    throw new ValidationError(`seed must be an integer (got ${String(seed)}).`, [
      { column: 'seed', reason: `must be an integer, got ${String(seed)}` },
    ]);
  }
  return seed | 0;
}

/** Modularity of a partition given as a community index per node (index order of the context). */
function modularityOfLabels(
  context: MetricContext,
  label: ArrayLike<number>,
  weighted: boolean,
  resolution: number,
): number {
  const { n, und } = context;
  const { offsets, targets, levels } = und;
  let groups = 0;
  for (let v = 0; v < n; v++) groups = Math.max(groups, label[v]! + 1);
  const inside = new Float64Array(groups);
  const strength = new Float64Array(groups);
  let total = 0;
  for (let v = 0; v < n; v++) {
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const w = weighted ? levels[p]! : 1;
      strength[label[v]!]! += w;
      total += w;
      if (label[targets[p]!] === label[v]) inside[label[v]!]! += w;
    }
  }
  // Each tie was seen from both ends: `total` is 2W and `inside[c]` is 2W_c.
  if (total === 0) return 0;
  let q = 0;
  for (let c = 0; c < groups; c++) q += inside[c]! / total - resolution * (strength[c]! / total) ** 2;
  return q;
}

/**
 * Modularity of a given partition (community per node id, any string or number) on the undirected
 * view; NetworkX `modularity(G, communities, weight, resolution)`. Every node must have a community.
 */
export function computeModularity(
  input: MetricInput,
  partition: Readonly<Record<string, string | number>>,
  options: Omit<CommunitiesOptions, 'seed'> = {},
): number {
  const context = contextOf(input);
  const resolution = positiveNumber('resolution', options.resolution ?? DEFAULTS.resolution);
  const index = new Map<string | number, number>();
  const label = new Int32Array(context.n);
  context.ids.forEach((id, v) => {
    if (!Object.hasOwn(partition, id)) {
      throw new ValidationError(`The partition gives no community for node "${id}".`, [
        { column: 'partition', reason: `no community for node ${id}` },
      ]);
    }
    const community = partition[id]!;
    if (!index.has(community)) index.set(community, index.size);
    label[v] = index.get(community)!;
  });
  return modularityOfLabels(context, label, options.weighted ?? DEFAULTS.weighted, resolution);
}

/** Louvain communities (seeded) and their modularity. */
export function computeCommunities(input: MetricInput, options: CommunitiesOptions = {}): CommunitiesResult {
  const context = contextOf(input);
  const weighted = options.weighted ?? DEFAULTS.weighted;
  const seed = checkSeed(options.seed ?? DEFAULTS.seed);
  const resolution = positiveNumber('resolution', options.resolution ?? DEFAULTS.resolution);
  const { n, ids, und } = context;

  const found = new Int32Array(n);
  if (context.m > 0) {
    const random = createRandom(seed);
    const view = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    // Insertion order is graphology Louvain's visiting order (see the module's docblock).
    for (const v of random.shuffle(Int32Array.from({ length: n }, (_, i) => i))) view.addNode(ids[v]!);
    for (let v = 0; v < n; v++) {
      for (let p = und.offsets[v]!; p < und.offsets[v + 1]!; p++) {
        const w = und.targets[p]!;
        if (v < w) view.addEdge(ids[v]!, ids[w]!, { weight: und.levels[p]! });
      }
    }
    const mapping = louvain(view, {
      getEdgeWeight: weighted ? 'weight' : null,
      resolution,
      rng: random.float,
    });
    ids.forEach((id, v) => (found[v] = mapping[id]!));
  } else {
    for (let v = 0; v < n; v++) found[v] = v;
  }

  return communitiesOfLabels(context, found, weighted, resolution);
}

/**
 * A partition found elsewhere (Neo4j GDS's Louvain: server/neo4j/gds/) as a {@link CommunitiesResult}:
 * renumbered and scored exactly as {@link computeCommunities} does with its own partition.
 * @throws ValidationError when a node has no community.
 */
export function communitiesFromPartition(
  input: MetricInput,
  partition: Readonly<Record<string, number>>,
  options: Omit<CommunitiesOptions, 'seed'> = {},
): CommunitiesResult {
  const context = contextOf(input);
  const resolution = positiveNumber('resolution', options.resolution ?? DEFAULTS.resolution);
  const found = new Int32Array(context.n);
  context.ids.forEach((id, v) => {
    const community = partition[id];
    if (community === undefined || !Number.isInteger(community)) {
      throw new ValidationError(`The partition gives no community for node "${id}".`, [
        { column: 'partition', reason: `no community for node ${id}` },
      ]);
    }
    found[v] = community;
  });
  return communitiesOfLabels(context, found, options.weighted ?? DEFAULTS.weighted, resolution);
}

function communitiesOfLabels(
  context: MetricContext,
  found: Int32Array,
  weighted: boolean,
  resolution: number,
): CommunitiesResult {
  const { n, ids } = context;
  // Renumber: by size (descending), then by first appearance in id order (stable sort).
  const sizes = new Map<number, number>();
  const firstSeen: number[] = [];
  for (let v = 0; v < n; v++) {
    const c = found[v]!;
    if (!sizes.has(c)) firstSeen.push(c);
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  }
  const ranked = firstSeen.sort((a, b) => sizes.get(b)! - sizes.get(a)!);
  const rank = new Map(ranked.map((c, r) => [c, r]));
  const label = new Int32Array(n);
  for (let v = 0; v < n; v++) label[v] = rank.get(found[v]!)!;

  return {
    modularity: modularityOfLabels(context, label, weighted, resolution),
    communities: ranked.length,
    membership: Object.fromEntries(ids.map((id, v) => [id, label[v]!])),
  };
}

export const descriptor: MetricDescriptor<CommunitiesOptions, CommunitiesResult> = {
  id: 'communities',
  scope: 'network',
  label: { en: 'Communities', tr: 'Topluluklar' },
  description: {
    en: 'Groups of organizations that cooperate more with each other than with the rest, and how clearly the network splits into such groups.',
    tr: 'Birbiriyle ağın geri kalanından daha çok işbirliği yapan kuruluş grupları ve ağın bu gruplara ne kadar belirgin ayrıldığı.',
  },
  usesWeights: true,
  parameters: [
    WEIGHTED_PARAMETER,
    {
      name: 'seed',
      type: 'integer',
      default: DEFAULTS.seed,
      description: {
        en: 'Starting number of the random order; the same number always gives the same groups.',
        tr: 'Rastgele sıranın başlangıç sayısı; aynı sayı her zaman aynı grupları verir.',
      },
    },
    {
      name: 'resolution',
      type: 'number',
      default: DEFAULTS.resolution,
      description: {
        en: 'Above 1, the network is split into more, smaller groups.',
        tr: "1'in üzerinde ağ daha çok sayıda, daha küçük gruba bölünür.",
      },
    },
  ],
  outputs: [
    { key: 'modularity', scope: 'network', label: { en: 'Modularity', tr: 'Modülerlik' } },
    { key: 'communities', scope: 'network', label: { en: 'Communities', tr: 'Topluluk sayısı' } },
    { key: 'community', scope: 'node', label: { en: 'Community', tr: 'Topluluk' } },
  ],
  compute: computeCommunities,
};
