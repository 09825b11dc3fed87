import { describe, expect, it } from 'vitest';
import { changedLabels } from '../../../../client/src/sigma/labels';

const graph = { nodes: () => ['a', 'b', 'c', 'd'] };

describe('changedLabels', () => {
  it('is empty when the placement did not change, so nothing is refreshed', () => {
    expect(changedLabels(null, null, graph)).toStrictEqual([]);
    const same = new Set(['a']);
    expect(changedLabels(same, same, graph)).toStrictEqual([]);
    expect(changedLabels(new Set(['a', 'b']), new Set(['b', 'a']), graph)).toStrictEqual([]);
  });

  it('lists the nodes whose label appeared or disappeared', () => {
    expect(changedLabels(new Set(['a', 'b']), new Set(['b', 'c']), graph).sort()).toStrictEqual(['a', 'c']);
  });

  it('lists every node when switching between our placement and sigma’s grid', () => {
    expect(changedLabels(null, new Set(['a']), graph)).toStrictEqual(['a', 'b', 'c', 'd']);
    expect(changedLabels(new Set(['a']), null, graph)).toStrictEqual(['a', 'b', 'c', 'd']);
  });
});
