/**
 * Serializes a `Dataset` into the files of a CSV bundle (DATA-FORMAT.md §1): the contract's columns
 * in the contract's order, then extra attribute columns, RFC 4180 quoting (csv-stringify), UTF-8
 * without BOM, `\n` line endings, one trailing newline. Pure: `server/files/write-bundle.ts` puts the
 * files on disk. The reader (`csv-bundle-reader.ts`) turns the output back into the same dataset.
 *
 * Decisions beyond the contract table:
 * - `dataset.json` (`{ name, synthetic, description? }`) is written too, so that a synthetic dataset
 *   stays labelled as such after a round trip through files.
 * - Optional files (`waves.csv`, `events.csv`, `attendance.csv`, `responses.csv`) are written only
 *   when they have rows: a header-only `waves.csv` would declare that there are no waves.
 * - `waves.csv` is written only when every wave has a date (the contract requires one). Undated
 *   waves (a bundle without waves.csv, a static graph file) are left to the reader, which takes them
 *   from ties.csv in order of first appearance; ties are then written grouped by wave when their
 *   order would otherwise change the order of the waves.
 * - Extra columns are the union of the records' `extra` keys in order of first appearance; a record
 *   without one gets an empty cell. Keys that collide with a contract column are not written, since
 *   the reader would take them for the contract column.
 * - Absent optional fields are empty cells; `refugee_led` is `true`/`false`; `focus` is `;`-joined.
 */
import { stringify } from 'csv-stringify/sync';
import type { Dataset } from '../types.js';

export const ORGANIZATION_COLUMNS = [
  'id',
  'name',
  'kind',
  'type',
  'city',
  'district',
  'focus',
  'refugee_led',
  'founded',
] as const;
export const WAVE_COLUMNS = ['id', 'label', 'date', 'description'] as const;
export const TIE_COLUMNS = ['source', 'target', 'wave', 'level'] as const;
export const EVENT_COLUMNS = ['id', 'name', 'type', 'date', 'end_date', 'city'] as const;
export const ATTENDANCE_COLUMNS = ['organization', 'event'] as const;
export const RESPONSE_COLUMNS = ['organization', 'wave', 'status'] as const;

/** File name → file text, e.g. `{ 'organizations.csv': 'id,name,kind,…\n…', 'dataset.json': '{…}' }`. */
export type SerializedBundle = Record<string, string>;

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return stringify([[...header], ...rows.map((row) => [...row])], { record_delimiter: 'unix', eof: true });
}

function extraColumns(
  records: ReadonlyArray<{ extra: Record<string, string> }>,
  base: readonly string[],
): string[] {
  const columns: string[] = [];
  const seen = new Set<string>(base);
  for (const record of records) {
    for (const key of Object.keys(record.extra)) {
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push(key);
    }
  }
  return columns;
}

function extraCells(extra: Record<string, string>, columns: readonly string[]): string[] {
  return columns.map((column) => (Object.hasOwn(extra, column) ? (extra[column] ?? '') : ''));
}

/** The ties, stably grouped by wave when their first appearances do not follow the waves' order. */
function inWaveOrder(dataset: Dataset): Dataset['ties'] {
  const seen: string[] = [];
  for (const tie of dataset.ties) if (!seen.includes(tie.wave)) seen.push(tie.wave);
  const order = dataset.waves.map((wave) => wave.id).filter((id) => seen.includes(id));
  if (order.every((id, index) => seen[index] === id)) return dataset.ties;
  const position = new Map(dataset.waves.map((wave, index) => [wave.id, index]));
  return [...dataset.ties].sort((a, b) => (position.get(a.wave) ?? 0) - (position.get(b.wave) ?? 0));
}

/**
 * The files of the CSV bundle for `dataset`. Always `organizations.csv`, `ties.csv` and
 * `dataset.json`; the optional CSV files only when the dataset has such records. Same dataset →
 * byte-identical output (records keep their order).
 */
export function serializeCsvBundle(dataset: Dataset): SerializedBundle {
  const files: SerializedBundle = {};

  const orgExtras = extraColumns(dataset.organizations, ORGANIZATION_COLUMNS);
  files['organizations.csv'] = table(
    [...ORGANIZATION_COLUMNS, ...orgExtras],
    dataset.organizations.map((org) => [
      org.id,
      org.name,
      org.kind,
      org.type ?? '',
      org.city ?? '',
      org.district ?? '',
      org.focus.join(';'),
      org.refugeeLed === undefined ? '' : String(org.refugeeLed),
      org.founded ?? '',
      ...extraCells(org.extra, orgExtras),
    ]),
  );

  const dated = dataset.waves.every((wave) => wave.date !== '');
  if (dataset.waves.length > 0 && dated) {
    files['waves.csv'] = table(
      WAVE_COLUMNS,
      dataset.waves.map((wave) => [wave.id, wave.label, wave.date, wave.description ?? '']),
    );
  }

  const tieExtras = extraColumns(dataset.ties, TIE_COLUMNS);
  files['ties.csv'] = table(
    [...TIE_COLUMNS, ...tieExtras],
    (dated ? dataset.ties : inWaveOrder(dataset)).map((tie) => [
      tie.source,
      tie.target,
      tie.wave,
      String(tie.level),
      ...extraCells(tie.extra, tieExtras),
    ]),
  );

  if (dataset.events.length > 0) {
    files['events.csv'] = table(
      EVENT_COLUMNS,
      dataset.events.map((event) => [
        event.id,
        event.name,
        event.type ?? '',
        event.date,
        event.endDate ?? '',
        event.city ?? '',
      ]),
    );
  }

  if (dataset.attendance.length > 0) {
    files['attendance.csv'] = table(
      ATTENDANCE_COLUMNS,
      dataset.attendance.map((a) => [a.organization, a.event]),
    );
  }

  if (dataset.responses.length > 0) {
    files['responses.csv'] = table(
      RESPONSE_COLUMNS,
      dataset.responses.map((r) => [r.organization, r.wave, r.status]),
    );
  }

  const info = {
    name: dataset.info.name,
    synthetic: dataset.info.synthetic,
    ...(dataset.info.description === undefined ? {} : { description: dataset.info.description }),
  };
  files['dataset.json'] = `${JSON.stringify(info, null, 2)}\n`;
  return files;
}
