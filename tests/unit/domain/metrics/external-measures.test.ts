/**
 * Measures from another engine (Neo4j GDS) replace the local ones key for key, are checked against
 * the graph, and the result says which engine computed what (`engines`); a partition found elsewhere
 * is renumbered and scored like our own Louvain's.
 */
import { describe, expect, it } from 'vitest';
import {
  communitiesFromPartition,
  computeModularity,
  computeWaveMetrics,
  type ExternalMeasures,
} from '../../../../server/domain/metrics/index.js';
import { ValidationError } from '../../../../server/errors.js';
import { graphOf, PATH_4 } from './tiny.js';

const IDS = ['a', 'b', 'c', 'd'];
const constant = (value: number) => Object.fromEntries(IDS.map((id) => [id, value]));

function external(values: ExternalMeasures['values']): ExternalMeasures {
  return { engine: 'gds', version: '2.13.9', values };
}

describe('external measures in computeWaveMetrics', () => {
  it('replace exactly the measures given and are reported as such', () => {
    const graph = graphOf(PATH_4);
    const local = computeWaveMetrics(graph, { wave: 'w', mode: 'undirected' });
    const mixed = computeWaveMetrics(graph, {
      wave: 'w',
      mode: 'undirected',
      external: external({ betweenness: constant(0.5), community: { a: 7, b: 7, c: 3, d: 3 } }),
    });
    expect(mixed.nodes.map((n) => n.betweenness)).toEqual([0.5, 0.5, 0.5, 0.5]);
    // Everything else is the local engine's.
    expect(mixed.nodes.map((n) => n.closeness)).toEqual(local.nodes.map((n) => n.closeness));
    expect(mixed.network.diameter).toBe(3);
    // Renumbered as our Louvain's: by size, ties broken by the smallest id → a, b in 0.
    expect(mixed.nodes.map((n) => n.community)).toEqual([0, 0, 1, 1]);
    expect(mixed.network.modularity).toBeCloseTo(1 / 6, 12);
    expect(mixed.engines).toEqual({
      external: { engine: 'gds', version: '2.13.9' },
      measures: {
        degree: 'local',
        betweenness: 'gds',
        closeness: 'local',
        harmonicCloseness: 'local',
        pagerank: 'local',
        eigenvector: 'local',
        clustering: 'local',
        kCore: 'local',
        community: 'gds',
        modularity: 'gds',
        communities: 'gds',
      },
    });
    expect(local.engines).toBeUndefined();
  });

  it('must cover every node of the graph, and only those', () => {
    const graph = graphOf(PATH_4);
    expect(() =>
      computeWaveMetrics(graph, {
        wave: 'w',
        mode: 'undirected',
        external: external({ pagerank: { a: 1 } }),
      }),
    ).toThrow(/no pagerank for node "b"/);
    expect(() =>
      computeWaveMetrics(graph, {
        wave: 'w',
        mode: 'undirected',
        external: external({ pagerank: { ...constant(0.25), z: 0 } }),
      }),
    ).toThrow(/not in the graph/);
  });

  it('cannot serve a weighted analysis', () => {
    expect(() =>
      computeWaveMetrics(graphOf(PATH_4), {
        wave: 'w',
        mode: 'undirected',
        weighted: true,
        external: external({ degree: constant(1) }),
      }),
    ).toThrow(ValidationError);
  });
});

describe('communitiesFromPartition', () => {
  it('scores a partition with the same formula as computeModularity', () => {
    const graph = graphOf(PATH_4);
    const partition = { a: 1, b: 2, c: 2, d: 2 };
    const result = communitiesFromPartition(graph, partition);
    expect(result.modularity).toBeCloseTo(computeModularity(graph, partition), 15);
    expect(result.membership).toEqual({ a: 1, b: 0, c: 0, d: 0 });
    expect(result.communities).toBe(2);
  });

  it('names the node that has no community', () => {
    expect(() => communitiesFromPartition(graphOf(PATH_4), { a: 0, b: 0, c: 0 })).toThrow(/node "d"/);
  });
});
