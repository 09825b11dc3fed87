/** `kopru metrics` output: the contract JSON, a CSV of node metrics, or a terminal table. */
import type { analyseWave } from '../../domain/analysis/index.js';
import type { MeasureEstimate } from '../../domain/metrics/sampled-distances.js';
import { metricOutputs } from '../../domain/metrics/registry.js';
import type { Organization } from '../../domain/types.js';
import { toCsv } from './csv.js';
import { renderTable } from './text-table.js';

export type WaveAnalysis = ReturnType<typeof analyseWave>;

export function syntheticNotice(synthetic: boolean): string {
  return synthetic ? 'NOTE: synthetic demo data — no real organizations or ties.\n' : '';
}

export function metricsCsv(result: WaveAnalysis, organizations: Map<string, Organization>): string {
  const keys = [...new Set(result.nodes.flatMap((node) => Object.keys(node)))].filter((key) => key !== 'id');
  const header = ['id', 'name', 'kind', 'type', 'city', ...keys];
  const rows = result.nodes.map((node) => {
    const org = organizations.get(node.id);
    const values = node as unknown as Record<string, string | number | null>;
    return [
      node.id,
      org?.name ?? '',
      org?.kind ?? '',
      org?.type ?? '',
      org?.city ?? '',
      ...keys.map((key) => values[key] ?? null),
    ];
  });
  return toCsv(header, rows);
}

const ESTIMATE_WORDS: Record<string, (e: MeasureEstimate) => string> = {
  closeness: (e) =>
    `Closeness is approximate: distances from ${e.samples} sampled organizations (Eppstein–Wang), each value within ±${e.errorBound!.toPrecision(3)} with probability ${e.confidence}.`,
  harmonicCloseness: (e) =>
    `Harmonic closeness is approximate: the same ${e.samples} sampled organizations, each value within ±${e.errorBound!.toPrecision(3)} with probability ${e.confidence}.`,
  averagePathLength: (e) =>
    `Average path length is approximate: mean over ${e.samples} sampled organizations, between ${e.lower!.toFixed(3)} and ${e.upper!.toFixed(3)} with probability ${e.confidence}.`,
  diameter: (e) =>
    `Diameter is approximate: the longest distance found; the exact diameter is between ${e.lower} and ${e.upper} (certain).`,
};

/** One line per estimated measure, with its bound (empty when every value is exact). */
export function approximationLines(result: Pick<WaveAnalysis, 'approximate'>): string[] {
  const info = result.approximate;
  if (!info) return [];
  return [
    `Betweenness is approximate: ${info.samples} sampled shortest paths (Riondato–Kornaropoulos), each value within ±${info.errorBound.toPrecision(3)} with probability ${1 - info.delta}.`,
    ...info.measures.flatMap((key) => {
      const estimate = info.estimates?.[key];
      const words = ESTIMATE_WORDS[key];
      return estimate && words ? [words(estimate)] : [];
    }),
    '(--exact for exact values.)',
  ];
}

export function metricsTable(
  result: WaveAnalysis,
  organizations: Map<string, Organization>,
  top: number,
): string {
  const labels = new Map(
    metricOutputs('network', result.mode, result.weighted).map((o) => [o.key, o.label.en]),
  );
  const network = Object.entries(result.network).map(([key, value]) => [labels.get(key) ?? key, key, value]);
  const groups = Object.entries(result.groups.eiIndex).map(([group, value]) => [
    `E-I index of ${group}`,
    `groups.eiIndex.${group}`,
    value,
  ]);
  const ranked = [...result.nodes]
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id))
    .slice(0, top);
  const nodes = renderTable(
    [
      { header: 'id' },
      { header: 'name', max: 24 },
      { header: 'deg', align: 'right' },
      { header: 'betweenness', align: 'right' },
      { header: 'closeness', align: 'right' },
      { header: 'eigenvector', align: 'right' },
      { header: 'core', align: 'right' },
      { header: 'brokerage role' },
    ],
    ranked.map((node) => [
      node.id,
      organizations.get(node.id)?.name ?? '',
      node.degree,
      node.betweenness,
      node.closeness,
      node.eigenvector,
      node.kCore,
      node.brokerageRole ?? '–',
    ]),
  );
  return [
    `${syntheticNotice(result.dataset.synthetic)}${result.dataset.name}`,
    `Wave ${result.wave} · ${result.mode}${result.weighted ? ' · weighted by level' : ''} · groups by ${result.groupBy}`,
    ...approximationLines(result),
    '',
    renderTable(
      [{ header: 'network metric' }, { header: 'key' }, { header: 'value', align: 'right' }],
      [...network, ...groups],
    ),
    '',
    `Top ${ranked.length} of ${result.nodes.length} organizations by betweenness (--top N for more, --format csv for all):`,
    nodes,
    '',
  ].join('\n');
}
