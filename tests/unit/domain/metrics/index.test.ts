import { describe, expect, it } from 'vitest';
import { buildWaveGraph } from '../../../../server/domain/graph/build-wave-graph.js';
import { computeWaveMetrics, type WaveMetrics } from '../../../../server/domain/metrics/index.js';
import type { Dataset } from '../../../../server/domain/types.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases, mismatches } from './reference.js';
import { graphOf, TRIANGLE_PENDANT } from './tiny.js';

const NETWORK_KEYS = [
  'nodes',
  'edges',
  'density',
  'averageDegree',
  'components',
  'largestComponent',
  'isolates',
  'transitivity',
  'averageClustering',
  'degreeCentralization',
  'diameter',
  'averagePathLength',
  'modularity',
  'communities',
  'eiIndex',
  'crossCityTies',
];
const NODE_KEYS = [
  'betweenness',
  'closeness',
  'harmonicCloseness',
  'eigenvector',
  'pagerank',
  'clustering',
  'community',
  'kCore',
  // Gould–Fernandez brokerage (checked against R sna in tests/unit/domain/brokerage).
  'brokerageRole',
  'coordinator',
  'consultant',
  'representative',
  'gatekeeper',
  'liaison',
  'brokerage',
];
const BROKERAGE_KEYS = new Set(NODE_KEYS.slice(NODE_KEYS.indexOf('brokerageRole')));

const DATASET: Pick<Dataset, 'organizations' | 'ties' | 'waves'> = {
  waves: [{ id: 'pre', label: 'Before', date: '2024-01-01' }],
  organizations: [
    { id: 'ngo-2', name: 'B', kind: 'ngo', city: 'Hatay', focus: ['health'], extra: {} },
    { id: 'ngo-1', name: 'A', kind: 'ngo', city: 'Kilis', focus: [], extra: {} },
    { id: 'inst-1', name: 'C', kind: 'institution', city: 'Hatay', focus: [], extra: {} },
    { id: 'ngo-3', name: 'D', kind: 'ngo', focus: [], extra: {} },
  ],
  ties: [
    { source: 'ngo-1', target: 'ngo-2', wave: 'pre', level: 2, extra: {} },
    { source: 'ngo-2', target: 'ngo-1', wave: 'pre', level: 3, extra: {} },
    { source: 'ngo-2', target: 'inst-1', wave: 'pre', level: 1, extra: {} },
  ],
};

/** Every number in the result, with its path, to check that none is NaN or infinite. */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => numbers(inner, `${path}.${key}`));
  }
  return [];
}

describe('computeWaveMetrics', () => {
  it('returns the contract shape (DATA-FORMAT.md §4), nodes sorted by id', () => {
    const result = computeWaveMetrics(buildWaveGraph(DATASET, 'pre', 'undirected'), {
      wave: 'pre',
      mode: 'undirected',
    });
    expect(Object.keys(result)).toEqual([
      'wave',
      'mode',
      'weighted',
      'groupBy',
      'network',
      'groups',
      'nodes',
    ]);
    expect(result).toMatchObject({ wave: 'pre', mode: 'undirected', weighted: false, groupBy: 'kind' });
    expect(Object.keys(result.network)).toEqual([...NETWORK_KEYS, 'eigenvectorConverged']);
    expect(result.nodes.map((node) => node.id)).toEqual(['inst-1', 'ngo-1', 'ngo-2', 'ngo-3']);
    expect(Object.keys(result.nodes[0]!)).toEqual(['id', 'degree', ...NODE_KEYS]);
    // Hand-checked: ties ngo-1–ngo-2 (ngo, ngo) and ngo-2–inst-1 (ngo, institution) → E-I 0;
    // ngo-3 is an isolate; one tie crosses cities (Hatay–Kilis), the other stays in Hatay.
    expect(result.network).toMatchObject({
      nodes: 4,
      edges: 2,
      isolates: 1,
      components: 2,
      eiIndex: 0,
      crossCityTies: 1,
    });
    expect(result.groups.eiIndex).toEqual({ institution: 1, ngo: 0 });
  });

  it('adds reciprocity and in/out degree in directed mode, strength when weighted', () => {
    const graph = buildWaveGraph(DATASET, 'pre', 'directed');
    const result = computeWaveMetrics(graph, { wave: 'pre', mode: 'directed', weighted: true });
    expect(Object.keys(result.network)).toEqual([...NETWORK_KEYS, 'reciprocity', 'eigenvectorConverged']);
    expect(Object.keys(result.nodes[0]!)).toEqual([
      'id',
      'degree',
      'inDegree',
      'outDegree',
      'strength',
      ...NODE_KEYS,
    ]);
    // ngo-1 ⇄ ngo-2 (2 arcs of 3 reciprocated); ngo-2: out 2 (levels 3, 1), in 1 (level 2).
    expect(result.network.reciprocity).toBeCloseTo(2 / 3, 12);
    expect(result.nodes.find((node) => node.id === 'ngo-2')).toMatchObject({
      inDegree: 1,
      outDegree: 2,
      strength: 6,
    });
  });

  it('has no NaN for an empty graph, one organization, or a wave with no ties', () => {
    const lone = graphOf([], { nodes: ['a'] });
    const noTies = graphOf([], { nodes: { a: { kind: 'ngo' }, b: { kind: 'institution' }, c: {} } });
    for (const graph of [graphOf([]), lone, noTies]) {
      for (const mode of ['undirected', 'reciprocated'] as const) {
        const result = computeWaveMetrics(graph, { wave: 'w', mode });
        expect(numbers(result).filter(([, value]) => !Number.isFinite(value))).toEqual([]);
        expect(result.network).toMatchObject({
          density: 0,
          diameter: 0,
          averagePathLength: 0,
          degreeCentralization: 0,
          modularity: 0,
          eiIndex: null,
          eigenvectorConverged: false,
        });
      }
    }
    const directed = computeWaveMetrics(graphOf([], { directed: true, nodes: ['a', 'b'] }), {
      wave: 'w',
      mode: 'directed',
    });
    expect(directed.network.reciprocity).toBe(0);
    expect(computeWaveMetrics(noTies, { wave: 'w', mode: 'undirected' }).network).toMatchObject({
      nodes: 3,
      isolates: 3,
      components: 3,
      largestComponent: 1,
      communities: 3,
    });
  });

  it('is deterministic for a given seed', () => {
    const graph = graphOf(TRIANGLE_PENDANT);
    const options = { wave: 'w', mode: 'undirected', seed: 3 } as const;
    expect(computeWaveMetrics(graph, options)).toEqual(computeWaveMetrics(graph, options));
  });

  it.each(loadCases())('matches NetworkX on every metric: $name', ({ graph, mode, weighted, reference }) => {
    const result: WaveMetrics = computeWaveMetrics(graph, {
      wave: 'w',
      mode,
      weighted,
      groupBy: reference.groupBy,
    });
    const { modularity, communities, ...network } = result.network as unknown as Record<string, number>;
    const { eigenvectorConverged, ...expectedNetwork } = reference.network;
    expect(network['eigenvectorConverged']).toBe(eigenvectorConverged);
    delete network['eigenvectorConverged'];
    expect(mismatches(network, expectedNetwork as Record<string, number | null>)).toEqual([]);
    expect(mismatches(result.groups.eiIndex, reference.groups.eiIndex)).toEqual([]);
    if (reference.modularity) {
      expect(modularity).toBeGreaterThanOrEqual(
        Math.max(reference.modularity.louvain, reference.modularity.greedy) - 0.02,
      );
    }
    expect(communities).toBe(new Set(result.nodes.map((node) => node.community)).size);
    for (const node of result.nodes) {
      const { id, community, ...all } = node as unknown as Record<string, number> & { id: string };
      expect(community).toBeGreaterThanOrEqual(0);
      // NetworkX has no brokerage roles; those are compared with R sna in their own tests.
      const values = Object.fromEntries(Object.entries(all).filter(([key]) => !BROKERAGE_KEYS.has(key)));
      expect(mismatches(values, reference.nodes[id]!).map((wrong) => `${id}.${wrong}`)).toEqual([]);
    }
  });

  it('rejects an unknown groupBy attribute, naming the field', () => {
    const graph = buildWaveGraph(DATASET, 'pre');
    expect(() => computeWaveMetrics(graph, { wave: 'pre', mode: 'undirected', groupBy: 'sektor' })).toThrow(
      expect.objectContaining({
        name: 'ValidationError',
        message: expect.stringContaining('groupBy'),
        issues: [expect.objectContaining({ column: 'groupBy' })],
      }),
    );
  });

  it('rejects a mode that does not match the graph, and a bad seed', () => {
    const graph = buildWaveGraph(DATASET, 'pre');
    expect(() => computeWaveMetrics(graph, { wave: 'pre', mode: 'directed' })).toThrow(ValidationError);
    expect(() => computeWaveMetrics(graph, { wave: 'pre', mode: 'sideways' as never })).toThrow(
      ValidationError,
    );
    expect(() => computeWaveMetrics(graph, { wave: 'pre', mode: 'undirected', seed: Number.NaN })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ column: 'seed' })] }),
    );
  });
});
