/** `kopru report <source> --from ID --to ID --out FILE.html [--lang en|tr] …`: the evaluation report. */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPORT_LANGUAGES, renderReport, type ReportLanguage } from '../../domain/report/index.js';
import { ValidationError } from '../../errors.js';
import { parseFlags, UsageError, type Command } from '../command.js';
import { parseIntegerFlag } from '../format/output-format.js';
import { loadSource } from '../source.js';
import { onePositional, parseMode } from './analysis-flags.js';
import { parseTreatment, TREATMENT_FLAG, TREATMENT_USAGE } from './treatment-flag.js';

function parseLanguage(value: string | undefined): ReportLanguage | undefined {
  if (value === undefined) return undefined;
  if ((REPORT_LANGUAGES as readonly string[]).includes(value)) return value as ReportLanguage;
  throw new UsageError(`--lang must be one of ${REPORT_LANGUAGES.join(', ')}, not "${value}"`);
}

/** Refuses a folder (or a missing parent folder) before any work, so a long analysis is not wasted. */
async function checkTarget(target: string, shown: string): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) {
    throw new ValidationError(
      `${shown} is a folder: give a file name, e.g. ${path.join(shown, 'report.html')}`,
      [{ file: shown, reason: 'is a folder' }],
    );
  }
  const parent = await stat(path.dirname(target)).catch(() => null);
  if (!parent?.isDirectory()) {
    throw new ValidationError(`${shown}: the folder ${path.dirname(shown)} does not exist`, [
      { file: shown, reason: 'folder does not exist' },
    ]);
  }
}

/**
 * Writes `content` to `target` atomically: a temporary file in the same folder, then a rename, so a reader
 * (or a crash) never sees half a report and an existing report is replaced in one step.
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'the evaluation report: one self-contained HTML file, in English or Turkish',
  usage: [
    'Usage: kopru report <source> --from ID --to ID --out FILE.html [--lang en|tr] [--mode M] [--treatment T]',
    '                    [--permutations N] [--seed S]',
    '',
    '  <source>          a bundle folder, or --db for the configured Neo4j database',
    '  --from, --to      the two waves to compare (e.g. pre and post)',
    '  --out FILE.html   where to write the report (replaced if it exists; never a folder)',
    '  --lang L          en (default) or tr',
    '  --mode M          undirected (default), directed or reciprocated',
    TREATMENT_USAGE,
    '  --permutations N  QAP permutations and density bootstrap samples (default 5000)',
    '  --seed S          seed of the random permutations (default 42): same seed, same report',
    '',
    "The file makes no network request: open it in any browser, and use the browser's print to PDF.",
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      db: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      mode: { type: 'string' },
      ...TREATMENT_FLAG,
      permutations: { type: 'string' },
      seed: { type: 'string' },
    });
    if (values.from === undefined || values.to === undefined)
      throw new UsageError('--from and --to are required');
    if (values.out === undefined || values.out === '') throw new UsageError('--out FILE.html is required');
    const lang = parseLanguage(values.lang);
    const mode = parseMode(values.mode);
    const treatment = parseTreatment(values.treatment);
    const permutations = parseIntegerFlag('permutations', values.permutations, 1, 100_000);
    const seed = parseIntegerFlag('seed', values.seed, 0, 2 ** 31 - 1);
    const source = onePositional(positionals, values.db);
    const target = path.resolve(io.cwd, values.out);
    await checkTarget(target, values.out);

    const dataset = await loadSource(source, values.db, io);
    const html = renderReport(dataset, {
      from: values.from,
      to: values.to,
      lang,
      mode,
      treatment,
      permutations,
      seed,
      generatedAt: new Date().toISOString().slice(0, 10),
    });
    await checkTarget(target, values.out);
    await writeFileAtomic(target, html);
    const size = Buffer.byteLength(html, 'utf8');
    io.stdout(`Report written to ${values.out} (${Math.round(size / 1024)} KB)\n`);
    return 0;
  },
};
