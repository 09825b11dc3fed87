import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type {
  UnionEdgeAttributes,
  UnionGraph,
  UnionNodeAttributes,
} from '../../../../client/src/core/network';
import { createTieView } from '../../../../client/src/sigma/tie-view';

function union(): UnionGraph {
  const graph: UnionGraph = new Graph<UnionNodeAttributes, UnionEdgeAttributes>({ type: 'undirected' });
  for (const id of ['a', 'b', 'c', 'd', 'e']) {
    graph.addNode(id, {
      name: id,
      kind: 'ngo',
      type: null,
      city: null,
      district: null,
      focus: [],
      refugeeLed: null,
      x: 0,
      y: 0,
    });
  }
  graph.addEdgeWithKey('ab', 'a', 'b', { levels: { pre: 4 } });
  graph.addEdgeWithKey('bc', 'b', 'c', { levels: { pre: 3 } });
  graph.addEdgeWithKey('cd', 'c', 'd', { levels: { post: 2 } });
  graph.addEdgeWithKey('de', 'd', 'e', { levels: { pre: 1, post: 1 } });
  graph.addEdgeWithKey('ae', 'a', 'e', { levels: { post: 1 } });
  return graph;
}

describe('createTieView', () => {
  const ranked = ['ab', 'bc', 'cd', 'de', 'ae'];

  it('holds every organization and only the ties ranked below the limit', () => {
    const view = createTieView(union(), ranked, 2);
    expect(view.graph.order).toBe(5);
    expect(view.graph.edges().sort()).toStrictEqual(['ab', 'bc']);
    expect(view.graph.type).toBe('undirected');
  });

  it('grows with the limit and never adds a tie twice', () => {
    const view = createTieView(union(), ranked, 2);
    expect(view.growTo(4)).toBe(2);
    expect(view.graph.edges().sort()).toStrictEqual(['ab', 'bc', 'cd', 'de']);
    // A lower limit removes nothing (the reducer hides the ties above it).
    expect(view.growTo(1)).toBe(0);
    expect(view.graph.size).toBe(4);
    expect(view.growTo(100)).toBe(1);
    expect(view.graph.size).toBe(5);
  });

  it("adds an organization's missing ties, once, and returns them", () => {
    const view = createTieView(union(), ranked, 1);
    expect([...view.addTiesOf(['e'])].sort()).toStrictEqual(['ae', 'de']);
    expect(view.addTiesOf(['e']).size).toBe(0);
    // Unknown organizations are ignored.
    expect(view.addTiesOf(['zz']).size).toBe(0);
    // Ties added for an organization are not added again when the limit reaches them.
    expect(view.growTo(5)).toBe(2);
    expect(view.graph.size).toBe(5);
  });

  it('shares the attribute objects, so positions written on one graph are seen on the other', () => {
    const graph = union();
    const view = createTieView(graph, ranked, 5);
    expect(view.graph.getNodeAttributes('c')).toBe(graph.getNodeAttributes('c'));
    expect(view.graph.getEdgeAttributes('cd')).toBe(graph.getEdgeAttributes('cd'));
    view.graph.setNodeAttribute('c', 'x', 12);
    expect(graph.getNodeAttribute('c', 'x')).toBe(12);
    expect(view.graph.source('cd')).toBe(graph.source('cd'));
  });
});
