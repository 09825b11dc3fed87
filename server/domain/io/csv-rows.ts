/**
 * Reads one CSV file of a bundle into header + rows, reporting every problem as an `InputIssue`
 * instead of stopping: RFC 4180 quoting (csv-parse), UTF-8 BOM and CRLF/CR line endings
 * tolerated, cells trimmed and normalized to Unicode NFC, blank lines skipped. Line numbers are
 * physical 1-based lines of the file (header = line 1) and point at the line where a record
 * starts, even when an earlier quoted field spans several lines.
 *
 * Spreadsheet quirks accepted (Excel in a Turkish or other comma-decimal locale): the delimiter is
 * detected from the header line (`,`, `;` or tab, whichever separates most of it outside quotes),
 * and Excel's `sep=;` directive on the first line is honoured and skipped.
 *
 * The same `CsvTable` shape is built from other formats' records (`tableFromRecords`: GEXF and
 * GraphML nodes and edges, our JSON export) so that every format is validated by one set of rules.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { InputIssue } from '../../errors.js';

/** Files with more data rows than this are refused. */
export const MAX_ROWS_PER_FILE = 1_000_000;

/**
 * Longest value (cell, attribute, text) read, in characters. Longer ones are refused before they
 * are built: a multi-megabyte "name" is an attack or a broken export, never data.
 */
export const MAX_VALUE_LENGTH = 1_000_000;

/** Issues kept per file; the rest are only counted, so a broken million-row file stays reportable. */
export const MAX_ISSUES_PER_FILE = 1_000;

/**
 * Column names refused in any header. Unknown columns become keys of `extra` objects, and these
 * names would reach (or shadow) the prototype chain there.
 */
export const FORBIDDEN_COLUMN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Collects issues across files, capping each file at MAX_ISSUES_PER_FILE listed issues. */
export class IssueList {
  private readonly listed: InputIssue[] = [];
  private readonly perFile = new Map<string, { listed: number; omitted: number }>();
  private total = 0;

  add(issue: InputIssue): void {
    this.total += 1;
    const key = issue.file ?? '';
    const counts = this.perFile.get(key) ?? { listed: 0, omitted: 0 };
    this.perFile.set(key, counts);
    if (counts.listed < MAX_ISSUES_PER_FILE) {
      counts.listed += 1;
      this.listed.push(issue);
    } else {
      counts.omitted += 1;
    }
  }

  /** Every problem found, including those not listed. */
  get count(): number {
    return this.total;
  }

  /**
   * The listed issues ordered by file (in `fileOrder`, others after), then line (file-level
   * issues first), then the order they were found; plus one summary issue per capped file.
   */
  toArray(fileOrder: readonly string[]): InputIssue[] {
    const rank = (file: string | undefined): number => {
      const index = file === undefined ? -1 : fileOrder.indexOf(file);
      return index === -1 ? fileOrder.length : index;
    };
    const sorted = this.listed
      .map((issue, index) => ({ issue, index }))
      .sort(
        (a, b) =>
          rank(a.issue.file) - rank(b.issue.file) ||
          (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
          a.index - b.index,
      )
      .map(({ issue }) => issue);
    for (const [file, { omitted }] of this.perFile) {
      if (omitted === 0) continue;
      const summary = `${omitted} more problem${omitted === 1 ? '' : 's'} in this file not listed`;
      const at = sorted.findLastIndex((issue) => (issue.file ?? '') === file);
      sorted.splice(at + 1, 0, file === '' ? { reason: summary } : { file, reason: summary });
    }
    return sorted;
  }
}

export interface CsvRow {
  /** Physical line where the record starts (header = 1). */
  readonly line: number;
  /** Cells, trimmed and NFC-normalized, in header order. */
  readonly fields: readonly string[];
  /** False when the record has a different number of fields than the header (already reported). */
  readonly wellFormed: boolean;
}

export interface CsvTable {
  readonly file: string;
  /** Header names, trimmed and NFC-normalized; '' for an unnamed column. */
  readonly columns: readonly string[];
  /** Data rows in file order; blank rows (every cell empty) are dropped. */
  readonly rows: readonly CsvRow[];
  /** Required columns the header lacks (already reported): skip per-row checks on them. */
  readonly missingColumns: ReadonlySet<string>;
  /**
   * False when some records could not be read at all (malformed quoting, row limit): the ids in
   * this file are then not a complete set, and references to it cannot be checked.
   */
  readonly complete: boolean;
  has(column: string): boolean;
  /** The cell of `column` in `row`, '' when the column or the cell is absent. */
  cell(row: CsvRow, column: string): string;
}

function cleanCell(value: string): string {
  return value.normalize('NFC').trim();
}

/** 1000000 → "1 000 000" (SI-style grouping, unambiguous in English and Turkish). */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ' ');
}

export function countNewlines(value: string): number {
  let count = 0;
  for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** csv-parse's error as a reason a spreadsheet user can act on. */
export function parseErrorReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return `a value is longer than ${formatCount(MAX_VALUE_LENGTH)} characters, the most Köprü reads`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field starting in this record is never closed (a closing " is missing)';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text follows the closing " of a quoted field; inside quotes, write a quote as ""';
    case 'INVALID_OPENING_QUOTE':
      return 'a " inside an unquoted field; put the whole field in double quotes and write the quote as ""';
    default:
      return `malformed CSV: ${error.message}`;
  }
}

const DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter of `text` (line endings already `\n`, no BOM) and how many lines precede the
 * header: Excel's `sep=X` first line names it; otherwise the candidate that occurs most often
 * outside quotes on the first non-blank line wins, `,` on a tie (a one-column header has none).
 */
export function detectDelimiter(text: string): { delimiter: CsvDelimiter; skipLines: number } {
  const directive = /^sep=(.)[ \t]*(?:\n|$)/i.exec(text);
  const named = DELIMITERS.find((candidate) => candidate === directive?.[1]);
  if (named !== undefined) return { delimiter: named, skipLines: 1 };
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let content = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at] as string;
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') {
      if (content) break;
    } else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
    if (char.trim() !== '') content = true;
  }
  let best: CsvDelimiter = ',';
  for (const candidate of DELIMITERS)
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return { delimiter: best, skipLines: 0 };
}

/**
 * The line of a run of more than MAX_VALUE_LENGTH characters without a delimiter or line break, if
 * any: such a run lies inside one value whatever the quoting, and finding it by a plain scan spares
 * parsing megabytes first (csv-parse's own limit still catches long values that contain delimiters).
 */
function longRunLine(text: string, delimiter: string): number | undefined {
  const separator = delimiter.charCodeAt(0);
  let line = 1;
  let run = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 10) {
      line += 1;
      run = 0;
    } else if (code === separator) {
      run = 0;
    } else if (++run > MAX_VALUE_LENGTH) {
      return line;
    }
  }
  return undefined;
}

/**
 * Parses `text` as the CSV file `file`, reporting into `issues`: empty file, malformed quoting
 * (with the line; rows before it are still returned), records whose field count differs from the
 * header's, more than MAX_ROWS_PER_FILE rows, duplicate/forbidden/unnamed-but-used header names
 * and missing `requiredColumns`. Returns undefined only for a file with no header at all.
 */
export function readCsvTable(
  file: string,
  text: string,
  issues: IssueList,
  requiredColumns: readonly string[],
  maxRows: number = MAX_ROWS_PER_FILE,
): CsvTable | undefined {
  // One line-ending convention before parsing: csv-parse detects the record delimiter from the
  // first one it sees and miscounts lines on CRLF inside quoted fields.
  const unified = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const { delimiter, skipLines } = detectDelimiter(unified);
  const firstBreak = unified.indexOf('\n');
  const normalized = skipLines === 0 ? unified : firstBreak === -1 ? '' : unified.slice(firstBreak + 1);
  const longRun = longRunLine(normalized, delimiter);
  if (longRun !== undefined) {
    issues.add({
      file,
      line: longRun + skipLines,
      reason: `a value is longer than ${formatCount(MAX_VALUE_LENGTH)} characters, the most Köprü reads`,
    });
    return undefined;
  }

  const options = {
    delimiter,
    quote: '"',
    escape: '"',
    relax_column_count: true,
    // Empty lines come back as records so that counting records + embedded newlines gives
    // physical line numbers; csv-parse's per-record info object would cost twice the parse time.
    skip_empty_lines: false,
    // Stop once the limit is exceeded by one row: enough to know, no more memory.
    to: maxRows + 2,
    max_record_size: MAX_VALUE_LENGTH,
  } as const;
  let raw: string[][] = [];
  let complete = true;
  let parseError: CsvError | undefined;
  try {
    raw = parse(normalized, options);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Malformed files are rare: parse again, keeping the records before the fault so that their
    // problems are reported in this round too.
    parseError = error;
    complete = false;
    try {
      parse(normalized, {
        ...options,
        on_record: (record: string[]) => {
          raw.push(record);
          return null;
        },
      });
    } catch {
      // The same fault again; `raw` holds everything before it.
    }
  }

  const records: { line: number; fields: string[] }[] = [];
  let line = 1 + skipLines;
  for (const fields of raw) {
    records.push({ line, fields: fields.map(cleanCell) });
    line += 1 + fields.reduce((sum, value) => sum + countNewlines(value), 0);
  }
  if (parseError !== undefined) {
    // An unclosed quote is only noticed at the end of the file; the record it belongs to starts
    // where the last complete record ended.
    const at = parseError.code !== 'CSV_QUOTE_NOT_CLOSED' && typeof parseError['lines'] === 'number';
    issues.add({
      file,
      line: at ? (parseError['lines'] as number) + skipLines : line,
      reason: parseErrorReason(parseError),
    });
  }
  // Blank lines and rows of empty cells (spreadsheets leave them) carry nothing.
  const nonBlank = records.filter((record) => record.fields.some((value) => value !== ''));

  const [header, ...body] = nonBlank;
  if (header === undefined) {
    if (complete)
      issues.add({ file, line: 1, reason: 'the file is empty; its first line must be the header' });
    return undefined;
  }
  if (records.length - 1 > maxRows) {
    issues.add({
      file,
      reason: `the file has more than ${formatCount(maxRows)} rows, the most Köprü reads from one file`,
    });
    body.length = 0;
    complete = false;
  }

  const columns = header.fields;
  // Blank lines before the header are skipped, so the header is not always line 1.
  const headerLine = header.line;
  const index = indexColumns(
    file,
    columns.map((name) => ({ name, line: headerLine })),
    issues,
  );

  const missingColumns = new Set(requiredColumns.filter((name) => !index.has(name)));
  for (const name of missingColumns) {
    issues.add({ file, line: headerLine, column: name, reason: `required column "${name}" is missing` });
  }

  const rows: CsvRow[] = [];
  const unnamedUse = new Map<number, number>();
  for (const record of body) {
    const wellFormed = record.fields.length === columns.length;
    if (!wellFormed) {
      const separator = delimiter === '\t' ? 'tab' : delimiter === ',' ? 'comma' : 'semicolon';
      const hint =
        record.fields.length > columns.length
          ? ` (a value containing a ${separator} must be in double quotes)`
          : '';
      issues.add({
        file,
        line: record.line,
        reason: `this row has ${record.fields.length} fields but the header has ${columns.length}${hint}`,
      });
    }
    columns.forEach((name, position) => {
      if (name === '' && (record.fields[position] ?? '') !== '' && !unnamedUse.has(position)) {
        unnamedUse.set(position, record.line);
      }
    });
    rows.push({ line: record.line, fields: record.fields, wellFormed });
  }
  // An unnamed column is harmless when empty (spreadsheets leave trailing commas), not when used.
  for (const [position, line] of unnamedUse) {
    issues.add({
      file,
      line: headerLine,
      reason: `column ${position + 1} has no name in the header but holds values (first on line ${line})`,
    });
  }

  return makeTable(file, columns, rows, missingColumns, complete, index);
}

/**
 * Column name → position, reporting forbidden names (the header allowlist) and repeated names
 * at the line that declares them; unnamed columns ('') get no entry.
 */
function indexColumns(
  file: string,
  columns: readonly { name: string; line: number | undefined }[],
  issues: IssueList,
): Map<string, number> {
  const index = new Map<string, number>();
  columns.forEach(({ name, line }, position) => {
    if (name === '') return;
    const at = line === undefined ? {} : { line };
    if (FORBIDDEN_COLUMN_NAMES.has(name)) {
      issues.add({ file, ...at, column: name, reason: `column name "${name}" is not allowed` });
    } else if (index.has(name)) {
      issues.add({
        file,
        ...at,
        column: name,
        reason: `column "${name}" appears more than once in the header`,
      });
    } else {
      index.set(name, position);
    }
  });
  return index;
}

function makeTable(
  file: string,
  columns: readonly string[],
  rows: readonly CsvRow[],
  missingColumns: ReadonlySet<string>,
  complete: boolean,
  index: ReadonlyMap<string, number>,
): CsvTable {
  return {
    file,
    columns,
    rows,
    missingColumns,
    complete,
    has: (column) => index.has(column),
    cell: (row, column) => {
      const position = index.get(column);
      return position === undefined ? '' : (row.fields[position] ?? '');
    },
  };
}

/** A column of a table built from records: its name and the line that declares it, if any. */
export interface RecordColumn {
  readonly name: string;
  readonly line?: number;
}

/** One record of another format: the line where it starts and its values by column name. */
export interface SourceRecord {
  readonly line: number;
  readonly values: ReadonlyMap<string, string>;
}

/**
 * A `CsvTable` from records of another format (GEXF/GraphML nodes and edges, JSON records), so
 * that they go through the same validation as CSV rows. Values are trimmed and NFC-normalized like
 * cells; a value a record lacks is ''. The header allowlist applies to the column names (they come
 * from the file: XML keys, JSON properties), and missing `requiredColumns` are reported.
 */
export function tableFromRecords(
  file: string,
  columns: readonly RecordColumn[],
  records: readonly SourceRecord[],
  issues: IssueList,
  requiredColumns: readonly string[],
  complete = true,
): CsvTable {
  const names = columns.map((column) => cleanCell(column.name));
  const index = indexColumns(
    file,
    columns.map((column, position) => ({ name: names[position] ?? '', line: column.line })),
    issues,
  );
  const missingColumns = new Set(requiredColumns.filter((name) => !index.has(name)));
  for (const name of missingColumns)
    issues.add({ file, column: name, reason: `required ${name} is missing` });
  const rows = records.map((record) => ({
    line: record.line,
    fields: columns.map((column) => cleanCell(record.values.get(column.name) ?? '')),
    wellFormed: true,
  }));
  return makeTable(file, names, rows, missingColumns, complete, index);
}

/**
 * `table` with a value for columns it lacks: `defaults[column](row)` (e.g. a roster without `kind`,
 * an edge list without `wave`). Columns the table has are left alone; added ones are no longer missing.
 */
export function withColumnDefaults(
  table: CsvTable,
  defaults: Readonly<Record<string, (row: CsvRow) => string>>,
): CsvTable {
  const added = Object.keys(defaults).filter((column) => !table.has(column));
  if (added.length === 0) return table;
  const extra = new Set(added);
  return {
    ...table,
    columns: [...table.columns, ...added],
    missingColumns: new Set([...table.missingColumns].filter((column) => !extra.has(column))),
    has: (column) => extra.has(column) || table.has(column),
    cell: (row, column) => (extra.has(column) ? (defaults[column]?.(row) ?? '') : table.cell(row, column)),
  };
}

/** Header names not in `known`: the columns kept as `extra` attributes (first occurrence of each). */
export function extraColumns(table: CsvTable, known: ReadonlySet<string>): string[] {
  return [...new Set(table.columns)].filter(
    (name) => name !== '' && !known.has(name) && !FORBIDDEN_COLUMN_NAMES.has(name),
  );
}

/** `table` with column `from` renamed `to` (when it has `from` and not `to`): a roster's `label` as `name`. */
export function withRenamedColumn(table: CsvTable, from: string, to: string): CsvTable {
  if (!table.has(from) || table.has(to)) return table;
  return {
    ...table,
    columns: table.columns.map((name) => (name === from ? to : name)),
    missingColumns: new Set([...table.missingColumns].filter((column) => column !== to)),
    has: (column) => column === to || (column !== from && table.has(column)),
    cell: (row, column) => (column === from ? '' : table.cell(row, column === to ? from : column)),
  };
}
