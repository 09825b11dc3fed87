import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { computeBrokerage } from '../../../../server/domain/brokerage/gould-fernandez.js';
import { buildWaveGraph } from '../../../../server/domain/graph/build-wave-graph.js';
import { ValidationError } from '../../../../server/errors.js';
import { readFixture, toDataset } from '../compare/helpers.js';

// Expected counts: R sna 2.7-1 `brokerage(g, cl)$raw.nli` (tests/fixtures/reference/scripts/brokerage_sna.R).
interface SnaGraph {
  name: string;
  nodes: string[];
  groups: string[];
  arcs: [string, string][];
  raw: { id: string; w_I: number; w_O: number; b_IO: number; b_OI: number; b_O: number; t: number }[];
}
const sna = readFixture<{ graphs: SnaGraph[] }>('brokerage/sna-brokerage.json');
const waves = readFixture<{ dataset: Parameters<typeof toDataset>[0] }>('compare/waves.json');

function snaRows(graph: SnaGraph) {
  return graph.raw.map((r) => ({
    id: r.id,
    coordinator: r.w_I,
    consultant: r.w_O,
    representative: r.b_IO,
    gatekeeper: r.b_OI,
    liaison: r.b_O,
    total: r.t,
  }));
}

function graphOf(
  nodes: [string, string][],
  arcs: [string, string][],
  type: 'directed' | 'undirected' = 'directed',
) {
  const graph = new Graph({ type });
  for (const [id, group] of nodes) graph.addNode(id, { kind: group });
  for (const [s, t] of arcs) graph.mergeEdge(s, t);
  return graph;
}

describe('computeBrokerage', () => {
  it('classifies the five roles on hand-checkable two-paths', () => {
    // v (group X) brokers a → v → b for every (a, b) below, and no a → b tie closes any of them.
    const graph = graphOf(
      [
        ['v', 'X'],
        ['x1', 'X'],
        ['x2', 'X'],
        ['y1', 'Y'],
        ['y2', 'Y'],
        ['z1', 'Z'],
      ],
      [
        ['x1', 'v'],
        ['y1', 'v'],
        ['v', 'x2'],
        ['v', 'y2'],
        ['v', 'z1'],
      ],
    );
    const v = computeBrokerage(graph).nodes.find((n) => n.id === 'v')!;
    // x1→v→x2 coordinator; y1→v→y2 consultant; x1→v→y2, x1→v→z1 representative; y1→v→x2 gatekeeper;
    // y1→v→z1 liaison.
    expect(v).toMatchObject({
      group: 'X',
      coordinator: 1,
      consultant: 1,
      representative: 2,
      gatekeeper: 1,
      liaison: 1,
      total: 6,
      primaryRole: 'representative',
    });
  });

  it('does not count a two-path closed by a direct tie, nor a → v → a', () => {
    const graph = graphOf(
      [
        ['a', 'g'],
        ['v', 'g'],
        ['b', 'g'],
      ],
      [
        ['a', 'v'],
        ['v', 'a'],
        ['v', 'b'],
        ['a', 'b'],
      ],
    );
    const result = computeBrokerage(graph);
    expect(result.nodes.find((n) => n.id === 'v')).toMatchObject({ total: 0, primaryRole: null });
    // The other two-paths are closed too (v → a → b by v → b) or return to their start (v → a → v).
    expect(result.totals.total).toBe(0);
  });

  it.each(sna.graphs.map((g) => [g.name, g] as const))('matches sna raw.nli on %s', (name, fixture) => {
    const symmetric = name.endsWith('symmetric') || name.endsWith('undirected');
    const nodes = fixture.nodes.map((id, i) => [id, fixture.groups[i]!] as [string, string]);
    // The symmetric graphs are what an undirected graphology graph means to the brokerage count.
    const graph = graphOf(nodes, fixture.arcs, symmetric ? 'undirected' : 'directed');
    const result = computeBrokerage(graph);
    expect(result.nodes.map(({ primaryRole: _p, group: _g, ...counts }) => counts)).toEqual(snaRows(fixture));
    expect(result.totals.total).toBe(fixture.raw.reduce((sum, r) => sum + r.t, 0));
  });

  it.each([
    ['directed', 'waves-pre-directed'],
    ['undirected', 'waves-pre-undirected'],
  ] as const)('matches sna on a %s wave graph grouped by kind', (mode, name) => {
    const dataset = toDataset(waves.dataset);
    const fixture = sna.graphs.find((g) => g.name === name)!;
    const result = computeBrokerage(buildWaveGraph(dataset, 'pre', mode));
    expect(result.groupBy).toBe('kind');
    expect(result.nodes.map(({ primaryRole: _p, group: _g, ...counts }) => counts)).toEqual(snaRows(fixture));
  });

  it('groups by another attribute and gives the primary role', () => {
    const graph = new Graph({ type: 'directed' });
    graph.addNode('a', { kind: 'ngo', city: 'Gaziantep' });
    graph.addNode('v', { kind: 'ngo', city: 'Hatay' });
    graph.addNode('b', { kind: 'ngo', city: 'Gaziantep' });
    graph.addNode('c', { kind: 'ngo' });
    graph.addEdge('a', 'v');
    graph.addEdge('v', 'b');
    graph.addEdge('v', 'c');
    const byKind = computeBrokerage(graph).nodes.find((n) => n.id === 'v')!;
    expect(byKind).toMatchObject({ coordinator: 2, primaryRole: 'coordinator' });
    const byCity = computeBrokerage(graph, { groupBy: 'city' }).nodes.find((n) => n.id === 'v')!;
    // a → v → b: both Gaziantep, v Hatay: consultant. a → v → c: c has no city, so no group (as in the
    // E-I index): the two-path is not classified.
    expect(byCity).toMatchObject({
      group: 'Hatay',
      consultant: 1,
      liaison: 0,
      total: 1,
      primaryRole: 'consultant',
    });
    expect(computeBrokerage(graph, { groupBy: 'city' }).nodes.find((n) => n.id === 'c')!.group).toBeNull();
  });

  it('gives equal counts to the first role in the documented order', () => {
    const graph = graphOf(
      [
        ['a', 'X'],
        ['v', 'X'],
        ['b', 'X'],
        ['c', 'Y'],
        ['d', 'Y'],
      ],
      [
        ['a', 'v'],
        ['v', 'b'],
        ['c', 'v'],
        ['v', 'd'],
      ],
    );
    // a→v→b coordinator, c→v→d itinerant (v is X, c and d are Y), a→v→d representative, c→v→b gatekeeper.
    // One each: the coordinator comes first.
    expect(computeBrokerage(graph).nodes.find((n) => n.id === 'v')).toMatchObject({
      coordinator: 1,
      consultant: 1,
      representative: 1,
      gatekeeper: 1,
      primaryRole: 'coordinator',
    });
  });

  it('rejects an attribute no organization has, naming groupBy', () => {
    const graph = graphOf([['a', 'X']], []);
    expect(() => computeBrokerage(graph, { groupBy: 'sector' })).toThrow(ValidationError);
    expect(() => computeBrokerage(graph, { groupBy: 'sector' })).toThrow(/groupBy/);
  });
});
