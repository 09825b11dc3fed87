/** `kopru compare` output: the contract JSON, a CSV of node changes, or a terminal report. */
import type { analyseChange } from '../../domain/analysis/index.js';
import type { Organization } from '../../domain/types.js';
import { toCsv } from './csv.js';
import { syntheticNotice } from './metrics-output.js';
import { formatNumber, renderTable, signed, wrapProse } from './text-table.js';

export type ChangeAnalysis = ReturnType<typeof analyseChange>;

type Change = {
  from: unknown;
  to: unknown;
  change: unknown;
  fromRank?: unknown;
  toRank?: unknown;
  rankChange?: unknown;
};

export function compareCsv(result: ChangeAnalysis, organizations: Map<string, Organization>): string {
  const metrics = [...new Set(result.nodes.flatMap((node) => Object.keys(node)))].filter(
    (key) => key !== 'id',
  );
  const parts = ['from', 'to', 'change', 'fromRank', 'toRank', 'rankChange'] as const;
  const header = ['id', 'name', 'kind', ...metrics.flatMap((m) => parts.map((p) => `${m}_${p}`))];
  const rows = result.nodes.map((node) => {
    const org = organizations.get(node.id);
    const values = node as unknown as Record<string, Change>;
    return [
      node.id,
      org?.name ?? '',
      org?.kind ?? '',
      ...metrics.flatMap((m) => parts.map((p) => (values[m]?.[p] ?? null) as string | number | null)),
    ];
  });
  return toCsv(header, rows);
}

function pValue(p: number | null): string {
  if (p === null) return '–';
  return p < 0.0001 ? '< 0.0001' : formatNumber(p);
}

function verdict(p: number | null): string {
  if (p === null) return 'cannot be tested';
  if (p < 0.01) return 'very unlikely to be chance';
  if (p < 0.05) return 'unlikely to be chance';
  return 'could well be chance';
}

export function compareTable(
  result: ChangeAnalysis,
  organizations: Map<string, Organization>,
  top: number,
): string {
  const name = (id: string) => organizations.get(id)?.name ?? id;
  const d = result.densityTest;
  const density = result.network.density;
  const relative =
    typeof density?.from === 'number' && density.from > 0 && typeof density.to === 'number'
      ? ` (${signed(((density.to - density.from) / density.from) * 100, 1)}%)`
      : '';
  const lines: string[] = [
    `${syntheticNotice(result.dataset.synthetic)}${result.dataset.name}`,
    `Change from wave ${result.from} to wave ${result.to} · ${result.mode}`,
    '',
    `Density ${formatNumber(density?.from as number)} → ${formatNumber(density?.to as number)}${relative}: ` +
      `difference ${signed(d.difference)}, 95% CI [${d.ci95 ? d.ci95.map((x) => formatNumber(x)).join(', ') : '–'}], ` +
      `p ${pValue(d.pValue)} (paired bootstrap over organizations, ${d.samples} samples) — ${verdict(d.pValue)}.`,
    `QAP correlation of the two waves r = ${formatNumber(result.qap.correlation)}, p ${pValue(result.qap.pValue)} ` +
      `(${result.qap.permutations} permutations): the ${result.qap.pValue !== null && result.qap.pValue < 0.05 ? 'structure is largely kept' : 'waves are not more alike than chance'}.`,
    `Ties: ${result.ties.added} added, ${result.ties.removed} removed, ${result.ties.stable} stable ` +
      `(${result.ties.strengthened} strengthened, ${result.ties.weakened} weakened); Jaccard stability ${formatNumber(result.ties.jaccard)}.`,
    `NGO–institution ties: ${formatNumber(result.crossSectorTies.from)} → ${formatNumber(result.crossSectorTies.to)} (${signed(result.crossSectorTies.change)}); ` +
      `E-I index ${formatNumber(result.eiIndex.from)} → ${formatNumber(result.eiIndex.to)} (${signed(result.eiIndex.change)}).`,
    '',
    renderTable(
      [
        { header: 'network metric' },
        { header: 'from', align: 'right' },
        { header: 'to', align: 'right' },
        { header: 'change', align: 'right' },
      ],
      Object.entries(result.network).map(([key, c]) => [key, c.from, c.to, signed(c.change)]),
    ),
    '',
    'Meeting effect: new ties / pairs without a tie before, for pairs that attended an event together between the',
    'waves (co-attended) vs pairs that attended nothing together (others); rate ratio, Katz 95% CI, Fisher p:',
    renderTable(
      [
        { header: 'event type' },
        { header: 'pairs' },
        { header: 'co-attended', align: 'right' },
        { header: 'others', align: 'right' },
        { header: 'ratio', align: 'right' },
        { header: '95% CI', align: 'right' },
        { header: 'p', align: 'right' },
      ],
      result.meetingEffect
        .filter((row) => row.coAttendingPairs > 0)
        .map((row) => [
          row.eventType,
          row.scope === 'all' ? 'all' : 'NGO–inst.',
          `${row.coAttendingNew}/${row.coAttendingPairs}`,
          `${row.otherNew}/${row.otherPairs}`,
          formatNumber(row.rateRatio, 2),
          row.ci95 ? `${formatNumber(row.ci95[0], 2)}–${formatNumber(row.ci95[1], 2)}` : '–',
          pValue(row.pValue),
        ]),
    ),
    '',
    `Isolated in ${result.from}, connected in ${result.to}: ${result.isolates.integrated.map(name).join('; ') || 'none'}`,
    `Connected in ${result.from}, isolated in ${result.to}: ${result.isolates.becameIsolated.map(name).join('; ') || 'none'}`,
    '',
  ];
  const movers = [...result.nodes]
    .map((node) => ({ node, degree: (node as unknown as Record<string, Change>).degree }))
    .filter(({ degree }) => typeof degree?.change === 'number')
    .sort(
      (a, b) =>
        (b.degree?.change as number) - (a.degree?.change as number) || a.node.id.localeCompare(b.node.id),
    )
    .slice(0, top);
  lines.push(
    `Largest gains in ties (top ${movers.length}; --format csv for every metric of every organization):`,
    renderTable(
      [
        { header: 'id' },
        { header: 'name', max: 34 },
        { header: 'degree', align: 'right' },
        { header: 'change', align: 'right' },
        { header: 'rank', align: 'right' },
      ],
      movers.map(({ node, degree }) => [
        node.id,
        name(node.id),
        `${formatNumber(degree?.from as number)} → ${formatNumber(degree?.to as number)}`,
        signed(degree?.change as number),
        `${formatNumber(degree?.fromRank as number)} → ${formatNumber(degree?.toRank as number)}`,
      ]),
    ),
    '',
  );
  return wrapProse(lines.join('\n'));
}
