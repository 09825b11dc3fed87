/** `kopru isolated <source> [--wave ID] [--mode M] [--format …]`: who is isolated and whom to introduce them to. */
import { analyseIsolation } from '../../domain/analysis/index.js';
import { parseFlags, type Command } from '../command.js';
import { isolatedCsv, isolatedText } from '../format/isolated-output.js';
import { parseFormat, parseIntegerFlag } from '../format/output-format.js';
import { loadSource } from '../source.js';
import { onePositional, parseMode, SOURCE_FLAGS } from './analysis-flags.js';

export const isolatedCommand: Command = {
  name: 'isolated',
  summary: 'isolated and peripheral organizations, why, and whom to introduce them to',
  usage: [
    'Usage: kopru isolated <source> [--wave ID] [--mode M] [--suggestions N] [--format F]',
    '',
    '  --wave ID         the wave (default: the last wave)',
    '  --mode M          undirected (default), directed or reciprocated',
    '  --suggestions N   introduction suggestions per organization (default 3)',
    '  --format F        table (default: a readable list), json or csv (one row per suggestion)',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      ...SOURCE_FLAGS,
      wave: { type: 'string' },
      suggestions: { type: 'string' },
    });
    const format = parseFormat(values.format, 'table');
    const maxSuggestions = parseIntegerFlag('suggestions', values.suggestions, 0, 20);
    const source = onePositional(positionals, values.db);
    const dataset = await loadSource(source, values.db, io);
    const result = analyseIsolation(dataset, {
      wave: values.wave,
      mode: parseMode(values.mode),
      maxSuggestions,
    });
    if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else if (format === 'csv') io.stdout(isolatedCsv(result));
    else io.stdout(isolatedText(result));
    return 0;
  },
};
