/** `kopru metrics <source> [--wave ID] [--mode M] [--group-by ATTR] [--weighted] [--exact|--approximate] [--engine E] [--format json|csv|table]`. */
import { analyseWaveAsync } from '../../domain/analysis/index.js';
import { parseFlags, type Command } from '../command.js';
import { parseFormat, parseIntegerFlag } from '../format/output-format.js';
import { metricsCsv, metricsTable } from '../format/metrics-output.js';
import { loadSource } from '../source.js';
import { onePositional, parseMode, SOURCE_FLAGS } from './analysis-flags.js';
import { ENGINE_FLAGS, ENGINE_USAGE, parseEngineFlags, progressReporter } from './engine-flags.js';
import { GDS_FLAGS, GDS_USAGE, gdsMeasuresFor, parseGdsFlags } from './gds-flags.js';
import type { ExternalMeasures } from '../../domain/metrics/index.js';
import { parseTreatment, TREATMENT_FLAG, TREATMENT_USAGE } from './treatment-flag.js';

export const metricsCommand: Command = {
  name: 'metrics',
  summary: 'network and node metrics of one wave',
  usage: [
    'Usage: kopru metrics <source> [--wave ID] [--mode M] [--group-by ATTR] [--weighted] [--seed S] [--format F]',
    '',
    '  <source>         a bundle folder, nodes.csv + edges.csv (folder or ROSTER.csv+EDGES.csv),',
    '                   a .gexf, .graphml or .json file, or --db for the configured Neo4j database',
    '  --wave ID        the wave (default: the last wave)',
    '  --mode M         undirected (default), directed or reciprocated',
    '  --group-by ATTR  groups of the E-I index and brokerage roles (default: kind)',
    '  --weighted       use tie level as weight where a metric has a weighted form',
    '  --seed S         seed of the community detection (default 42)',
    '  --format F       table (default), json or csv (node metrics)',
    '  --top N          rows of the node table in table format (default 20)',
    ENGINE_USAGE,
    GDS_USAGE,
    TREATMENT_USAGE,
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...SOURCE_FLAGS,
      ...TREATMENT_FLAG,
      ...ENGINE_FLAGS,
      ...GDS_FLAGS,
      wave: { type: 'string' },
      'group-by': { type: 'string' },
      weighted: { type: 'boolean', default: false },
      seed: { type: 'string' },
      top: { type: 'string' },
    });
    const format = parseFormat(values.format, 'table');
    const mode = parseMode(values.mode);
    const seed = parseIntegerFlag('seed', values.seed, 0, 2 ** 31 - 1);
    const top = parseIntegerFlag('top', values.top, 1, 1_000_000) ?? 20;
    const engine = parseEngineFlags(values);
    const source = onePositional(positionals, values.db);
    const treatment = parseTreatment(values.treatment);
    const gds = parseGdsFlags(values, values.db);
    let external: ExternalMeasures | undefined;
    const dataset = await loadSource(source, values.db, io, async ({ driver, database, dataset }) => {
      external = await gdsMeasuresFor(driver, database, dataset, gds, {
        wave: values.wave,
        mode,
        weighted: values.weighted,
        treated: treatment !== undefined && treatment !== 'as-reported',
      });
    });
    const progress = progressReporter(io, values.progress);
    const result = await analyseWaveAsync(
      dataset,
      {
        wave: values.wave,
        mode,
        weighted: values.weighted,
        groupBy: values['group-by'],
        seed,
        treatment,
        external,
        betweenness: engine.betweenness,
        epsilon: engine.epsilon,
        delta: engine.delta,
      },
      { threads: engine.threads, onProgress: progress.onProgress },
    ).finally(progress.done);
    const organizations = new Map(dataset.organizations.map((o) => [o.id, o]));
    if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else if (format === 'csv') io.stdout(metricsCsv(result, organizations));
    else io.stdout(metricsTable(result, organizations, top));
    return 0;
  },
};
