/**
 * A CSV bundle too large to hold in memory, with `ties.csv` read in ONE streaming pass that both
 * validates and feeds the writer:
 *
 * - `openBundleStream` reads and validates the small files (organizations, waves, events,
 *   attendance, responses, dataset.json) by the in-memory rules (`datasetFromTables`). Problems with
 *   the files themselves (missing, unreadable) are thrown at once, as `readBundleFolder` does;
 *   problems inside them are kept, and make the bundle not `writable`.
 * - `pass` streams `ties.csv` row by row, checks every row by the same rules and messages as
 *   `readTies` in server/domain/io/csv-bundle-reader.ts, keeping only keys in memory (organization
 *   ids → index, wave ids, one number per distinct tie to find duplicates), and yields the ties in
 *   batches while no problem has been found anywhere. After the first problem it yields nothing more
 *   but reads on to the end, so that it throws exactly the problems (file, line, column, reason, the
 *   same per-file limit) that the in-memory reader reports. What was yielded before is the writer's to
 *   undo (the streamed import stages it invisibly and removes it).
 * - Duplicate rows (same source, target, wave) collapse as in memory: the highest level wins, with
 *   the extra columns of the first row that has it. The pass yields each tie's FIRST row and
 *   returns, at the end, the later rows that raise its level (`raises`, one per tie, the first row
 *   with the highest later level): the writer applies a raise only where it is above the level
 *   written. Only those (rare) repeated keys are held until the end of the file.
 *
 * The fingerprint (SHA-256 over every file) is taken from the bytes the pass reads, so what is
 * fingerprinted is what was validated and loaded; `fingerprintAhead` computes the same digest with
 * one fast read of the files, for deciding before any write whether the bundle is the one already
 * loaded.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { basename, join } from 'node:path';
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
/** Rows the pass reads between two turns of the event loop. */
const YIELD_EVERY_ROWS = 2_000;
const TIE_COLUMNS = new Set(['source', 'target', 'wave', 'level']);
const LEVEL_PATTERN = /^[0-9]+$/;

export interface StreamProgress {
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

/** What a whole pass over ties.csv found, once it found no problem. */
export interface TiePassSummary {
  /** Distinct ties (source, target, wave): the first rows the pass yielded. */
  tieCount: number;
  /** Data rows of ties.csv. */
  tieRows: number;
  /** SHA-256 of every file of the bundle, in file-name order: equal fingerprints, equal data. */
  fingerprint: string;
  /**
   * Later rows of repeated ties whose level is above every earlier repeat's (the first such row):
   * the tie takes this row's level and extra columns where that is above the level of its first row.
   */
  raises: Tie[];
}

export interface TiePassOptions {
  /** False: check every row but yield nothing (a dry run, or a bundle known to be refused). */
  write?: boolean;
}

/** A bundle whose small files are read and checked, and whose ties.csv is read in one pass. */
export interface BundleStream {
  /**
   * Everything but the ties (`ties` is empty). Without waves.csv, `waves` (the ties' waves in order
   * of first appearance) and `responses` are final only once the pass has ended.
   */
  dataset: Dataset;
  /** False when the small files already have problems: the pass then yields nothing. */
  readonly writable: boolean;
  /** SHA-256 of the files as the pass would take it, by one fast read (no parsing). */
  fingerprintAhead(): Promise<string>;
  /**
   * The pass (once per stream): batches of at most `batchSize` ties (first rows, in file order) while
   * no problem is known; returns the summary, or throws ValidationError with every problem.
   */
  pass(batchSize: number, options?: TiePassOptions): AsyncGenerator<Tie[], TiePassSummary, undefined>;
}

const show = (value: unknown): string => JSON.stringify(value);

/** The extra columns of every tie of a ties.csv that has none: one object, never written to. */
const NO_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;

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

type Hash = ReturnType<typeof createHash>;

async function sha256File(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
}

interface TieCheck {
  source: string;
  target: string;
  wave: string;
  level: number;
}

/** An empty required cell (unless its whole column is missing, reported once by the header). */
function requiredCell(
  header: StreamedHeader,
  line: number,
  column: 'source' | 'target' | 'wave',
  value: string,
  issues: IssueList,
): boolean {
  if (value !== '') return true;
  if (!header.missingColumns.has(column)) {
    issues.add({ file: header.file, line, column, reason: `${column} is empty; a value is required` });
  }
  return false;
}

function knownOrganization(
  file: string,
  line: number,
  column: 'source' | 'target',
  value: string,
  organizations: ReadonlyMap<string, number> | undefined,
  issues: IssueList,
): void {
  if (organizations !== undefined && value !== '' && !organizations.has(value)) {
    issues.add({
      file,
      line,
      column,
      reason: `unknown organization ${show(value)} (not in organizations.csv)`,
    });
  }
}

/**
 * One row of ties.csv checked like `readTies` + `validateRow(tieRow)` do, issues in the same order:
 * empty required cells and a bad level (schema order), the self-tie, then unknown references.
 * Returns the tie's values when the row is usable. No closures: this runs for every row of a
 * large file, and under tsx every closure created is also named at run time.
 */
function checkTieRow(
  header: StreamedHeader,
  row: CsvRow,
  organizations: ReadonlyMap<string, number> | undefined,
  waves: { ids: ReadonlyMap<string, unknown>; where: string } | undefined,
  issues: IssueList,
): TieCheck | undefined {
  const file = header.file;
  const line = row.line;
  const source = header.cell(row, 'source');
  const target = header.cell(row, 'target');
  const wave = header.cell(row, 'wave');
  const levelText = header.cell(row, 'level');
  let valid = requiredCell(header, line, 'source', source, issues);
  valid = requiredCell(header, line, 'target', target, issues) && valid;
  valid = requiredCell(header, line, 'wave', wave, issues) && valid;
  let level = MIN_LEVEL;
  if (levelText !== '') {
    level = Number(levelText);
    if (!LEVEL_PATTERN.test(levelText) || level < MIN_LEVEL || level > MAX_LEVEL) {
      valid = false;
      issues.add({
        file,
        line,
        column: 'level',
        reason: `level must be an integer from ${MIN_LEVEL} to ${MAX_LEVEL}, not ${show(levelText)}`,
      });
    }
  }
  const selfTie = source !== '' && source === target;
  if (selfTie) {
    issues.add({
      file,
      line,
      column: 'target',
      reason: `self-tie: source and target are both ${show(source)}`,
    });
  }
  knownOrganization(file, line, 'source', source, organizations, issues);
  knownOrganization(file, line, 'target', target, organizations, issues);
  if (waves !== undefined && wave !== '' && !waves.ids.has(wave)) {
    issues.add({ file, line, column: 'wave', reason: `unknown wave ${show(wave)} (${waves.where})` });
  }
  return valid && !selfTie ? { source, target, wave, level } : undefined;
}

/**
 * A set of non-negative integers below 2^53 in one open-addressing table (linear probing) of
 * doubles: no object per key, so 1 000 000 keys take 16–32 MB and cost the garbage collector
 * nothing, where a Set of numbers this large (above the small-integer range) boxes every key.
 */
class KeySet {
  private table = new Float64Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;
  size = 0;

  private static slot(key: number, mask: number): number {
    const low = key >>> 0;
    const high = (key / 4_294_967_296) >>> 0;
    let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h & mask;
  }

  /** Adds `key`; false when it was already there. */
  add(key: number): boolean {
    const table = this.table;
    let slot = KeySet.slot(key, this.mask);
    for (;;) {
      const held = table[slot] as number;
      if (held === key) return false;
      if (held === -1) break;
      slot = (slot + 1) & this.mask;
    }
    table[slot] = key;
    this.size += 1;
    if (this.size * 2 > this.table.length) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2).fill(-1);
    this.mask = this.table.length - 1;
    for (const key of old) {
      if (key === -1) continue;
      let slot = KeySet.slot(key, this.mask);
      while (this.table[slot] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot] = key;
    }
  }
}

/** Distinct ties as one number per wave: source index × organizations + target index. */
class TieKeys {
  private readonly seen = new Map<string, KeySet>();
  distinct = 0;

  constructor(
    private readonly organizations: ReadonlyMap<string, number>,
    private readonly size = organizations.size,
  ) {}

  /** Records the tie; returns its key when it was seen before (a repeat), else undefined. */
  add(tie: TieCheck): number | undefined {
    const source = this.organizations.get(tie.source);
    const target = this.organizations.get(tie.target);
    if (source === undefined || target === undefined) return undefined;
    const key = source * this.size + target;
    let wave = this.seen.get(tie.wave);
    if (wave === undefined) this.seen.set(tie.wave, (wave = new KeySet()));
    if (!wave.add(key)) return key;
    this.distinct += 1;
    return undefined;
  }
}

/**
 * Opens the bundle in folder `dir`: reads and checks the small files, and returns the handle whose
 * `pass` reads ties.csv.
 *
 * @throws ValidationError when a file itself is missing or unreadable, as `readBundleFolder` would.
 */
export async function openBundleStream(
  dir: string,
  options: OpenStreamedOptions = {},
): Promise<BundleStream> {
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
  let totalBytes = 0;
  try {
    const info = await stat(tiesPath);
    if (!info.isFile()) issues.add({ file: TIES, reason: `${TIES} is not a regular file` });
    else totalBytes = info.size;
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
  const organizationIds = idsOf(organizationsTable);
  const waveIds = idsOf(wavesTable);
  const waveReference =
    hasWaves && waveIds !== undefined ? { ids: waveIds, where: 'not in waves.csv' } : undefined;
  const writable = issues.count === 0;

  // The fingerprint's input: every file in name order, each after its name; ties.csv's bytes are
  // added between `fingerprintStart` and `fingerprintEnd` by whoever reads them.
  const tiesAt = BUNDLE_FILE_NAMES.indexOf(TIES);
  const addFiles = (hash: Hash, files: readonly string[]): void => {
    for (const file of files) {
      hash.update(`\u0000${file}\u0000`);
      if (file !== TIES) hash.update(text.get(file)?.text ?? '\u0001absent');
    }
  };
  const fingerprintStart = (): Hash => {
    const hash = createHash('sha256');
    addFiles(hash, BUNDLE_FILE_NAMES.slice(0, tiesAt + 1));
    return hash;
  };
  const fingerprintEnd = (hash: Hash): string => {
    addFiles(hash, BUNDLE_FILE_NAMES.slice(tiesAt + 1));
    return hash.digest('hex');
  };

  let passed = false;
  async function* pass(
    batchSize: number,
    passOptions: TiePassOptions = {},
  ): AsyncGenerator<Tie[], TiePassSummary, undefined> {
    if (passed) throw new Error('a bundle stream is read once; open it again');
    passed = true;
    const write = passOptions.write ?? true;
    const keys = new TieKeys(organizationIds ?? new Map());
    const tieWaves = new Map<string, number>();
    // Repeated ties by wave and key: the first later row with the highest level.
    const raises = new Map<string, Map<number, Tie>>();
    const hash = fingerprintStart();
    const state: CsvStreamState = { header: undefined, complete: true, bytes: 0, rows: 0 };
    let extras: string[] | undefined;
    let batch: Tie[] = [];
    let lastReport = 0;
    for await (const row of streamCsvRows(tiesPath, TIES, issues, ['source', 'target', 'wave'], state, {
      maxRows: maxTieRows,
      onBytes: (chunk) => hash.update(chunk),
    })) {
      // Parsed records come out of the stream's buffer as microtasks, which never let I/O in: give
      // the event loop a turn now and then, or the writes in flight (their results, the next
      // batch's start) wait for a whole batch to be parsed and the database idles meanwhile.
      if (state.rows % YIELD_EVERY_ROWS === 0) await nextTurn();
      if (options.onProgress && state.rows - lastReport >= 100_000) {
        lastReport = state.rows;
        options.onProgress({ rows: state.rows, bytes: state.bytes, totalBytes });
      }
      if (!row.wellFormed) continue;
      const header = state.header as StreamedHeader;
      const tie = checkTieRow(header, row, organizationIds, waveReference, issues);
      const wave = header.cell(row, 'wave');
      if (wave !== '' && !tieWaves.has(wave)) tieWaves.set(wave, row.line);
      if (tie === undefined) continue;
      const repeated = keys.add(tie);
      // Once a problem is known nothing more is yielded; the rest is read for its problems only.
      if (!write || issues.count > 0) {
        batch = [];
        continue;
      }
      // A repeat at the lowest level can never raise the tie: nothing to hold.
      if (repeated !== undefined && tie.level === MIN_LEVEL) continue;
      extras ??= extraColumns({ ...header, rows: [], complete: true } satisfies CsvTable, TIE_COLUMNS);
      let extra = NO_EXTRA;
      if (extras.length > 0) {
        extra = {};
        for (const column of extras) extra[column] = header.cell(row, column);
      }
      const record: Tie = { source: tie.source, target: tie.target, wave: tie.wave, level: tie.level, extra };
      if (repeated !== undefined) {
        let byKey = raises.get(tie.wave);
        if (byKey === undefined) raises.set(tie.wave, (byKey = new Map()));
        const kept = byKey.get(repeated);
        if (kept === undefined || kept.level < record.level) byKey.set(repeated, record);
        continue;
      }
      batch.push(record);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
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
    if (batch.length > 0) yield batch;
    return {
      tieCount: keys.distinct,
      tieRows: state.rows,
      fingerprint: fingerprintEnd(hash),
      raises: [...raises.values()].flatMap((byKey) => [...byKey.values()]),
    };
  }

  return {
    dataset,
    writable,
    fingerprintAhead: async () => {
      const hash = fingerprintStart();
      await sha256File(tiesPath, hash);
      return fingerprintEnd(hash);
    },
    pass,
  };
}

/** Reads and checks the whole bundle without yielding a tie (nothing is written). */
export async function checkBundleStream(bundle: BundleStream, batchSize = 50_000): Promise<TiePassSummary> {
  const pass = bundle.pass(batchSize, { write: false });
  for (;;) {
    const next = await pass.next();
    if (next.done) return next.value;
  }
}
