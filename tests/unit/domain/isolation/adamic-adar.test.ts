import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { adamicAdarIndex, commonNeighbors } from '../../../../server/domain/isolation/adamic-adar.js';
import { buildNeighborhoods } from '../../../../server/domain/isolation/neighborhoods.js';
import { reference, undirected } from './reference.js';

describe('adamicAdarIndex', () => {
  it('weighs a shared partner by 1 / ln(its degree)', () => {
    // a – hub – b, hub also tied to c and d; a – p – b with p tied to nobody else.
    const nbhd = buildNeighborhoods(
      undirected(
        ['a', 'b', 'c', 'd', 'hub', 'p'],
        [
          ['a', 'hub'],
          ['b', 'hub'],
          ['c', 'hub'],
          ['d', 'hub'],
          ['a', 'p'],
          ['b', 'p'],
        ],
      ),
    );
    expect(commonNeighbors(nbhd, 'a', 'b').sort()).toEqual(['hub', 'p']);
    expect(adamicAdarIndex(nbhd, 'a', 'b')).toBeCloseTo(1 / Math.log(4) + 1 / Math.log(2), 12);
    expect(adamicAdarIndex(nbhd, 'a', 'c')).toBeCloseTo(1 / Math.log(4), 12);
    expect(adamicAdarIndex(nbhd, 'c', 'p')).toBe(0);
  });

  it('is 0 for unknown nodes instead of throwing', () => {
    const nbhd = buildNeighborhoods(undirected(['a'], []));
    expect(adamicAdarIndex(nbhd, 'a', 'nope')).toBe(0);
    expect(commonNeighbors(nbhd, 'nope', 'a')).toEqual([]);
  });

  it('reads a directed graph through its undirected neighbourhoods', () => {
    const graph = new Graph({ type: 'directed' });
    for (const node of ['a', 'b', 'w']) graph.addNode(node);
    graph.addEdge('a', 'w');
    graph.addEdge('w', 'b');
    graph.addEdge('b', 'w');
    const nbhd = buildNeighborhoods(graph);
    expect(nbhd.get('w')?.size).toBe(2);
    expect(adamicAdarIndex(nbhd, 'a', 'b')).toBeCloseTo(1 / Math.log(2), 12);
  });

  for (const [name, ref] of Object.entries(reference.graphs)) {
    it(`matches NetworkX adamic_adar_index on every non-adjacent pair of "${name}"`, () => {
      const nbhd = buildNeighborhoods(undirected(ref.nodes, ref.edges));
      expect(ref.adamicAdar.length).toBeGreaterThan(0);
      for (const [u, v, expected] of ref.adamicAdar) {
        expect(adamicAdarIndex(nbhd, u, v), `${u}–${v}`).toBeCloseTo(expected, 12);
        expect(adamicAdarIndex(nbhd, v, u), `${v}–${u}`).toBeCloseTo(expected, 12);
      }
    });
  }
});
