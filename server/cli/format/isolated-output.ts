/** `kopru isolated` output: JSON, a CSV (one row per suggestion), or a readable list. */
import type { analyseIsolation } from '../../domain/analysis/index.js';
import { toCsv } from './csv.js';
import { syntheticNotice } from './metrics-output.js';
import { wrapProse } from './text-table.js';

export type IsolationAnalysis = ReturnType<typeof analyseIsolation>;

export function isolatedCsv(result: IsolationAnalysis): string {
  const header = [
    'id',
    'name',
    'kind',
    'city',
    'degree',
    'reasons',
    'suggestion_rank',
    'suggestion_id',
    'suggestion_name',
    'score',
    'because',
  ];
  const rows = result.organizations.flatMap((org) => {
    const reasons = org.reasons.map((r) => r.code).join(';');
    const base = [org.id, org.name, org.kind, org.city, org.degree, reasons];
    if (org.suggestions.length === 0) return [[...base, null, null, null, null, null]];
    return org.suggestions.map((s, i) => [
      ...base,
      i + 1,
      s.id,
      s.name,
      s.score,
      s.reasons.map((r) => r.text.en).join(' '),
    ]);
  });
  return toCsv(header, rows);
}

export function isolatedText(result: IsolationAnalysis): string {
  const lines = [
    `${syntheticNotice(result.dataset.synthetic)}${result.dataset.name}`,
    `Wave ${result.wave}: ${result.organizations.length} isolated or peripheral organizations`,
    '',
  ];
  for (const org of result.organizations) {
    lines.push(
      `${org.name} [${org.id}, ${org.kind}${org.city ? `, ${org.city}` : ''}] — ${org.degree} tie(s)`,
    );
    for (const reason of org.reasons) lines.push(`  · ${reason.text.en}`);
    for (const [i, suggestion] of org.suggestions.entries()) lines.push(`  ${i + 1}. ${suggestion.text.en}`);
    lines.push('');
  }
  return wrapProse(lines.join('\n'));
}
