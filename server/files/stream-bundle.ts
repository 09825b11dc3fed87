/**
 * A CSV bundle too large to hold in memory, read in two streaming passes over `ties.csv`:
 *
 * 1. validation (`openStreamedBundle`): the small files (organizations, waves, events, attendance,
 *    responses, dataset.json) are read and validated by the in-memory rules (`datasetFromTables`);
 *    `ties.csv` is streamed row by row and checked by the same rules and messages as `readTies` in
 *    server/domain/io/csv-bundle-reader.ts, keeping only keys in memory (organization ids → index,
 *    wave ids, one number per distinct tie to find duplicates). Every problem is collected and
 *    thrown at once, exactly as the in-memory reader reports it; nothing has been written yet.
 * 2. load (`StreamedBundle.tieBatches`): `ties.csv` is streamed again and yielded in batches of
 *    tie records. Duplicate rows (same source, target, wave) collapse as in memory: the highest
 *    level wins, with the extra columns of the first row that has it. Only the (rare) duplicated
 *    keys are held back until the end of the file.
 *
 * A fingerprint (SHA-256 over every file) is taken during pass 1; pass 2 refuses a `ties.csv` whose
 * size or modification time changed in between, so what is loaded is what was validated.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ValidationError } from '../errors.js';
import {
  BUNDLE_FILE_NAMES,
  DEFAULT_DATASET_NAME,
  bundleValidationError,
  datasetFromTables,
  parseDatasetInfo,
} from '../domain/io/csv-bundle-reader.js';
import { IssueList, extraColumns, readCsvTable, type CsvRow, type CsvTable } from '../domain/io/csv-rows.js';
import { MAX_LEVEL, MIN_LEVEL, type Dataset, type Tie } from '../domain/types.js';
import { assertFolder, errorCode, MAX_BUNDLE_FILE_BYTES, readTextFile } from './read-bundle.js';
import { streamCsvRows, type CsvStreamState, type StreamedHeader } from './stream-csv.js';

/** Rows of one ties.csv read by the streaming path (the in-memory reader stops at 1 000 000). */
export const MAX_STREAMED_TIE_ROWS = 100_000_000;

const TIES = 'ties.csv';
const TIE_COLUMNS = new Set(['source', 'target', 'wave', 'level']);
const LEVEL_PATTERN = /^[0-9]+$/;

export interface StreamProgress {
  pass: 'validate' | 'load';
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface OpenStreamedOptions {
  onProgress?: (progress: StreamProgress) => void;
  /** Largest small file (everything but ties.csv) in bytes; default 200 MB. */
  maxFileBytes?: number;
  /** Largest number of data rows in ties.csv; default MAX_STREAMED_TIE_ROWS. */
  maxTieRows?: number;
}

/** A validated bundle whose ties are read on demand. */
export interface StreamedBundle {
  /** Everything but the ties (`ties` is empty): organizations, waves, events, attendance, responses. */
  dataset: Dataset;
  /** Distinct ties (source, target, wave) the load pass yields. */
  tieCount: number;
  /** Data rows of ties.csv. */
  tieRows: number;
  /** SHA-256 of every file of the bundle, in file-name order: equal fingerprints, equal data. */
  fingerprint: string;
  /** The ties in batches of at most `batchSize`, in file order (collapsed duplicates last). */
  tieBatches(batchSize: number): AsyncGenerator<Tie[]>;
}

const show = (value: unknown): string => JSON.stringify(value);

/** Ids of a table (misshapen rows included, as the in-memory reader counts them), or undefined when untrusted. */
function idsOf(table: CsvTable | undefined): Map<string, number> | undefined {
  if (table === undefined || !table.complete || !table.has('id')) return undefined;
  const ids = new Map<string, number>();
  for (const row of table.rows) {
    const id = table.cell(row, 'id');
    if (id !== '' && !ids.has(id)) ids.set(id, ids.size);
  }
  return ids;
}

async function sha256File(path: string, hash: ReturnType<typeof createHash>): Promise<void> {
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
}

interface TieCheck {
  source: string;
  target: string;
  wave: string;
  level: number;
}

/**
 * One row of ties.csv checked like `readTies` + `validateRow(tieRow)` do, issues in the same order:
 * empty required cells and a bad level (schema order), the self-tie, then unknown references.
 * Returns the tie's values when the row is usable.
 */
function checkTieRow(
  header: StreamedHeader,
  row: CsvRow,
  organizations: ReadonlyMap<string, number> | undefined,
  waves: { ids: ReadonlyMap<string, unknown>; where: string } | undefined,
  issues: IssueList,
): TieCheck | undefined {
  const file = header.file;
  const source = header.cell(row, 'source');
  const target = header.cell(row, 'target');
  const wave = header.cell(row, 'wave');
  const levelText = header.cell(row, 'level');
  // Plain statements, no arrays of pairs: this runs twice for every row of a large file.
  const required = (column: 'source' | 'target' | 'wave', value: string): boolean => {
    if (value !== '') return true;
    if (!header.missingColumns.has(column)) {
      issues.add({ file, line: row.line, column, reason: `${column} is empty; a value is required` });
    }
    return false;
  };
  let valid = required('source', source);
  valid = required('target', target) && valid;
  valid = required('wave', wave) && valid;
  let level = MIN_LEVEL;
  if (levelText !== '') {
    level = Number(levelText);
    if (!LEVEL_PATTERN.test(levelText) || level < MIN_LEVEL || level > MAX_LEVEL) {
      valid = false;
      issues.add({
        file,
        line: row.line,
        column: 'level',
        reason: `level must be an integer from ${MIN_LEVEL} to ${MAX_LEVEL}, not ${show(levelText)}`,
      });
    }
  }
  const selfTie = source !== '' && source === target;
  if (selfTie) {
    issues.add({
      file,
      line: row.line,
      column: 'target',
      reason: `self-tie: source and target are both ${show(source)}`,
    });
  }
  const known = (column: 'source' | 'target', value: string): void => {
    if (organizations !== undefined && value !== '' && !organizations.has(value)) {
      issues.add({
        file,
        line: row.line,
        column,
        reason: `unknown organization ${show(value)} (not in organizations.csv)`,
      });
    }
  };
  known('source', source);
  known('target', target);
  if (waves !== undefined && wave !== '' && !waves.ids.has(wave)) {
    issues.add({
      file,
      line: row.line,
      column: 'wave',
      reason: `unknown wave ${show(wave)} (${waves.where})`,
    });
  }
  return valid && !selfTie ? { source, target, wave, level } : undefined;
}

/** Distinct ties as one number per wave: source index × organizations + target index. */
class TieKeys {
  private readonly seen = new Map<string, Set<number>>();
  readonly duplicates = new Map<string, Set<number>>();
  distinct = 0;

  constructor(
    private readonly organizations: ReadonlyMap<string, number>,
    private readonly size = organizations.size,
  ) {}

  key(tie: TieCheck): number | undefined {
    const source = this.organizations.get(tie.source);
    const target = this.organizations.get(tie.target);
    return source === undefined || target === undefined ? undefined : source * this.size + target;
  }

  add(tie: TieCheck): void {
    const key = this.key(tie);
    if (key === undefined) return;
    let wave = this.seen.get(tie.wave);
    if (wave === undefined) this.seen.set(tie.wave, (wave = new Set()));
    if (!wave.has(key)) {
      wave.add(key);
      this.distinct += 1;
      return;
    }
    let duplicates = this.duplicates.get(tie.wave);
    if (duplicates === undefined) this.duplicates.set(tie.wave, (duplicates = new Set()));
    duplicates.add(key);
  }

  isDuplicated(tie: TieCheck): boolean {
    const key = this.key(tie);
    return key !== undefined && (this.duplicates.get(tie.wave)?.has(key) ?? false);
  }

  /** Frees the per-wave sets once validation is over; only the duplicates are needed to load. */
  release(): void {
    this.seen.clear();
  }
}

/**
 * Validates the bundle in folder `dir` with ties.csv streamed (pass 1) and returns a handle that
 * streams the ties again to load them (pass 2).
 *
 * @throws ValidationError with every problem (file, line, column, reason), as `readBundleFolder` would.
 */
export async function openStreamedBundle(
  dir: string,
  options: OpenStreamedOptions = {},
): Promise<StreamedBundle> {
  const maxFileBytes = options.maxFileBytes ?? MAX_BUNDLE_FILE_BYTES;
  const maxTieRows = options.maxTieRows ?? MAX_STREAMED_TIE_ROWS;
  const folder = await assertFolder(dir);
  const issues = new IssueList();
  const smallFiles = BUNDLE_FILE_NAMES.filter((file) => file !== TIES);
  const reads = await Promise.all(
    smallFiles.map((file) => readTextFile(join(folder, file), file, maxFileBytes)),
  );
  const text = new Map<string, (typeof reads)[number] | undefined>(
    smallFiles.map((file, index) => [file, reads[index]]),
  );
  for (const read of reads) if (read.issue !== undefined) issues.add(read.issue);

  const tiesPath = join(folder, TIES);
  let tiesInfo: { size: number; mtimeMs: number } | undefined;
  try {
    const info = await stat(tiesPath);
    if (!info.isFile()) issues.add({ file: TIES, reason: `${TIES} is not a regular file` });
    else tiesInfo = { size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT')
      issues.add({ file: TIES, reason: `${TIES} is missing; a bundle must contain it` });
    else
      issues.add({ file: TIES, reason: `the file cannot be read (${errorCode(error) ?? 'unknown error'})` });
  }
  // Problems with the files themselves are reported alone, as readBundleFolder does.
  if (issues.count > 0) throw bundleValidationError(issues.toArray(BUNDLE_FILE_NAMES), issues.count);

  const table = (file: string, required: string[]): CsvTable | undefined => {
    const content = text.get(file)?.text;
    if (content === undefined) {
      if (file === 'organizations.csv')
        issues.add({ file, reason: `${file} is missing; a bundle must contain it` });
      return undefined;
    }
    return readCsvTable(file, content, issues, required);
  };
  const info = parseDatasetInfo(
    text.get('dataset.json')?.text,
    basename(folder) || DEFAULT_DATASET_NAME,
    issues,
  );
  const organizationsTable = table('organizations.csv', ['id', 'name', 'kind']);
  const wavesTable = table('waves.csv', ['id', 'label', 'date']);
  const responsesTable = table('responses.csv', ['organization', 'wave', 'status']);
  const hasWaves = text.get('waves.csv')?.text !== undefined;
  const dataset = datasetFromTables(
    info,
    {
      organizations: organizationsTable,
      waves: wavesTable,
      ties: undefined,
      events: table('events.csv', ['id', 'name', 'date']),
      attendance: table('attendance.csv', ['organization', 'event']),
      responses: responsesTable,
      hasWaves,
      hasEvents: text.get('events.csv')?.text !== undefined,
    },
    issues,
  );

  // Pass 1 over ties.csv.
  const organizationIds = idsOf(organizationsTable);
  const waveIds = idsOf(wavesTable);
  const waveReference =
    hasWaves && waveIds !== undefined ? { ids: waveIds, where: 'not in waves.csv' } : undefined;
  const keys = new TieKeys(organizationIds ?? new Map());
  const tieWaves = new Map<string, number>();
  const state: CsvStreamState = { header: undefined, complete: true, bytes: 0, rows: 0 };
  const totalBytes = tiesInfo?.size ?? 0;
  let lastReport = 0;
  for await (const row of streamCsvRows(tiesPath, TIES, issues, ['source', 'target', 'wave'], state, {
    maxRows: maxTieRows,
  })) {
    if (options.onProgress && state.rows - lastReport >= 100_000) {
      lastReport = state.rows;
      options.onProgress({ pass: 'validate', rows: state.rows, bytes: state.bytes, totalBytes });
    }
    if (!row.wellFormed) continue;
    const header = state.header as StreamedHeader;
    const tie = checkTieRow(header, row, organizationIds, waveReference, issues);
    const wave = header.cell(row, 'wave');
    if (wave !== '' && !tieWaves.has(wave)) tieWaves.set(wave, row.line);
    if (tie !== undefined) keys.add(tie);
  }
  keys.release();
  const tiesComplete = state.complete && state.header !== undefined && state.header.has('wave');

  if (!hasWaves) {
    dataset.waves = [...tieWaves.keys()].map((id) => ({ id, label: id, date: '' }));
    // Responses name waves that only ties define: checked now that every tie has been seen.
    if (responsesTable !== undefined && tiesComplete) {
      for (const row of responsesTable.rows) {
        const wave = responsesTable.cell(row, 'wave');
        if (!row.wellFormed || wave === '' || tieWaves.has(wave)) continue;
        issues.add({
          file: responsesTable.file,
          line: row.line,
          column: 'wave',
          reason: `unknown wave ${show(wave)} (no tie in ${TIES} has it, and there is no waves.csv)`,
        });
      }
      const known = new Set(tieWaves.keys());
      dataset.responses = dataset.responses.filter((response) => known.has(response.wave));
    }
  }
  if (issues.count > 0) throw bundleValidationError(issues.toArray(BUNDLE_FILE_NAMES), issues.count);

  const hash = createHash('sha256');
  for (const file of BUNDLE_FILE_NAMES) {
    hash.update(`\u0000${file}\u0000`);
    if (file === TIES) await sha256File(tiesPath, hash);
    else hash.update(text.get(file)?.text ?? '\u0001absent');
  }

  const header = state.header as StreamedHeader;
  const extras = extraColumns({ ...header, rows: [], complete: true } satisfies CsvTable, TIE_COLUMNS);
  const validated = tiesInfo as { size: number; mtimeMs: number };
  return {
    dataset,
    tieCount: keys.distinct,
    tieRows: state.rows,
    fingerprint: hash.digest('hex'),
    async *tieBatches(batchSize: number) {
      const now = await stat(tiesPath);
      if (now.size !== validated.size || now.mtimeMs !== validated.mtimeMs) {
        const reason = `${TIES} changed after it was validated; import it again`;
        throw new ValidationError(reason, [{ file: TIES, reason }]);
      }
      const loadIssues = new IssueList();
      const loadState: CsvStreamState = { header: undefined, complete: true, bytes: 0, rows: 0 };
      const held = new Map<string, Tie>();
      let batch: Tie[] = [];
      let reported = 0;
      for await (const row of streamCsvRows(
        tiesPath,
        TIES,
        loadIssues,
        ['source', 'target', 'wave'],
        loadState,
        {
          maxRows: maxTieRows,
        },
      )) {
        const current = loadState.header as StreamedHeader;
        const tie = checkTieRow(current, row, undefined, undefined, loadIssues);
        if (tie === undefined || !row.wellFormed) continue;
        const extra: Record<string, string> = {};
        for (const column of extras) extra[column] = current.cell(row, column);
        const record: Tie = { ...tie, extra };
        if (keys.isDuplicated(tie)) {
          const key = `${tie.source}\u0000${tie.target}\u0000${tie.wave}`;
          const kept = held.get(key);
          if (kept === undefined || kept.level < record.level) held.set(key, record);
          continue;
        }
        batch.push(record);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
        if (options.onProgress && loadState.rows - reported >= 100_000) {
          reported = loadState.rows;
          options.onProgress({ pass: 'load', rows: loadState.rows, bytes: loadState.bytes, totalBytes });
        }
      }
      if (loadIssues.count > 0) {
        const reason = `${TIES} changed after it was validated; import it again`;
        throw new ValidationError(reason, [{ file: TIES, reason }]);
      }
      for (const tie of held.values()) {
        batch.push(tie);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}
