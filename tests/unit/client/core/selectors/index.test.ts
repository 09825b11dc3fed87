import { describe, expect, it } from 'vitest';
import type { MetricRegistry, WaveMetrics } from '../../../../../client/src/api/types';
import { INITIAL_DATA } from '../../../../../client/src/core/data';
import { EMPTY_FILTERS } from '../../../../../client/src/core/filters';
import { buildUnionGraph } from '../../../../../client/src/core/network';
import {
  comparedWaves,
  isolatedIds,
  labelOf,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  nodeMetricInfos,
  nodeValues,
  passingIds,
  rankOf,
  sizeFor,
} from '../../../../../client/src/core/selectors';
import { ready } from '../../../../../client/src/core/status';
import { DEFAULT_VIEW } from '../../../../../client/src/core/view';

const registry: MetricRegistry = {
  metrics: [
    {
      id: 'density',
      scope: 'network',
      label: { en: 'Density', tr: 'Yoğunluk' },
      description: { en: '', tr: '' },
    },
    {
      id: 'degree',
      scope: 'node',
      label: { en: 'Degree', tr: 'Derece' },
      description: { en: 'Partners', tr: 'Ortaklar' },
      outputs: [
        { key: 'degree', scope: 'node', label: { en: 'Degree', tr: 'Derece' } },
        { key: 'inDegree', scope: 'node', label: { en: 'In-degree', tr: 'Gelen' } },
      ],
    },
    {
      id: 'betweenness',
      scope: 'node',
      label: { en: 'Betweenness', tr: 'Arasındalık' },
      description: { en: '', tr: '' },
    },
  ],
};

const metrics: WaveMetrics = {
  wave: 'post',
  mode: 'undirected',
  network: { density: 0.1 },
  nodes: [
    { id: 'a', degree: 3, betweenness: 0.5, community: 0 },
    { id: 'b', degree: 1, betweenness: 0, community: 1 },
    { id: 'c', degree: 3, betweenness: 0.1, community: 1 },
  ],
};

describe('metric choices', () => {
  it('offer the registry’s node outputs that the result holds, in registry order', () => {
    expect(nodeMetricInfos(registry, metrics).map((info) => info.key)).toEqual(['degree', 'betweenness']);
    expect(labelOf(nodeMetricInfos(registry, metrics)[1], 'betweenness', 'tr')).toBe('Arasındalık');
  });

  it('fall back to the result’s numeric keys, then to degree alone', () => {
    expect(nodeMetricInfos(null, metrics).map((info) => info.key)).toEqual([
      'degree',
      'betweenness',
      'community',
    ]);
    expect(nodeMetricInfos(null, null).map((info) => info.key)).toEqual(['degree']);
  });

  it('rank with ties sharing the best rank', () => {
    expect(rankOf(metrics, 'degree', 'c')).toEqual({ rank: 1, of: 3 });
    expect(rankOf(metrics, 'degree', 'b')).toEqual({ rank: 3, of: 3 });
    expect(rankOf(null, 'degree', 'b')).toBeNull();
  });
});

describe('node sizes', () => {
  it('grow with the square root of the value on a shared scale', () => {
    expect(sizeFor(0, 10)).toBe(MIN_NODE_SIZE);
    expect(sizeFor(10, 10)).toBe(MAX_NODE_SIZE);
    expect(sizeFor(2.5, 10)).toBeCloseTo(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) / 2);
    expect(sizeFor(undefined, 10)).toBe(MIN_NODE_SIZE);
  });
});

const graph = buildUnionGraph(
  [
    {
      wave: 'post',
      graph: {
        attributes: { wave: 'post', mode: 'undirected', datasetVersion: 1 },
        options: { type: 'undirected' },
        nodes: ['a', 'b', 'c', 'd'].map((key) => ({
          key,
          attributes: {
            name: key,
            kind: key === 'd' ? 'institution' : 'ngo',
            type: null,
            city: key === 'a' ? 'X' : 'Y',
            district: null,
            focus: [],
            refugeeLed: null,
          },
        })),
        edges: [{ key: 'a--b', source: 'a', target: 'b', attributes: { level: 1 } }],
      },
    },
  ],
  'undirected',
);

describe('derived sets', () => {
  it('fall back to counting degree on the map when the metrics are not there', () => {
    expect(Object.fromEntries(nodeValues(null, 'degree', graph, 'post'))).toEqual({ a: 1, b: 1, c: 0, d: 0 });
    expect(nodeValues(metrics, 'degree', graph, 'post').get('a')).toBe(3);
  });

  it('take isolated organizations from the analysis, or those without ties while it is missing', () => {
    const network = { mode: 'undirected' as const, graph, datasetVersion: 1 };
    expect([...isolatedIds(INITIAL_DATA, network, 'post')].sort()).toEqual(['c', 'd']);
    const withAnalysis = {
      ...INITIAL_DATA,
      isolated: {
        post: ready({
          wave: 'post',
          mode: 'undirected' as const,
          organizations: [
            {
              id: 'c',
              name: 'c',
              kind: 'ngo' as const,
              city: null,
              type: null,
              focus: [],
              degree: 0,
              reasons: [],
              suggestions: [],
            },
          ],
        }),
      },
    };
    expect([...isolatedIds(withAnalysis, network, 'post')]).toEqual(['c']);
  });

  it('pass organizations through the filters, or null when none is set (minimum level alone hides ties only)', () => {
    expect(passingIds(graph, { ...EMPTY_FILTERS, minLevel: 3 }, new Map(), new Set())).toBeNull();
    expect([...passingIds(graph, { ...EMPTY_FILTERS, cities: ['Y'] }, new Map(), new Set())!].sort()).toEqual(
      ['b', 'c', 'd'],
    );
  });

  it('compare the diff’s waves, or the first with the last', () => {
    const boot = {
      dataset: {} as never,
      waves: [
        { id: 'pre', label: '', date: '2019' },
        { id: 'mid', label: '', date: '2020' },
        { id: 'post', label: '', date: '2021' },
      ],
      events: [],
    };
    expect(comparedWaves(boot, { ...DEFAULT_VIEW, wave: 'mid' })).toEqual({ from: 'pre', to: 'post' });
    expect(comparedWaves(boot, { ...DEFAULT_VIEW, wave: 'post', diffFrom: 'mid' })).toEqual({
      from: 'mid',
      to: 'post',
    });
  });
});
