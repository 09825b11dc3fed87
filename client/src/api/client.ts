/**
 * Typed clients of the Köprü API, one function per resource. Created around a fetcher so the data
 * module can be driven by anything that answers HTTP (the browser's fetch, or a test's server).
 */
import { buildPath, getJson, type Fetcher } from './http';
import type {
  AnalysisMode,
  CompareResult,
  DatasetSummary,
  EventRecord,
  Health,
  IsolatedResult,
  MetricRegistry,
  OrganizationDetails,
  SerializedGraph,
  Wave,
  WaveMetrics,
} from './types';

export interface Api {
  health(signal?: AbortSignal): Promise<Health>;
  dataset(signal?: AbortSignal): Promise<DatasetSummary>;
  waves(signal?: AbortSignal): Promise<Wave[]>;
  events(signal?: AbortSignal): Promise<EventRecord[]>;
  graph(wave: string, mode: AnalysisMode, signal?: AbortSignal): Promise<SerializedGraph>;
  registry(signal?: AbortSignal): Promise<MetricRegistry>;
  metrics(wave: string, mode: AnalysisMode, signal?: AbortSignal): Promise<WaveMetrics>;
  compare(from: string, to: string, mode: AnalysisMode, signal?: AbortSignal): Promise<CompareResult>;
  isolated(wave: string, signal?: AbortSignal): Promise<IsolatedResult>;
  organization(id: string, signal?: AbortSignal): Promise<OrganizationDetails>;
}

export function createApi(fetcher: Fetcher, base = '/api'): Api {
  const get = <T>(path: string, query: Parameters<typeof buildPath>[1], signal?: AbortSignal): Promise<T> =>
    getJson<T>(fetcher, buildPath(`${base}${path}`, query), signal);
  return {
    health: (signal) => get<Health>('/health', {}, signal),
    dataset: (signal) => get<DatasetSummary>('/dataset', {}, signal),
    waves: async (signal) => (await get<{ waves: Wave[] }>('/waves', {}, signal)).waves,
    events: async (signal) => (await get<{ events: EventRecord[] }>('/events', {}, signal)).events,
    graph: (wave, mode, signal) => get<SerializedGraph>('/graph', { wave, mode }, signal),
    registry: (signal) => get<MetricRegistry>('/metrics/registry', {}, signal),
    metrics: (wave, mode, signal) => get<WaveMetrics>('/metrics', { wave, mode }, signal),
    compare: (from, to, mode, signal) => get<CompareResult>('/compare', { from, to, mode }, signal),
    // Isolation is about whether two organizations work together at all, so the server reads it in
    // undirected mode whatever the map shows; only the wave is asked for.
    isolated: (wave, signal) => get<IsolatedResult>('/isolated', { wave }, signal),
    organization: (id, signal) =>
      get<OrganizationDetails>(`/organizations/${encodeURIComponent(id)}`, {}, signal),
  };
}
