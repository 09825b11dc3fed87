/**
 * Values derived from several stores at once (which metrics apply to the shown wave, who passes the
 * filters, node sizes and colours). Pure functions of the states, so views and the map agree and the
 * derivations are tested without a browser.
 */
import {
  BROKERAGE_ROLES,
  type Brokerage,
  type MetricRegistry,
  type NodeMetricsRow,
  type WaveMetrics,
} from '../../api/types';
import type { Boot, DataState, Network } from '../data';
import { compareKey, metricsKey } from '../data';
import { passesFilters, isFiltering, type Filters } from '../filters';
import { tOr } from '../i18n';
import type { Locale } from '../i18n/locales';
import { waveDegrees, type UnionGraph } from '../network';
import { dataOf } from '../status';
import type { ViewState } from '../view';

export function currentMetrics(data: DataState, view: ViewState, wave = view.wave): WaveMetrics | null {
  if (wave === null) return null;
  return dataOf(data.metrics[metricsKey(wave, view.mode)]);
}

/** The comparison the dashboard and details show: the diff's waves, else the first against the last. */
export function comparedWaves(boot: Boot | null, view: ViewState): { from: string; to: string } | null {
  if (view.diffFrom !== null && view.wave !== null) return { from: view.diffFrom, to: view.wave };
  if (!boot || boot.waves.length < 2) return null;
  return { from: boot.waves[0]!.id, to: boot.waves[boot.waves.length - 1]!.id };
}

export function comparisonKey(boot: Boot | null, view: ViewState): string | null {
  const pair = comparedWaves(boot, view);
  return pair ? compareKey(pair.from, pair.to, view.mode) : null;
}

/** Metrics that are labels rather than quantities: shown, but never used for size or rank. */
export const CATEGORICAL_METRICS = new Set(['community']);

/** Brokerage outputs, shown together in their own section of the details rather than as rows. */
export const BROKERAGE_KEYS = new Set<string>(['brokerageRole', 'brokerage', ...BROKERAGE_ROLES]);

/** The organization's brokerage role and counts, or null when the server does not compute them. */
export function brokerageOf(row: NodeMetricsRow | undefined): Brokerage | null {
  if (!row || !('brokerageRole' in row)) return null;
  const counts = Object.fromEntries(
    BROKERAGE_ROLES.map((role) => [role, typeof row[role] === 'number' ? (row[role] as number) : 0]),
  ) as Brokerage['counts'];
  const total =
    typeof row.brokerage === 'number' ? row.brokerage : Object.values(counts).reduce((a, b) => a + b, 0);
  return { role: typeof row.brokerageRole === 'string' ? row.brokerageRole : null, counts, total };
}

export interface MetricInfo {
  key: string;
  label: { en: string; tr: string };
  description: { en: string; tr: string } | null;
}

/**
 * Node metrics to offer (size picker, table columns, details), in registry order: every node-scope
 * output the registry lists that the metrics result actually holds as numbers. Without a registry,
 * the numeric keys of the result (degree first); without either, degree alone (computed on the map).
 */
export function nodeMetricInfos(registry: MetricRegistry | null, metrics: WaveMetrics | null): MetricInfo[] {
  const sample: NodeMetricsRow | undefined = metrics?.nodes[0];
  const present = (key: string): boolean => sample === undefined || typeof sample[key] === 'number';
  const infos: MetricInfo[] = [];
  for (const metric of registry?.metrics ?? []) {
    if (metric.scope !== 'node') continue;
    const outputs = metric.outputs?.filter((output) => output.scope === 'node') ?? [
      { key: metric.id, scope: 'node' as const, label: metric.label },
    ];
    for (const output of outputs) {
      if (!present(output.key) || infos.some((info) => info.key === output.key)) continue;
      infos.push({
        key: output.key,
        label: output.label,
        description: outputs.length === 1 ? metric.description : null,
      });
    }
  }
  if (infos.length > 0) return infos;
  const keys = sample
    ? Object.keys(sample).filter((key) => key !== 'id' && typeof sample[key] === 'number')
    : ['degree'];
  return keys
    .sort((a, b) => (a === 'degree' ? -1 : b === 'degree' ? 1 : 0))
    .map((key) => ({ key, label: { en: key, tr: key }, description: null }));
}

export function networkMetricInfos(registry: MetricRegistry | null): MetricInfo[] {
  const infos: MetricInfo[] = [];
  for (const metric of registry?.metrics ?? []) {
    if (metric.scope !== 'network') continue;
    const outputs = metric.outputs?.filter((output) => output.scope === 'network') ?? [
      { key: metric.id, scope: 'network' as const, label: metric.label },
    ];
    for (const output of outputs) {
      infos.push({
        key: output.key,
        label: output.label,
        description: outputs.length === 1 ? metric.description : null,
      });
    }
  }
  return infos;
}

/** The metric's name: the registry's, else the catalogue's `metric.<key>` (no registry yet), else the key. */
export function labelOf(info: MetricInfo | undefined, key: string, locale: Locale): string {
  const registered = info ? info.label[locale] || info.label.en : '';
  return registered !== '' && registered !== key ? registered : tOr(`metric.${key}`, key);
}

/** Values of a node metric by organization; degree falls back to the map's own count. */
export function nodeValues(
  metrics: WaveMetrics | null,
  key: string,
  graph: UnionGraph | null,
  wave: string | null,
): Map<string, number> {
  const values = new Map<string, number>();
  if (metrics) {
    for (const row of metrics.nodes) {
      const value = row[key];
      if (typeof value === 'number' && Number.isFinite(value)) values.set(row.id, value);
    }
    if (values.size > 0) return values;
  }
  if (key === 'degree' && graph && wave !== null) return waveDegrees(graph, wave);
  return values;
}

export const MIN_NODE_SIZE = 2.5;
export const MAX_NODE_SIZE = 13;

/** Node radius in pixels: area proportional to the value, on a scale shared by `domainMax`. */
export function sizeFor(value: number | undefined, domainMax: number): number {
  if (value === undefined || !Number.isFinite(value) || domainMax <= 0) return MIN_NODE_SIZE;
  const share = Math.max(0, Math.min(1, value / domainMax));
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(share);
}

export function sizesFrom(values: ReadonlyMap<string, number>, domainMax: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [id, value] of values) sizes.set(id, sizeFor(value, domainMax));
  return sizes;
}

export function maxValue(...maps: ReadonlyMap<string, number>[]): number {
  let max = 0;
  for (const map of maps) for (const value of map.values()) if (value > max) max = value;
  return max;
}

export function communityOf(metrics: WaveMetrics | null): Map<string, number> {
  const result = new Map<string, number>();
  for (const row of metrics?.nodes ?? []) {
    if (typeof row.community === 'number') result.set(row.id, row.community);
  }
  return result;
}

/**
 * Isolated and peripheral organizations of the wave: the isolation analysis' list, or, while it is
 * not available, the organizations without any tie in the wave.
 */
export function isolatedIds(data: DataState, network: Network | null, wave: string | null): Set<string> {
  if (wave === null) return new Set();
  const result = dataOf(data.isolated[wave]);
  if (result) return new Set(result.organizations.map((org) => org.id));
  if (!network) return new Set();
  const degrees = waveDegrees(network.graph, wave);
  return new Set([...degrees].filter(([, degree]) => degree === 0).map(([id]) => id));
}

/** Organizations passing the filters, or null when no filter is set (everyone passes). */
export function passingIds(
  graph: UnionGraph,
  filters: Filters,
  communities: ReadonlyMap<string, number>,
  isolated: ReadonlySet<string>,
): Set<string> | null {
  const nodeFilters = { ...filters, minLevel: 1 };
  if (!isFiltering(nodeFilters)) return null;
  const passes = new Set<string>();
  graph.forEachNode((id, attributes) => {
    if (passesFilters(attributes, filters, { community: communities.get(id), isolated: isolated.has(id) })) {
      passes.add(id);
    }
  });
  return passes;
}

/** Competition rank (1-2-2-4, largest first) of `id` for a metric in one wave, and out of how many. */
export function rankOf(
  metrics: WaveMetrics | null,
  key: string,
  id: string,
): { rank: number; of: number } | null {
  if (!metrics) return null;
  const own = metrics.nodes.find((row) => row.id === id)?.[key];
  if (typeof own !== 'number') return null;
  let higher = 0;
  let of = 0;
  for (const row of metrics.nodes) {
    const value = row[key];
    if (typeof value !== 'number') continue;
    of++;
    if (value > own) higher++;
  }
  return { rank: higher + 1, of };
}

/** The compare result's change row of one organization. */
export function nodeChangeOf(data: DataState, boot: Boot | null, view: ViewState, id: string) {
  const key = comparisonKey(boot, view);
  if (key === null) return null;
  const compare = dataOf(data.compare[key]);
  return compare?.nodes.find((row) => row.id === id) ?? null;
}
