import { describe, expect, it } from 'vitest';
import type { SerializedGraph } from '../../../../../client/src/api/types';
import {
  buildUnionGraph,
  countTieChanges,
  countTies,
  distinctValues,
  neighboursIn,
  tieChange,
  waveDegrees,
} from '../../../../../client/src/core/network';

function wave(name: string, edges: [string, string, number][]): { wave: string; graph: SerializedGraph } {
  const node = (key: string, kind: 'ngo' | 'institution', city: string) => ({
    key,
    attributes: {
      name: key.toUpperCase(),
      kind,
      type: null,
      city,
      district: null,
      focus: kind === 'ngo' ? ['women'] : [],
      refugeeLed: null,
    },
  });
  return {
    wave: name,
    graph: {
      attributes: { wave: name, mode: 'undirected', datasetVersion: 1 },
      options: { type: 'undirected' },
      nodes: [
        node('a', 'ngo', 'X'),
        node('b', 'ngo', 'X'),
        node('c', 'institution', 'Y'),
        node('d', 'ngo', 'Y'),
      ],
      edges: edges.map(([source, target, level]) => ({
        key: `${source}--${target}`,
        source,
        target,
        attributes: { level },
      })),
    },
  };
}

// pre: a–b (2), a–c (1), b–c (3);   post: a–b (3), b–c (3), c–d (1)
const pre = wave('pre', [
  ['a', 'b', 2],
  ['a', 'c', 1],
  ['b', 'c', 3],
]);
const post = wave('post', [
  ['a', 'b', 3],
  ['b', 'c', 3],
  ['c', 'd', 1],
]);

describe('buildUnionGraph', () => {
  const graph = buildUnionGraph([pre, post], 'undirected');

  it('keeps one tie per pair with its level in every wave, under the API’s stable keys', () => {
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    expect(graph.getEdgeAttributes('a--b').levels).toEqual({ pre: 2, post: 3 });
    expect(graph.getEdgeAttributes('c--d').levels).toEqual({ post: 1 });
  });

  it('counts ties per wave, optionally from a minimum level', () => {
    expect(countTies(graph, 'pre')).toBe(3);
    expect(countTies(graph, 'post', 3)).toBe(2);
  });

  it('classifies the changes as the server’s tie diff does', () => {
    expect(tieChange({ pre: 2, post: 3 }, 'pre', 'post')).toBe('strengthened');
    expect(tieChange({ pre: 3, post: 1 }, 'pre', 'post')).toBe('weakened');
    expect(tieChange({ pre: 1 }, 'pre', 'post')).toBe('removed');
    expect(tieChange({ post: 1 }, 'pre', 'post')).toBe('added');
    expect(tieChange({ pre: 2, post: 2 }, 'pre', 'post')).toBe('stable');
    expect(tieChange({}, 'pre', 'post')).toBeNull();
    // Stable counts every kept tie, the strengthened and weakened ones included (as /api/compare does).
    expect(countTieChanges(graph, 'pre', 'post')).toEqual({
      added: 1,
      removed: 1,
      stable: 2,
      strengthened: 1,
      weakened: 0,
    });
  });

  it('gives degrees and partners per wave', () => {
    expect(Object.fromEntries(waveDegrees(graph, 'pre'))).toEqual({ a: 2, b: 2, c: 2, d: 0 });
    expect([...neighboursIn(graph, 'c', ['post'])].sort()).toEqual(['b', 'd']);
    expect([...neighboursIn(graph, 'c', ['pre', 'post'])].sort()).toEqual(['a', 'b', 'd']);
  });

  it('lists distinct attribute values, spreading lists', () => {
    expect(distinctValues(graph, 'city')).toEqual(['X', 'Y']);
    expect(distinctValues(graph, 'focus')).toEqual(['women']);
  });

  it('builds a directed union in directed mode', () => {
    const directed = buildUnionGraph([pre], 'directed');
    expect(directed.type).toBe('directed');
  });
});
