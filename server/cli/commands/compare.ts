/** `kopru compare <source> --from ID --to ID [--mode M] [--permutations N] [--seed S] [--format …]`. */
import { analyseChangeAsync } from '../../domain/analysis/index.js';
import { parseFlags, UsageError, type Command } from '../command.js';
import { compareCsv, compareTable } from '../format/compare-output.js';
import { parseFormat, parseIntegerFlag } from '../format/output-format.js';
import { loadSource } from '../source.js';
import { onePositional, parseMode, SOURCE_FLAGS } from './analysis-flags.js';
import { ENGINE_FLAGS, ENGINE_USAGE, parseEngineFlags, progressReporter } from './engine-flags.js';
import { parseTreatment, TREATMENT_FLAG, TREATMENT_USAGE } from './treatment-flag.js';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'what changed between two waves, and whether it is more than chance',
  usage: [
    'Usage: kopru compare <source> --from ID --to ID [--mode M] [--permutations N] [--seed S] [--format F]',
    '',
    '  --from, --to      the two waves (e.g. pre and post)',
    '  --mode M          undirected (default), directed or reciprocated',
    '  --permutations N  QAP permutations and density bootstrap samples (default 5000)',
    '  --seed S          seed of the random permutations (default 42): same seed, same p-values',
    '  --group-by ATTR   groups of the E-I index (default: kind)',
    '  --weighted        QAP on tie levels instead of presence',
    '  --format F        table (default), json or csv (node changes)',
    '  --top N           rows of the "largest gains" table (default 15)',
    ENGINE_USAGE,
    TREATMENT_USAGE,
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...SOURCE_FLAGS,
      ...TREATMENT_FLAG,
      ...ENGINE_FLAGS,
      from: { type: 'string' },
      to: { type: 'string' },
      permutations: { type: 'string' },
      seed: { type: 'string' },
      'group-by': { type: 'string' },
      weighted: { type: 'boolean', default: false },
      top: { type: 'string' },
    });
    if (values.from === undefined || values.to === undefined)
      throw new UsageError('--from and --to are required');
    const format = parseFormat(values.format, 'table');
    const permutations = parseIntegerFlag('permutations', values.permutations, 1, 100_000);
    const seed = parseIntegerFlag('seed', values.seed, 0, 2 ** 31 - 1);
    const top = parseIntegerFlag('top', values.top, 1, 1_000_000) ?? 15;
    const engine = parseEngineFlags(values);
    const source = onePositional(positionals, values.db);
    const dataset = await loadSource(source, values.db, io);
    const progress = progressReporter(io, values.progress);
    const result = await analyseChangeAsync(
      dataset,
      {
        from: values.from,
        to: values.to,
        mode: parseMode(values.mode),
        permutations,
        seed,
        groupBy: values['group-by'],
        weighted: values.weighted,
        treatment: parseTreatment(values.treatment),
        betweenness: engine.betweenness,
        epsilon: engine.epsilon,
        delta: engine.delta,
      },
      { threads: engine.threads, onProgress: progress.onProgress },
    ).finally(progress.done);
    const organizations = new Map(dataset.organizations.map((o) => [o.id, o]));
    if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else if (format === 'csv') io.stdout(compareCsv(result, organizations));
    else io.stdout(compareTable(result, organizations, top));
    return 0;
  },
};
