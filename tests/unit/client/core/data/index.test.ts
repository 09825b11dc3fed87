import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../../../client/src/api/client';
import { ApiFailure } from '../../../../../client/src/api/http';
import type { SerializedGraph } from '../../../../../client/src/api/types';
import {
  dataStore,
  ensureMetrics,
  INITIAL_DATA,
  loadBoot,
  loadNetwork,
  metricsKey,
  retryAll,
  useApi,
} from '../../../../../client/src/core/data';

function graph(wave: string): SerializedGraph {
  return {
    attributes: { wave, mode: 'undirected', datasetVersion: 3 },
    options: { type: 'undirected' },
    nodes: [
      { key: 'a', attributes: { name: 'A', kind: 'ngo', type: null, city: null, district: null, focus: [], refugeeLed: null } },
      { key: 'b', attributes: { name: 'B', kind: 'ngo', type: null, city: null, district: null, focus: [], refugeeLed: null } },
    ],
    edges: wave === 'post' ? [{ key: 'a--b', source: 'a', target: 'b', attributes: { level: 2 } }] : [],
  };
}

const unavailable = new ApiFailure({ kind: 'unavailable', status: 503, code: 'unavailable', message: 'down', retryAfter: 5 });

/** A hand-written API: counts calls and can be told to fail (these are state tests, not HTTP tests). */
function fakeApi(options: { datasetFails?: () => boolean } = {}): Api & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const count = (name: string): void => {
    calls[name] = (calls[name] ?? 0) + 1;
  };
  return {
    calls,
    health: async () => ({ status: 'ok', neo4j: { connected: true, version: '5', embedded: true } }),
    dataset: async () => {
      count('dataset');
      if (options.datasetFails?.()) throw unavailable;
      return { name: 'demo', synthetic: true, version: 3, organizations: 2, ngos: 2, institutions: 0, waves: 2, events: 0, ties: 1 };
    },
    waves: async () => [
      { id: 'post', label: 'Post', date: '2020-02-17' },
      { id: 'pre', label: 'Pre', date: '2019-12-02' },
    ],
    events: async () => [],
    graph: async (wave) => {
      count('graph');
      return graph(wave);
    },
    registry: async () => ({ metrics: [] }),
    metrics: async (wave, mode) => {
      count('metrics');
      return { wave, mode, network: {}, nodes: [] };
    },
    compare: async () => {
      throw new Error('unused');
    },
    isolated: async () => {
      throw new Error('unused');
    },
    organization: async () => {
      throw new Error('unused');
    },
  };
}

describe('the data module', () => {
  beforeEach(() => dataStore.set(INITIAL_DATA));

  it('boots with the waves in date order and builds the union network', async () => {
    useApi(fakeApi());
    await loadBoot();
    const boot = dataStore.get().boot;
    expect(boot.status === 'ready' && boot.data.waves.map((wave) => wave.id)).toEqual(['pre', 'post']);
    await loadNetwork('undirected');
    const network = dataStore.get().network;
    expect(network.status).toBe('ready');
    if (network.status === 'ready') {
      expect(network.data.datasetVersion).toBe(3);
      expect(network.data.graph.getEdgeAttributes('a--b').levels).toEqual({ post: 2 });
    }
  });

  it('asks once for a resource requested twice at the same time', async () => {
    const api = fakeApi();
    useApi(api);
    await Promise.all([ensureMetrics('post', 'undirected'), ensureMetrics('post', 'undirected')]);
    await ensureMetrics('post', 'undirected');
    expect(api.calls.metrics).toBe(1);
    expect(dataStore.get().metrics[metricsKey('post', 'undirected')]?.status).toBe('ready');
  });

  it('keeps a failure (database down) until Retry, which loads again', async () => {
    let down = true;
    const api = fakeApi({ datasetFails: () => down });
    useApi(api);
    await loadBoot();
    const failed = dataStore.get().boot;
    expect(failed.status).toBe('error');
    if (failed.status === 'error') {
      expect(failed.error.kind).toBe('unavailable');
      expect(failed.error.retryAfter).toBe(5);
    }
    down = false;
    await retryAll();
    expect(dataStore.get().boot.status).toBe('ready');
  });

  it('does not retry a failed network in a loop, only when asked', async () => {
    const api = fakeApi();
    let failing = true;
    useApi({ ...api, graph: async (wave) => { if (failing) throw unavailable; return graph(wave); } });
    await loadBoot();
    await loadNetwork('undirected');
    expect(dataStore.get().network.status).toBe('error');
    failing = false;
    await loadNetwork('undirected');
    expect(dataStore.get().network.status).toBe('error');
    await loadNetwork('undirected', true);
    expect(dataStore.get().network.status).toBe('ready');
  });
});
