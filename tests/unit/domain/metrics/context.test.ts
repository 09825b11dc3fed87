import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../server/errors.js';
import { contextOf, createMetricContext } from '../../../../server/domain/metrics/context.js';
import { graphOf } from './tiny.js';

const row = (offsets: Int32Array, targets: Int32Array, i: number): number[] => [
  ...targets.slice(offsets[i], offsets[i + 1]),
];

describe('createMetricContext', () => {
  it('numbers nodes in ascending id order, whatever the insertion order', () => {
    const context = createMetricContext(
      graphOf([
        ['c', 'a'],
        ['b', 'a'],
      ]),
    );
    expect(context.ids).toEqual(['a', 'b', 'c']);
    // a is tied to b and c; rows are sorted by neighbour index.
    expect(row(context.und.offsets, context.und.targets, 0)).toEqual([1, 2]);
    expect(context.m).toBe(2);
  });

  it('keeps arcs, their reverse and the undirected view of a directed graph (highest level wins)', () => {
    const context = createMetricContext(
      graphOf(
        [
          ['a', 'b', 1],
          ['b', 'a', 3],
          ['b', 'c', 2],
        ],
        { directed: true },
      ),
    );
    expect(context.directed).toBe(true);
    expect(context.m).toBe(3);
    expect(row(context.out.offsets, context.out.targets, 1)).toEqual([0, 2]);
    expect(row(context.in.offsets, context.in.targets, 1)).toEqual([0]);
    // Undirected view: a–b once, with level max(1, 3) = 3.
    expect(row(context.und.offsets, context.und.targets, 0)).toEqual([1]);
    expect(context.und.levels[0]).toBe(3);
  });

  it('drops self-loops and reads a missing level as 1', () => {
    const graph = new Graph({ type: 'undirected', allowSelfLoops: true });
    graph.mergeEdge('a', 'a');
    graph.mergeEdge('a', 'b');
    const context = createMetricContext(graph);
    expect(context.m).toBe(1);
    expect([...context.und.levels]).toEqual([1, 1]);
  });

  it('accepts a mixed graph holding one kind of edge, and reuses a context it is given', () => {
    const graph = new Graph();
    graph.mergeDirectedEdge('a', 'b');
    const context = createMetricContext(graph);
    expect(context.directed).toBe(true);
    expect(contextOf(context)).toBe(context);
  });

  it('rejects a graph mixing directed and undirected edges', () => {
    const graph = new Graph();
    graph.mergeDirectedEdge('a', 'b');
    graph.mergeUndirectedEdge('b', 'c');
    expect(() => createMetricContext(graph)).toThrow(ValidationError);
  });

  it('rejects a level that is not a positive number, naming the field', () => {
    const graph = graphOf([['a', 'b', 0]]);
    expect(() => createMetricContext(graph)).toThrow(ValidationError);
    const bad = graphOf([['a', 'b']]);
    bad.setEdgeAttribute('a', 'b', 'level', 'high');
    expect(() => createMetricContext(bad)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ column: 'level' })] }),
    );
  });

  it('memoizes per key', () => {
    const context = createMetricContext(graphOf([['a', 'b']]));
    let calls = 0;
    const compute = (): number => ++calls;
    expect(context.memo('x', compute)).toBe(1);
    expect(context.memo('x', compute)).toBe(1);
    expect(context.memo('y', compute)).toBe(2);
  });
});
