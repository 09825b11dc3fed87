/**
 * `kopru export <source> --to gexf|graphml|csv|json|pajek|dl --out PATH [--wave ID]`: writes the
 * dataset in another format (`server/domain/io/formats.ts`). `csv` writes a bundle folder; the others
 * one file, written atomically; `--out -` prints a single-file format on stdout instead.
 */
import path from 'node:path';
import { EXPORT_FORMATS, serializeDataset, type ExportFormat } from '../../domain/io/formats.js';
import { writeExport } from '../../files/write-export.js';
import { parseFlags, UsageError, type Command } from '../command.js';
import { SOURCE_HELP, loadSource } from '../source.js';
import { onePositional } from './analysis-flags.js';

function parseTarget(value: string | undefined): ExportFormat {
  if (value === undefined) throw new UsageError(`--to is required: one of ${EXPORT_FORMATS.join(', ')}`);
  if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new UsageError(`--to must be one of ${EXPORT_FORMATS.join(', ')}, not "${value}"`);
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the dataset as GEXF, GraphML, a CSV bundle, JSON, Pajek or UCINET DL',
  usage: [
    'Usage: kopru export <source> --to FORMAT --out PATH [--wave ID]',
    '',
    `  <source>     ${SOURCE_HELP}, or --db for the configured Neo4j database`,
    "  --to FORMAT  gexf     dynamic GEXF 1.3: waves as spells, for Gephi's timeline",
    '               graphml  GraphML, one edge per tie and wave (edge attribute "wave")',
    '               csv      the CSV bundle (a folder)',
    '               json     Köprü\'s JSON: { "type": "kopru-dataset", "version": 1, "dataset": … }',
    '               pajek    Pajek .net, each wave a relation (*Arcs :k "wave")',
    '               dl       UCINET DL, full matrices, one per wave',
    '  --out PATH   the file (a folder for csv) to write; "-" prints a single file on stdout',
    '  --wave ID    pajek and dl: only this wave',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      db: { type: 'boolean', default: false },
      to: { type: 'string' },
      out: { type: 'string' },
      wave: { type: 'string' },
    });
    const format = parseTarget(values.to);
    if (values.out === undefined || values.out === '') throw new UsageError('--out PATH is required');
    if (values.out === '-' && format === 'csv')
      throw new UsageError('--out - cannot print a bundle folder; give a folder');
    if (values.wave !== undefined && format !== 'pajek' && format !== 'dl') {
      throw new UsageError('--wave applies to --to pajek and --to dl; the other formats hold every wave');
    }
    const source = onePositional(positionals, values.db);
    const dataset = await loadSource(source, values.db, io);
    const output = serializeDataset(dataset, format, { wave: values.wave });
    if (values.out === '-' && output.kind === 'file') {
      io.stdout(output.text);
      return 0;
    }
    const written = await writeExport(output, path.resolve(io.cwd, values.out));
    const ties =
      values.wave === undefined
        ? dataset.ties.length
        : dataset.ties.filter((t) => t.wave === values.wave).length;
    io.stdout(
      `Wrote ${written.path} (${format}: ${dataset.organizations.length} organizations, ` +
        `${values.wave === undefined ? dataset.waves.length : 1} wave(s), ${ties} ties)\n`,
    );
    return 0;
  },
};
