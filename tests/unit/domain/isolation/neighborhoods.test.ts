import { describe, expect, it } from 'vitest';
import { buildNeighborhoods } from '../../../../server/domain/isolation/neighborhoods.js';
import { computeComponents } from '../../../../server/domain/metrics/components.js';
import { reference, undirected, type ReferenceGraph } from './reference.js';

describe('components of the isolation fixture (used for outside_largest_component)', () => {
  it('finds every component, isolates included', () => {
    const ref = reference.graphs['peripheral'] as ReferenceGraph;
    const { membership } = computeComponents(undirected(ref.nodes, ref.edges));
    const groups = new Map<number, string[]>();
    for (const [id, label] of Object.entries(membership))
      groups.set(label, [...(groups.get(label) ?? []), id]);
    expect([...groups.values()].map((c) => c.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1))).toEqual([
      ['c1', 'c2', 'c3', 'c4', 'p1', 't1', 't2', 't3'],
      ['iso-a'],
      ['iso-b'],
      ['s1', 's2'],
    ]);
  });

  it('gives every node its distinct neighbours, isolates with none', () => {
    const ref = reference.graphs['peripheral'] as ReferenceGraph;
    const neighborhoods = buildNeighborhoods(undirected(ref.nodes, ref.edges));
    expect(neighborhoods.get('iso-a')?.size).toBe(0);
    expect([...(neighborhoods.get('s1') ?? [])]).toEqual(['s2']);
  });
});
