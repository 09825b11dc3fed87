/**
 * Reads one CSV file as a stream of rows, never holding the file in memory: the streaming twin of
 * `readCsvTable` (server/domain/io/csv-rows.ts), with the same rules and the same messages, so a
 * bundle is judged the same way whichever path reads it:
 * - UTF-8 only (decoded with a fatal streaming decoder; the line of the first bad byte is named),
 *   UTF-16 refused by its BOM, a UTF-8 BOM skipped;
 * - CRLF/CR line endings unified to LF before parsing (csv-parse miscounts lines otherwise);
 * - delimiter detected from the header line (`,` `;` or tab), Excel's `sep=X` first line honoured;
 * - cells trimmed and NFC-normalized, blank records skipped, physical line numbers (header = 1);
 * - header problems (forbidden, repeated, unnamed-but-used, missing required columns) and rows
 *   with the wrong number of fields reported like the in-memory reader does.
 * Problems go to an `IssueList`; the generator ends early only on malformed quoting or bad bytes.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import {
  FORBIDDEN_COLUMN_NAMES,
  MAX_VALUE_LENGTH,
  detectDelimiter,
  countNewlines,
  formatCount,
  parseErrorReason,
  type CsvRow,
  type IssueList,
} from '../domain/io/csv-rows.js';

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")';

/** What a streamed file's header says; `complete` turns false when reading stopped early. */
export interface StreamedHeader {
  readonly file: string;
  readonly columns: readonly string[];
  readonly line: number;
  readonly missingColumns: ReadonlySet<string>;
  has(column: string): boolean;
  cell(row: CsvRow, column: string): string;
}

export interface CsvStreamState {
  header: StreamedHeader | undefined;
  /** False once some records could not be read (malformed quoting, bad bytes, row limit). */
  complete: boolean;
  /** Bytes read so far, for progress. */
  bytes: number;
  /** Data rows seen so far (blank rows excluded). */
  rows: number;
}

export interface StreamCsvOptions {
  /** Data rows beyond this are refused like the in-memory reader's limit. */
  maxRows: number;
  /** Bytes read per chunk; default 1 MiB. */
  chunkBytes?: number;
  /** Sees every chunk of the file's bytes as read (e.g. to hash the file in the same pass). */
  onBytes?: (chunk: Buffer) => void;
}

// Printable ASCII (nearly every cell of a large export) is already NFC: skip the normalizer.
const NON_ASCII = /[^ -~\t]/;

function cleanCell(value: string): string {
  return (NON_ASCII.test(value) ? value.normalize('NFC') : value).trim();
}

class EncodingProblem extends Error {
  constructor(
    readonly reason: string,
    readonly line: number | undefined,
  ) {
    super(reason);
  }
}

/**
 * The file's text in chunks: UTF-8 decoded strictly, BOM dropped, line endings unified to LF
 * (a CR at the end of a chunk waits for the next one to know whether an LF follows).
 */
async function* decodedChunks(
  path: string,
  state: CsvStreamState,
  chunkBytes: number,
  onBytes: ((chunk: Buffer) => void) | undefined,
) {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let first = true;
  let pendingCr = false;
  let lines = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if (
        chunk.length >= 2 &&
        ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
      ) {
        throw new EncodingProblem(`the file is saved as UTF-16; ${SAVE_AS_UTF8}`, undefined);
      }
    }
    state.bytes += chunk.length;
    onBytes?.(chunk);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      // The lines before this chunk plus those of its valid prefix: decode it leniently to count.
      const lenient = chunk.toString('utf8');
      const at = lenient.indexOf('\uFFFD');
      const line = lines + countNewlines(lenient.slice(0, Math.max(at, 0)));
      throw new EncodingProblem(
        `the file is not valid UTF-8 text (first bad byte on line ${line}); ${SAVE_AS_UTF8}`,
        line,
      );
    }
    if (pendingCr) text = `\r${text}`;
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    const unified = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    lines += countNewlines(unified);
    if (unified !== '') yield unified;
  }
  try {
    const rest = decoder.decode();
    if (pendingCr || rest !== '') yield (pendingCr ? '\n' : '') + rest.replace(/\r\n?/g, '\n');
  } catch {
    throw new EncodingProblem(
      `the file is not valid UTF-8 text (first bad byte on line ${lines}); ${SAVE_AS_UTF8}`,
      lines,
    );
  }
}

/** The first chunk(s) up to the first line break after some content, and an iterator on the rest. */
async function peekHead(
  chunks: AsyncGenerator<string>,
): Promise<{ head: string; rest: AsyncGenerator<string> }> {
  let head = '';
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    head += next.value;
    // Enough to see the header line (and a `sep=` line before it).
    if (/\S[^\n]*\n[^]*\n/.test(head) || head.length > 4 * 1024 * 1024) break;
  }
  async function* rest(): AsyncGenerator<string> {
    if (head !== '') yield head;
    yield* chunks;
  }
  return { head, rest: rest() };
}

function makeHeader(
  file: string,
  columns: string[],
  line: number,
  required: readonly string[],
  issues: IssueList,
): StreamedHeader {
  const index = new Map<string, number>();
  columns.forEach((name, position) => {
    if (name === '') return;
    if (FORBIDDEN_COLUMN_NAMES.has(name)) {
      issues.add({ file, line, column: name, reason: `column name "${name}" is not allowed` });
    } else if (index.has(name)) {
      issues.add({
        file,
        line,
        column: name,
        reason: `column "${name}" appears more than once in the header`,
      });
    } else {
      index.set(name, position);
    }
  });
  const missingColumns = new Set(required.filter((name) => !index.has(name)));
  for (const name of missingColumns) {
    issues.add({ file, line, column: name, reason: `required column "${name}" is missing` });
  }
  return {
    file,
    columns,
    line,
    missingColumns,
    has: (column) => index.has(column),
    cell: (row, column) => {
      const position = index.get(column);
      return position === undefined ? '' : (row.fields[position] ?? '');
    },
  };
}

/**
 * Streams the data rows of the CSV file at `path` (reported as `file`). `state.header` is set
 * before the first row is yielded; issues go to `issues` as the in-memory reader would report them.
 */
export async function* streamCsvRows(
  path: string,
  file: string,
  issues: IssueList,
  required: readonly string[],
  state: CsvStreamState,
  options: StreamCsvOptions,
): AsyncGenerator<CsvRow> {
  let line = 1;
  const unnamedUse = new Map<number, number>();
  try {
    const { head, rest } = await peekHead(
      decodedChunks(path, state, options.chunkBytes ?? 1024 * 1024, options.onBytes),
    );
    const detected = detectDelimiter(head);
    const delimiter = detected.delimiter;
    line = 1 + detected.skipLines;
    const parser = parse({
      delimiter,
      quote: '"',
      escape: '"',
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_VALUE_LENGTH,
      from_line: 1 + detected.skipLines,
    });
    const source = Readable.from(rest, { objectMode: false });
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);
    for await (const raw of parser as AsyncIterable<string[]>) {
      // One loop per row (cleaning, line count, blank test), cleaning in place (the parser hands
      // over a new array per record): this runs for every row of a large file.
      const fields = raw;
      const at = line;
      line += 1;
      let blank = true;
      for (let position = 0; position < fields.length; position += 1) {
        const value = fields[position] as string;
        if (value.includes('\n')) line += countNewlines(value);
        const cell = cleanCell(value);
        fields[position] = cell;
        if (cell !== '') blank = false;
      }
      if (blank) continue;
      if (state.header === undefined) {
        state.header = makeHeader(file, fields, at, required, issues);
        continue;
      }
      const columns = state.header.columns;
      if (state.rows >= options.maxRows) {
        issues.add({
          file,
          reason: `the file has more than ${formatCount(options.maxRows)} rows, the most Köprü reads from one file`,
        });
        state.complete = false;
        parser.destroy();
        source.destroy();
        return;
      }
      state.rows += 1;
      const wellFormed = fields.length === columns.length;
      if (!wellFormed) {
        const separator = delimiter === '\t' ? 'tab' : delimiter === ',' ? 'comma' : 'semicolon';
        const hint =
          fields.length > columns.length
            ? ` (a value containing a ${separator} must be in double quotes)`
            : '';
        issues.add({
          file,
          line: at,
          reason: `this row has ${fields.length} fields but the header has ${columns.length}${hint}`,
        });
      }
      for (let position = 0; position < columns.length; position += 1) {
        if (columns[position] === '' && (fields[position] ?? '') !== '' && !unnamedUse.has(position)) {
          unnamedUse.set(position, at);
        }
      }
      yield { line: at, fields, wellFormed };
    }
  } catch (error) {
    state.complete = false;
    if (error instanceof EncodingProblem) {
      issues.add(
        error.line === undefined
          ? { file, reason: error.reason }
          : { file, line: error.line, reason: error.reason },
      );
      return;
    }
    if (!(error instanceof CsvError)) throw error;
    // The parser saw the whole file (a `sep=` line included), so its line count needs no offset.
    const lines = error['lines'];
    const known = error.code !== 'CSV_QUOTE_NOT_CLOSED' && typeof lines === 'number';
    issues.add({ file, line: known ? (lines as number) : line, reason: parseErrorReason(error) });
    return;
  } finally {
    if (state.header !== undefined) {
      for (const [position, first] of unnamedUse) {
        issues.add({
          file,
          line: state.header.line,
          reason: `column ${position + 1} has no name in the header but holds values (first on line ${first})`,
        });
      }
      unnamedUse.clear();
    }
  }
  if (state.header === undefined && state.complete) {
    issues.add({ file, line: 1, reason: 'the file is empty; its first line must be the header' });
  }
}
