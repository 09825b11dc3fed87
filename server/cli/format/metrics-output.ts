/** `kopru metrics` output: the contract JSON, a CSV of node metrics, or a terminal table. */
import type { analyseWave } from '../../domain/analysis/index.js';
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
    ...(result.approximate
      ? [
          `Betweenness is approximate: ${result.approximate.samples} sampled shortest paths (Riondato–Kornaropoulos), each value within ±${result.approximate.errorBound.toPrecision(3)} with probability ${1 - result.approximate.delta} (--exact for exact values).`,
        ]
      : []),
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
