import { describe, expect, it } from 'vitest';
import {
  buildNeighborhoods,
  connectedComponents,
} from '../../../../server/domain/isolation/neighborhoods.js';
import { reference, undirected, type ReferenceGraph } from './reference.js';

describe('connectedComponents', () => {
  it('finds every component, isolates included, ordered by first node', () => {
    const ref = reference.graphs['peripheral'] as ReferenceGraph;
    const components = connectedComponents(buildNeighborhoods(undirected(ref.nodes, ref.edges)));
    expect(components.map((c) => [...c].sort())).toEqual([
      ['c1', 'c2', 'c3', 'c4', 'p1', 't1', 't2', 't3'],
      ['iso-a'],
      ['iso-b'],
      ['s1', 's2'],
    ]);
  });
});
