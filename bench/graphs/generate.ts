/**
 * Reproducible benchmark graphs (issue: scale): seeded stochastic block models (Holland, Laskey &
 * Leinhardt 1983) and Barabási–Albert preferential attachment (Barabási & Albert 1999), with
 * m = 5 n ties ("a 10 000-node / 50 000-tie graph": 5 ties per node on average, mean degree 10).
 *
 * Both are written as plain edge lists (integer node ids) so Köprü and python-igraph read exactly the
 * same graph. The same (kind, n, seed) always gives the same edges: the random stream is Köprü's own
 * seeded xoroshiro128+ (server/domain/random.ts).
 */
import Graph from 'graphology';
import { createRandom } from '../../server/domain/random.js';

export type GraphKind = 'sbm' | 'ba';

export interface EdgeList {
  name: string;
  kind: GraphKind;
  n: number;
  /** Edge e joins sources[e] and targets[e]; no self-ties, no duplicates, sources[e] < targets[e]. */
  sources: Int32Array;
  targets: Int32Array;
  /** Block of each node (SBM); node i % 4 for BA, so the E-I index has groups to read. */
  groups: Int32Array;
}

/** Ties per node on average. */
export const TIES_PER_NODE = 5;

/**
 * SBM with `blocks` equal blocks; 80 % of the ties fall inside a block. Ties are drawn pair by pair
 * until m distinct ones exist (a G(n, m) per block pair rather than G(n, p), so m is exact).
 */
export function stochasticBlockModel(n: number, seed: number, blocks = 10): EdgeList {
  const random = createRandom(seed);
  const m = TIES_PER_NODE * n;
  const size = Math.ceil(n / blocks);
  const groups = new Int32Array(n).map((_, i) => Math.floor(i / size));
  const seen = new Set<number>();
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  let e = 0;
  while (e < m) {
    const u = random.below(n);
    let v: number;
    if (random.float() < 0.8) {
      const block = groups[u]!;
      const start = block * size;
      v = start + random.below(Math.min(n, start + size) - start);
    } else {
      v = random.below(n);
    }
    if (u === v) continue;
    const a = Math.min(u, v);
    const b = Math.max(u, v);
    const key = a * n + b;
    if (seen.has(key)) continue;
    seen.add(key);
    sources[e] = a;
    targets[e++] = b;
  }
  return { name: `sbm-${n}`, kind: 'sbm', n, sources, targets, groups };
}

/**
 * Barabási–Albert: start from a clique of k + 1 nodes, then each new node ties to k distinct existing
 * nodes chosen with probability proportional to degree (the repeated-endpoints list), k = 5.
 */
export function barabasiAlbert(n: number, seed: number, k = TIES_PER_NODE): EdgeList {
  const random = createRandom(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  const endpoints: number[] = [];
  const start = k + 1;
  for (let u = 0; u < start; u++)
    for (let v = u + 1; v < start; v++) {
      sources.push(u);
      targets.push(v);
      endpoints.push(u, v);
    }
  const chosen = new Set<number>();
  for (let v = start; v < n; v++) {
    chosen.clear();
    while (chosen.size < k) chosen.add(endpoints[random.below(endpoints.length)]!);
    for (const u of [...chosen].sort((a, b) => a - b)) {
      sources.push(u);
      targets.push(v);
      endpoints.push(u, v);
    }
  }
  const groups = new Int32Array(n).map((_, i) => i % 4);
  return {
    name: `ba-${n}`,
    kind: 'ba',
    n,
    sources: Int32Array.from(sources),
    targets: Int32Array.from(targets),
    groups,
  };
}

export function generateGraph(kind: GraphKind, n: number, seed = 1): EdgeList {
  return kind === 'sbm' ? stochasticBlockModel(n, seed) : barabasiAlbert(n, seed);
}

/**
 * A second wave: the same graph with 10 % of its ties dropped and as many new random ties, seeded,
 * so `compare` has a real change to test.
 */
export function perturb(list: EdgeList, seed = 2): EdgeList {
  const random = createRandom(seed);
  const { n } = list;
  const m = list.sources.length;
  const keep = new Uint8Array(m).fill(1);
  const seen = new Set<number>();
  for (let e = 0; e < m; e++) seen.add(list.sources[e]! * n + list.targets[e]!);
  let dropped = 0;
  while (dropped < Math.floor(m / 10)) {
    const e = random.below(m);
    if (keep[e]) {
      keep[e] = 0;
      dropped++;
    }
  }
  const sources: number[] = [];
  const targets: number[] = [];
  for (let e = 0; e < m; e++)
    if (keep[e]) {
      sources.push(list.sources[e]!);
      targets.push(list.targets[e]!);
    }
  while (sources.length < m) {
    const u = random.below(n);
    const v = random.below(n);
    const a = Math.min(u, v);
    const b = Math.max(u, v);
    if (a === b || seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    sources.push(a);
    targets.push(b);
  }
  return { ...list, sources: Int32Array.from(sources), targets: Int32Array.from(targets) };
}

/**
 * `nodes.csv` (id, name, kind, group) and `edges.csv` (source, target, wave) that `kopru metrics`
 * reads as a roster + edge list: wave `1` is the graph, wave `2` (when given) its perturbed copy.
 */
export function toRosterCsv(graph: EdgeList, second?: EdgeList): { nodes: string; edges: string } {
  const nodes = ['id,name,kind,group'];
  for (let i = 0; i < graph.n; i++)
    nodes.push(`${i},node ${i},${i % 3 === 0 ? 'institution' : 'ngo'},g${graph.groups[i]}`);
  const edges = ['source,target,wave'];
  for (const [wave, list] of [
    ['1', graph],
    ['2', second],
  ] as const) {
    if (!list) continue;
    for (let e = 0; e < list.sources.length; e++) edges.push(`${list.sources[e]},${list.targets[e]},${wave}`);
  }
  return { nodes: `${nodes.join('\n')}\n`, edges: `${edges.join('\n')}\n` };
}

/**
 * The graph as build-wave-graph makes it: ids "0"…"n−1", `kind` and `city` attributes, `level` 1 on
 * every tie, or a seeded level 1–4 with `levels`; `directed` keeps each tie as the arc source → target.
 */
export function toGraph(list: EdgeList, options: { directed?: boolean; levels?: boolean } = {}): Graph {
  const graph = new Graph({ type: options.directed ? 'directed' : 'undirected', multi: false });
  for (let i = 0; i < list.n; i++)
    graph.addNode(String(i), {
      kind: i % 3 === 0 ? 'institution' : 'ngo',
      city: `city ${list.groups[i]! % 2}`,
      group: `g${list.groups[i]}`,
    });
  const random = createRandom(list.n);
  for (let e = 0; e < list.sources.length; e++) {
    graph.addEdge(String(list.sources[e]), String(list.targets[e]), {
      level: options.levels ? 1 + random.below(4) : 1,
    });
  }
  return graph;
}
