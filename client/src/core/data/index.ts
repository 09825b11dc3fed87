/**
 * Everything fetched from the server, each piece with its own Status: the dataset summary with its
 * waves and events (boot), the metric registry, the union network of one analysis mode, and per wave
 * (or wave pair) the metrics, the comparison, the isolation analysis and organization details.
 * Actions load what is missing; a failure is kept (with what was shown before) until `retry`.
 */
import type { Api } from '../../api/client';
import { toFailure } from '../../api/http';
import type {
  AnalysisMode,
  CompareResult,
  DatasetSummary,
  EventRecord,
  IsolatedResult,
  MetricRegistry,
  OrganizationDetails,
  Wave,
  WaveMetrics,
} from '../../api/types';
import { buildUnionGraph, type UnionGraph } from '../network';
import { failed, IDLE, loading, ready, type Status } from '../status';
import { createStore } from '../store';

export interface Boot {
  dataset: DatasetSummary;
  /** In date order. */
  waves: Wave[];
  events: EventRecord[];
}

export interface Network {
  mode: AnalysisMode;
  graph: UnionGraph;
  datasetVersion: number;
}

export interface DataState {
  boot: Status<Boot>;
  registry: Status<MetricRegistry>;
  network: Status<Network>;
  metrics: Record<string, Status<WaveMetrics>>;
  compare: Record<string, Status<CompareResult>>;
  isolated: Record<string, Status<IsolatedResult>>;
  organizations: Record<string, Status<OrganizationDetails>>;
}

export const INITIAL_DATA: DataState = {
  boot: IDLE,
  registry: IDLE,
  network: IDLE,
  metrics: {},
  compare: {},
  isolated: {},
  organizations: {},
};

export const dataStore = createStore<DataState>(INITIAL_DATA);

let api: Api | null = null;

export function useApi(next: Api): void {
  api = next;
}

function client(): Api {
  if (!api) throw new Error('The data module has no API client: call useApi() first.');
  return api;
}

export const metricsKey = (wave: string, mode: AnalysisMode): string => `${mode}|${wave}`;
export const compareKey = (from: string, to: string, mode: AnalysisMode): string => `${mode}|${from}|${to}`;

type Slice = 'metrics' | 'compare' | 'isolated' | 'organizations';
type SliceValue<K extends Slice> = DataState[K] extends Record<string, Status<infer T>> ? T : never;

function patch(change: Partial<DataState>): void {
  dataStore.set({ ...dataStore.get(), ...change });
}

function patchEntry<K extends Slice>(slice: K, key: string, status: Status<SliceValue<K>>): void {
  const state = dataStore.get();
  patch({ [slice]: { ...state[slice], [key]: status } } as Partial<DataState>);
}

// One request per resource at a time: a second `ensure` while loading joins the first.
const inFlight = new Map<string, Promise<void>>();

async function loadEntry<K extends Slice>(
  slice: K,
  key: string,
  fetch: () => Promise<SliceValue<K>>,
  force: boolean,
): Promise<void> {
  const current = dataStore.get()[slice][key] as Status<SliceValue<K>> | undefined;
  if (!force && current && current.status !== 'idle') return;
  const flightKey = `${slice}:${key}`;
  const running = inFlight.get(flightKey);
  if (running) return running;
  const task = (async () => {
    // Yield first: the in-flight entry must exist before subscribers hear "loading" and ask again.
    await Promise.resolve();
    patchEntry(slice, key, loading(current));
    try {
      patchEntry(slice, key, ready(await fetch()));
    } catch (error) {
      patchEntry(slice, key, failed(toFailure(error), current));
    } finally {
      inFlight.delete(flightKey);
    }
  })();
  inFlight.set(flightKey, task);
  return task;
}

function byDate(a: Wave, b: Wave): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

export async function loadBoot(): Promise<void> {
  const current = dataStore.get().boot;
  patch({ boot: loading(current) });
  try {
    const [dataset, waves, events] = await Promise.all([client().dataset(), client().waves(), client().events()]);
    patch({ boot: ready({ dataset, waves: [...waves].sort(byDate), events }) });
  } catch (error) {
    patch({ boot: failed(toFailure(error), current) });
  }
}

export async function loadRegistry(force = false): Promise<void> {
  const current = dataStore.get().registry;
  if (!force && current.status !== 'idle') return;
  if (current.status === 'loading') return;
  patch({ registry: loading(current) });
  try {
    patch({ registry: ready(await client().registry()) });
  } catch (error) {
    patch({ registry: failed(toFailure(error), current) });
  }
}

let networkModeTried: AnalysisMode | null = null;

export async function loadNetwork(mode: AnalysisMode, force = false): Promise<void> {
  const state = dataStore.get();
  const current = state.network;
  if (state.boot.status !== 'ready') return;
  if (!force && current.status === 'ready' && current.data.mode === mode) return;
  // A failure stays until the user retries (or picks another mode): never retry in a loop.
  if (!force && current.status === 'error' && networkModeTried === mode) return;
  networkModeTried = mode;
  const flightKey = `network:${mode}`;
  const running = inFlight.get(flightKey);
  if (running) return running;
  const { waves, dataset } = state.boot.data;
  const task = (async () => {
    await Promise.resolve();
    patch({ network: loading(current) });
    try {
      const graphs = await Promise.all(
        waves.map(async (wave) => ({ wave: wave.id, graph: await client().graph(wave.id, mode) })),
      );
      patch({ network: ready({ mode, graph: buildUnionGraph(graphs, mode), datasetVersion: dataset.version }) });
    } catch (error) {
      patch({ network: failed(toFailure(error), current) });
    } finally {
      inFlight.delete(flightKey);
    }
  })();
  inFlight.set(flightKey, task);
  return task;
}

export function ensureMetrics(wave: string, mode: AnalysisMode, force = false): Promise<void> {
  return loadEntry('metrics', metricsKey(wave, mode), () => client().metrics(wave, mode), force);
}

export function ensureCompare(from: string, to: string, mode: AnalysisMode, force = false): Promise<void> {
  return loadEntry('compare', compareKey(from, to, mode), () => client().compare(from, to, mode), force);
}

export function ensureIsolated(wave: string, force = false): Promise<void> {
  return loadEntry('isolated', wave, () => client().isolated(wave), force);
}

export function ensureOrganization(id: string, force = false): Promise<void> {
  return loadEntry('organizations', id, () => client().organization(id), force);
}

/** Forgets every failure and loads again from the start (the error screen's Retry button). */
export async function retryAll(): Promise<void> {
  const state = dataStore.get();
  const keep = <T>(entries: Record<string, Status<T>>): Record<string, Status<T>> =>
    Object.fromEntries(Object.entries(entries).filter(([, status]) => status.status === 'ready'));
  dataStore.set({
    ...state,
    registry: state.registry.status === 'error' ? IDLE : state.registry,
    network: state.network.status === 'error' ? IDLE : state.network,
    metrics: keep(state.metrics),
    compare: keep(state.compare),
    isolated: keep(state.isolated),
    organizations: keep(state.organizations),
  });
  await loadBoot();
}

/** The boot data when loaded. */
export function bootData(): Boot | null {
  const { boot } = dataStore.get();
  return boot.status === 'ready' ? boot.data : boot.status === 'idle' ? null : boot.previous;
}

/**
 * After an import: loads the dataset summary again and forgets everything computed from the old data,
 * so the controller loads the new network, metrics and details. The workspace stays up meanwhile.
 */
export async function reloadDataset(): Promise<void> {
  const current = dataStore.get().boot;
  try {
    const [dataset, waves, events] = await Promise.all([client().dataset(), client().waves(), client().events()]);
    inFlight.clear();
    networkModeTried = null;
    dataStore.set({ ...INITIAL_DATA, boot: ready({ dataset, waves: [...waves].sort(byDate), events }) });
  } catch (error) {
    patch({ boot: failed(toFailure(error), current) });
  }
}
