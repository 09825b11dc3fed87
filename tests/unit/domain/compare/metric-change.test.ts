import { describe, expect, it } from 'vitest';
import { compareMetricResults, competitionRanks } from '../../../../server/domain/compare/metric-change.js';

describe('competitionRanks', () => {
  it('ranks largest first, ties sharing the smallest rank (1-2-2-4), nulls unranked', () => {
    expect(competitionRanks([5, 7, 7, 1, null, 3])).toEqual([3, 1, 1, 5, null, 4]);
    expect(competitionRanks([0.3, 0.2, 0.2, 0.1])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([])).toEqual([]);
  });
});

describe('compareMetricResults', () => {
  const from = {
    network: { density: 0.1, diameter: 4, eiIndex: null, label: 'pre' },
    nodes: [
      { id: 'a', degree: 3, betweenness: 0.5, community: 1, name: 'A' },
      { id: 'b', degree: 1, betweenness: 0, community: 2, name: 'B' },
      { id: 'c', degree: 2, betweenness: 0.1, community: 1, name: 'C' },
    ],
  };
  const to = {
    network: { density: 0.25, diameter: 3, eiIndex: -0.2, reciprocity: 0.4 },
    nodes: [
      { id: 'c', degree: 4, betweenness: 0.6, community: 3 },
      { id: 'a', degree: 4, betweenness: 0.2, community: 3 },
      { id: 'b', degree: 1, betweenness: Number.NaN, community: 4 },
      { id: 'd', degree: 2, betweenness: 0, community: 4 },
    ],
  };
  const result = compareMetricResults(from, to);

  it('gives every numeric network metric as {from, to, change}, null-safe', () => {
    expect(result.network.density!.change).toBeCloseTo(0.15, 15);
    expect(result.network.diameter).toEqual({ from: 4, to: 3, change: -1 });
    expect(result.network.eiIndex).toEqual({ from: null, to: -0.2, change: null });
    expect(result.network.reciprocity).toEqual({ from: null, to: 0.4, change: null });
    expect(result.network).not.toHaveProperty('label');
  });

  it('gives every node metric with its change and rank change (positive = moved up)', () => {
    expect(result.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    const [a, b, c, d] = result.nodes;
    // Degree ranks: from a 1, c 2, b 3; to a 1, c 1 (tie), d 3, b 4.
    expect(a!.degree).toEqual({ from: 3, to: 4, change: 1, fromRank: 1, toRank: 1, rankChange: 0 });
    expect(c!.degree).toEqual({ from: 2, to: 4, change: 2, fromRank: 2, toRank: 1, rankChange: 1 });
    expect(b!.degree).toEqual({ from: 1, to: 1, change: 0, fromRank: 3, toRank: 4, rankChange: -1 });
    expect(d!.degree).toEqual({
      from: null,
      to: 2,
      change: null,
      fromRank: null,
      toRank: 3,
      rankChange: null,
    });
    // NaN is "no value": no change, no rank, and it takes no rank from others.
    expect(b!.betweenness).toMatchObject({ from: 0, to: null, change: null, toRank: null });
    expect(d!.betweenness).toMatchObject({ to: 0, toRank: 3 });
    expect(a).not.toHaveProperty('name');
  });

  it('keeps community labels without change or rank', () => {
    expect(result.nodes[0]!.community).toEqual({
      from: 1,
      to: 3,
      change: null,
      fromRank: null,
      toRank: null,
      rankChange: null,
    });
    const numeric = compareMetricResults(from, to, { categorical: [] });
    expect(numeric.nodes[0]!.community).toMatchObject({ change: 2 });
  });
});

describe('compareMetricResults with label metrics', () => {
  it('keeps brokerage roles as labels (from/to strings, no change or rank), even when every node has one', () => {
    const from = {
      network: {},
      nodes: [
        { id: 'a', brokerageRole: 'liaison' },
        { id: 'b', brokerageRole: 'coordinator' },
      ],
    };
    const to = {
      network: {},
      nodes: [
        { id: 'a', brokerageRole: 'gatekeeper' },
        { id: 'b', brokerageRole: null },
      ],
    };
    const result = compareMetricResults(from, to);
    expect(result.nodes).toEqual([
      {
        id: 'a',
        brokerageRole: {
          from: 'liaison',
          to: 'gatekeeper',
          change: null,
          fromRank: null,
          toRank: null,
          rankChange: null,
        },
      },
      {
        id: 'b',
        brokerageRole: {
          from: 'coordinator',
          to: null,
          change: null,
          fromRank: null,
          toRank: null,
          rankChange: null,
        },
      },
    ]);
  });
});
