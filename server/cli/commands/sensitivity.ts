/** `kopru sensitivity <source> [--wave ID] [--mode M] [--format json|csv|table]`: metrics under each non-response treatment. */
import { computeSensitivity, type SensitivityResult } from '../../domain/survey/sensitivity.js';
import { NON_RESPONSE_TREATMENTS } from '../../domain/survey/treatments.js';
import { parseFlags, type Command } from '../command.js';
import { toCsv } from '../format/csv.js';
import { syntheticNotice } from '../format/metrics-output.js';
import { parseFormat, parseIntegerFlag } from '../format/output-format.js';
import { formatNumber, renderTable, signed } from '../format/text-table.js';
import { loadSource } from '../source.js';
import { onePositional, parseMode, SOURCE_FLAGS } from './analysis-flags.js';

const TREATMENT_NOTES = [
  'as-reported: the ties as reported',
  'union: a tie if either side reported it (differs from as-reported only in directed mode)',
  'reciprocated: only ties the partner confirmed, or could not confirm because it did not answer',
  'drop-non-respondents: only the organizations that answered in this wave',
];

function percent(value: number | null): string {
  return value === null ? '–' : `${signed(value * 100, 1)}%`;
}

export function sensitivityTable(result: SensitivityResult): string {
  const { respondents } = result;
  const inferred =
    respondents.inferred > 0
      ? `; ${respondents.inferred} without a recorded status, judged by whether they reported a tie`
      : '';
  const rows = result.metrics.map((row) => [
    row.label.en,
    ...result.treatments.map((treatment, index) => {
      const cell = row.values[treatment];
      const value = formatNumber(cell.value);
      return index === 0 ? value : `${value} (${percent(cell.relativeChange)})`;
    }),
  ]);
  return [
    `${syntheticNotice(result.dataset.synthetic)}${result.dataset.name}`,
    `Sensitivity to non-response · wave ${result.wave} · ${result.mode}${result.weighted ? ' · weighted' : ''}`,
    `Respondents: ${respondents.responded} of ${respondents.total} (${respondents.nonRespondents} did not answer${inferred})`,
    '',
    renderTable(
      [
        { header: 'network metric' },
        ...result.treatments.map((t) => ({ header: t, align: 'right' as const })),
      ],
      rows,
    ),
    '',
    'Change in brackets: relative to as-reported.',
    ...TREATMENT_NOTES.map((note) => `  ${note}`),
    '',
  ].join('\n');
}

export function sensitivityCsv(result: SensitivityResult): string {
  const [baseline, ...others] = result.treatments;
  const header = [
    'metric',
    'label',
    baseline!,
    ...others.flatMap((t) => [t, `${t}_change`, `${t}_relative_change`]),
  ];
  const rows = result.metrics.map((row) => [
    row.key,
    row.label.en,
    row.values[baseline!].value,
    ...others.flatMap((t) => [row.values[t].value, row.values[t].change, row.values[t].relativeChange]),
  ]);
  return toCsv(header, rows);
}

export const sensitivityCommand: Command = {
  name: 'sensitivity',
  summary: 'how much each network metric moves under each treatment of survey non-response',
  usage: [
    'Usage: kopru sensitivity <source> [--wave ID] [--mode M] [--group-by ATTR] [--weighted] [--seed S] [--format F]',
    '',
    '  <source>         a bundle folder, or --db for the configured Neo4j database',
    '  --wave ID        the wave (default: the last wave)',
    '  --mode M         undirected (default), directed or reciprocated',
    '  --group-by ATTR  groups of the E-I index (default: kind)',
    '  --weighted       use tie level as weight where a metric has a weighted form',
    '  --seed S         seed of the community detection (default 42)',
    '  --format F       table (default), json or csv',
    '',
    `Treatments (columns): ${NON_RESPONSE_TREATMENTS.join(', ')}.`,
    ...TREATMENT_NOTES.map((note) => `  ${note}`),
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...SOURCE_FLAGS,
      wave: { type: 'string' },
      'group-by': { type: 'string' },
      weighted: { type: 'boolean', default: false },
      seed: { type: 'string' },
    });
    const format = parseFormat(values.format, 'table');
    const mode = parseMode(values.mode);
    const seed = parseIntegerFlag('seed', values.seed, 0, 2 ** 31 - 1);
    const source = onePositional(positionals, values.db);
    const dataset = await loadSource(source, values.db, io);
    const result = computeSensitivity(dataset, {
      wave: values.wave,
      mode,
      weighted: values.weighted,
      groupBy: values['group-by'],
      seed,
    });
    if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else if (format === 'csv') io.stdout(sensitivityCsv(result));
    else io.stdout(sensitivityTable(result));
    return 0;
  },
};
