/**
 * Parses and validates a CSV bundle (DATA-FORMAT.md §1) into a `Dataset`. Pure: it takes the
 * files' text, so the CLI, the server and tests share it; `server/files/read-bundle.ts` reads a
 * folder into that shape.
 *
 * Everything is validated before anything is returned, and every problem is reported at once in
 * one `ValidationError` (file, 1-based line with the header as line 1, column, reason), so a user
 * fixes a bundle in one round instead of one error per run.
 *
 * Semantics beyond the contract table, decided here:
 * - `dataset.json` (optional) = `{ "name": string, "synthetic": boolean, "description"?: string }`;
 *   without it the name is the caller's default (the folder name) and `synthetic` is false.
 * - Cells are trimmed and NFC-normalized; rows whose cells are all empty are skipped.
 * - Without `waves.csv`, waves are the distinct `ties.wave` values in order of first appearance,
 *   with `label` = id and `date` = '' (no date is known); with it, waves are sorted by date
 *   (file order breaks ties).
 * - Duplicate tie rows (same source, target, wave) collapse into one record at the position of the
 *   first, with the highest level and the extra columns of the row that gave it.
 * - Duplicate attendance rows collapse silently; a duplicate response (same organization and wave)
 *   is an error, since the two could disagree.
 * - `refugee_led` accepts true/false in any letter case (spreadsheets write TRUE/FALSE), and the
 *   Turkish DOĞRU/YANLIŞ that Excel writes in a Turkish locale.
 * - Dates are YYYY-MM-DD; DD.MM.YYYY (Excel's Turkish and German date format) is accepted and
 *   converted, since it cannot be mistaken for a month-first date.
 * - Unknown columns are kept as `extra` strings (empty cells included, so every record has the same
 *   keys) in organizations.csv and ties.csv; the other files have no place for them and ignore them.
 * - References into a file that could not be read completely (malformed quoting, row limit,
 *   missing id column) are not checked: every one of them would be a false alarm.
 * - `datasetFromTables` is the validation itself, over tables: the roster + edge-list pair, GEXF,
 *   GraphML and our JSON export build tables of their own and share every rule and message.
 * - Limits (csv-rows.ts): a file over 1 000 000 rows is refused; at most 1 000 issues are listed per
 *   file, the rest are counted in the message; `__proto__`, `constructor`, `prototype` are refused
 *   as column names.
 */
import { z } from 'zod';
import { ValidationError, type InputIssue } from '../../errors.js';
import {
  MAX_LEVEL,
  MIN_LEVEL,
  ORGANIZATION_KINDS,
  RESPONSE_STATUSES,
  type Attendance,
  type Dataset,
  type DatasetInfo,
  type Organization,
  type ProjectEvent,
  type SurveyResponse,
  type Tie,
  type Wave,
} from '../types.js';
import { IssueList, extraColumns, readCsvTable, type CsvRow, type CsvTable } from './csv-rows.js';

/** The files a bundle may contain, in the order their issues are reported. */
export const BUNDLE_FILE_NAMES = [
  'organizations.csv',
  'waves.csv',
  'ties.csv',
  'events.csv',
  'attendance.csv',
  'responses.csv',
  'dataset.json',
] as const;
export type BundleFileName = (typeof BUNDLE_FILE_NAMES)[number];

export const REQUIRED_BUNDLE_FILES: readonly BundleFileName[] = ['organizations.csv', 'ties.csv'];

export const DEFAULT_DATASET_NAME = 'Untitled dataset';

/** Text contents of a bundle's files by file name; an absent (optional) file is undefined. */
export type BundleFiles = { readonly [fileName: string]: string | undefined };

const ORGANIZATION_COLUMNS = [
  'id',
  'name',
  'kind',
  'type',
  'city',
  'district',
  'focus',
  'refugee_led',
  'founded',
];
const WAVE_COLUMNS = ['id', 'label', 'date', 'description'];
const TIE_COLUMNS = ['source', 'target', 'wave', 'level'];
const EVENT_COLUMNS = ['id', 'name', 'date', 'type', 'end_date', 'city'];
const ATTENDANCE_COLUMNS = ['organization', 'event'];
const RESPONSE_COLUMNS = ['organization', 'wave', 'status'];

// ---------------------------------------------------------------------------------------------
// Cell schemas. Cells arrive as trimmed strings ('' = empty); messages name the column and quote
// the offending value, as users read them next to the file.

const show = (value: unknown): string => JSON.stringify(value);

const requiredCell = (column: string) => z.string().min(1, `${column} is empty; a value is required`);

const optionalCell = z.string().transform((value) => (value === '' ? undefined : value));

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (proleptic Gregorian; 2019-02-30 is false). */
export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

const dateMessage = (column: string, value: string) =>
  `${column} must be a real date written YYYY-MM-DD, not ${show(value)}`;

const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** YYYY-MM-DD for `value` written YYYY-MM-DD or DD.MM.YYYY; undefined when it is neither a real date. */
export function toIsoDate(value: string): string | undefined {
  const dotted = DOTTED_DATE.exec(value);
  const iso = dotted ? `${dotted[3]}-${dotted[2]?.padStart(2, '0')}-${dotted[1]?.padStart(2, '0')}` : value;
  return isIsoDate(iso) ? iso : undefined;
}

const dateCell = (column: string, required: boolean) =>
  z.string().transform((value, context) => {
    if (value === '') {
      if (!required) return undefined;
      context.addIssue({ code: 'custom', message: `${column} is empty; a value is required` });
      return z.NEVER;
    }
    const iso = toIsoDate(value);
    if (iso !== undefined) return iso;
    context.addIssue({ code: 'custom', message: dateMessage(column, value) });
    return z.NEVER;
  });

const requiredDate = (column: string) => dateCell(column, true).pipe(z.string());

const optionalDate = (column: string) => dateCell(column, false);

const oneOf = <const T extends readonly [string, ...string[]]>(column: string, values: T) =>
  requiredCell(column).pipe(
    z.enum(values, {
      error: (issue) => `${column} must be ${values.map(show).join(' or ')}, not ${show(issue.input)}`,
    }),
  );

const LEVEL_PATTERN = /^[0-9]+$/;

const levelCell = z.string().transform((value, context) => {
  if (value === '') return MIN_LEVEL;
  const level = Number(value);
  if (!LEVEL_PATTERN.test(value) || level < MIN_LEVEL || level > MAX_LEVEL) {
    context.addIssue({
      code: 'custom',
      message: `level must be an integer from ${MIN_LEVEL} to ${MAX_LEVEL}, not ${show(value)}`,
    });
    return z.NEVER;
  }
  return level;
});

const TRUE_WORDS = new Set(['true', 'doğru']);
const FALSE_WORDS = new Set(['false', 'yanlış']);

const refugeeLedCell = z.string().transform((value, context) => {
  const lower = value.toLocaleLowerCase('tr');
  if (lower === '') return undefined;
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  context.addIssue({ code: 'custom', message: `refugee_led must be true or false, not ${show(value)}` });
  return z.NEVER;
});

const focusCell = z.string().transform((value) =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);

const organizationRow = z.object({
  id: requiredCell('id'),
  name: requiredCell('name'),
  kind: oneOf('kind', ORGANIZATION_KINDS),
  type: optionalCell,
  city: optionalCell,
  district: optionalCell,
  focus: focusCell,
  refugee_led: refugeeLedCell,
  founded: optionalCell,
});

const waveRow = z.object({
  id: requiredCell('id'),
  label: requiredCell('label'),
  date: requiredDate('date'),
  description: optionalCell,
});

/** Waves derived from a graph file may have no date (static graphs, numeric time): '' stays ''. */
const undatedWaveRow = waveRow.extend({
  date: optionalDate('date').transform((value) => value ?? ''),
});

const tieRow = z.object({
  source: requiredCell('source'),
  target: requiredCell('target'),
  wave: requiredCell('wave'),
  level: levelCell,
});

const eventRow = z.object({
  id: requiredCell('id'),
  name: requiredCell('name'),
  date: requiredDate('date'),
  type: optionalCell,
  end_date: optionalDate('end_date'),
  city: optionalCell,
});

const attendanceRow = z.object({ organization: requiredCell('organization'), event: requiredCell('event') });

const responseRow = z.object({
  organization: requiredCell('organization'),
  wave: requiredCell('wave'),
  status: oneOf('status', RESPONSE_STATUSES),
});

const datasetInfoSchema = z.object(
  {
    name: z
      .string({ error: 'name must be a string' })
      .transform((value) => value.normalize('NFC').trim())
      .pipe(z.string().min(1, 'name is empty')),
    synthetic: z.boolean({ error: 'synthetic must be true or false' }),
    description: z
      .string({ error: 'description must be a string' })
      .transform((value) => value.normalize('NFC').trim())
      .optional(),
  },
  { error: 'dataset.json must hold a JSON object: { "name": …, "synthetic": true/false }' },
);

// ---------------------------------------------------------------------------------------------

/** `{ key: value }`, or `{}` when value is undefined: optional properties under exactOptionalPropertyTypes. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Validates one row against `schema`; reports issues except on columns already reported missing. */
function validateRow<S extends z.ZodType<unknown, Record<string, string>>>(
  table: CsvTable,
  row: CsvRow,
  schema: S,
  columns: readonly string[],
  issues: IssueList,
): z.output<S> | undefined {
  const input: Record<string, string> = {};
  for (const column of columns) input[column] = table.cell(row, column);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? '');
    if (table.missingColumns.has(column)) continue;
    issues.add({ file: table.file, line: row.line, column, reason: issue.message });
  }
  return undefined;
}

/** Records ids of one file, reporting duplicates with the line of the first occurrence. */
function collectId(
  table: CsvTable,
  row: CsvRow,
  firstLines: Map<string, number>,
  issues: IssueList,
  column = 'id',
): void {
  const id = table.cell(row, column);
  if (id === '' || !table.has(column)) return;
  const first = firstLines.get(id);
  if (first === undefined) {
    firstLines.set(id, row.line);
  } else {
    issues.add({
      file: table.file,
      line: row.line,
      column,
      reason: `duplicate ${column} ${show(id)} (first on line ${first})`,
    });
  }
}

/** A set of known ids to check references against; `undefined` when it cannot be trusted. */
interface Reference {
  readonly ids: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** Says where the ids come from, for the message: `not in organizations.csv`. */
  readonly where: string;
  /** `organization`, `wave`, `event`. */
  readonly noun: string;
}

function checkReference(
  table: CsvTable,
  row: CsvRow,
  column: string,
  reference: Reference | undefined,
  issues: IssueList,
): void {
  const value = table.cell(row, column);
  if (reference === undefined || value === '' || reference.ids.has(value)) return;
  issues.add({
    file: table.file,
    line: row.line,
    column,
    reason: `unknown ${reference.noun} ${show(value)} (${reference.where})`,
  });
}

/** Only complete tables with an id column give a reference; anything else would raise false alarms. */
function referenceFrom(
  table: CsvTable | undefined,
  ids: ReadonlyMap<string, unknown>,
  noun: string,
): Reference | undefined {
  return table !== undefined && table.complete && table.has('id')
    ? { ids, noun, where: `not in ${table.file}` }
    : undefined;
}

function readDatasetInfo(text: string | undefined, defaultName: string, issues: IssueList): DatasetInfo {
  const fallback: DatasetInfo = { name: defaultName, synthetic: false };
  if (text === undefined) return fallback;
  const file = 'dataset.json';
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    issues.add({ file, reason: `not valid JSON: ${(error as Error).message}` });
    return fallback;
  }
  const result = datasetInfoSchema.safeParse(json);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const column = issue.path.map(String).join('.');
      issues.add(column === '' ? { file, reason: issue.message } : { file, column, reason: issue.message });
    }
    return fallback;
  }
  const { name, synthetic, description } = result.data;
  return { name, synthetic, ...optional('description', description === '' ? undefined : description) };
}

function readTable(
  files: BundleFiles,
  file: BundleFileName,
  required: readonly string[],
  issues: IssueList,
): CsvTable | undefined {
  const text = files[file];
  if (text === undefined) {
    if (REQUIRED_BUNDLE_FILES.includes(file)) {
      issues.add({ file, reason: `${file} is missing; a bundle must contain it` });
    }
    return undefined;
  }
  return readCsvTable(file, text, issues, required);
}

function readOrganizations(table: CsvTable | undefined, issues: IssueList) {
  const organizations: Organization[] = [];
  const ids = new Map<string, number>();
  if (table === undefined) return { organizations, reference: undefined };
  const extras = extraColumns(table, new Set(ORGANIZATION_COLUMNS));
  for (const row of table.rows) {
    // Ids of misshapen rows still count as known, so one stray comma does not turn every tie of
    // that organization into an "unknown organization" error.
    collectId(table, row, ids, issues);
    if (!row.wellFormed) continue;
    const parsed = validateRow(table, row, organizationRow, ORGANIZATION_COLUMNS, issues);
    if (parsed === undefined) continue;
    organizations.push({
      id: parsed.id,
      name: parsed.name,
      kind: parsed.kind,
      ...optional('type', parsed.type),
      ...optional('city', parsed.city),
      ...optional('district', parsed.district),
      focus: parsed.focus,
      ...optional('refugeeLed', parsed.refugee_led),
      ...optional('founded', parsed.founded),
      extra: Object.fromEntries(extras.map((column) => [column, table.cell(row, column)])),
    });
  }
  return { organizations, reference: referenceFrom(table, ids, 'organization') };
}

function readWaves(table: CsvTable | undefined, issues: IssueList, allowUndated: boolean) {
  const waves: Wave[] = [];
  const ids = new Map<string, number>();
  if (table === undefined) return { waves, reference: undefined };
  for (const row of table.rows) {
    collectId(table, row, ids, issues);
    if (!row.wellFormed) continue;
    const parsed = validateRow(table, row, allowUndated ? undatedWaveRow : waveRow, WAVE_COLUMNS, issues);
    if (parsed === undefined) continue;
    waves.push({
      id: parsed.id,
      label: parsed.label,
      date: parsed.date,
      ...optional('description', parsed.description),
    });
  }
  // Array.prototype.sort is stable, so waves on the same date keep their file order.
  waves.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { waves, reference: referenceFrom(table, ids, 'wave') };
}

function readEvents(table: CsvTable | undefined, issues: IssueList) {
  const events: ProjectEvent[] = [];
  const ids = new Map<string, number>();
  if (table === undefined) return { events, reference: undefined };
  for (const row of table.rows) {
    collectId(table, row, ids, issues);
    if (!row.wellFormed) continue;
    const parsed = validateRow(table, row, eventRow, EVENT_COLUMNS, issues);
    if (parsed === undefined) continue;
    // ISO dates compare correctly as strings.
    if (parsed.end_date !== undefined && parsed.end_date < parsed.date) {
      issues.add({
        file: table.file,
        line: row.line,
        column: 'end_date',
        reason: `end_date ${parsed.end_date} is before date ${parsed.date}`,
      });
      continue;
    }
    events.push({
      id: parsed.id,
      name: parsed.name,
      date: parsed.date,
      ...optional('endDate', parsed.end_date),
      ...optional('type', parsed.type),
      ...optional('city', parsed.city),
    });
  }
  return { events, reference: referenceFrom(table, ids, 'event') };
}

function readTies(
  table: CsvTable | undefined,
  organizations: Reference | undefined,
  waves: Reference | undefined,
  issues: IssueList,
) {
  const ties: Tie[] = [];
  // Waves named by ties, in order of first appearance: the waves when there is no waves.csv.
  const tieWaves = new Map<string, number>();
  if (table === undefined) return { ties, tieWaves, complete: false };
  const extras = extraColumns(table, new Set(TIE_COLUMNS));
  const byKey = new Map<string, number>();
  for (const row of table.rows) {
    if (!row.wellFormed) continue;
    const parsed = validateRow(table, row, tieRow, TIE_COLUMNS, issues);
    const source = table.cell(row, 'source');
    const target = table.cell(row, 'target');
    const wave = table.cell(row, 'wave');
    const selfTie = source !== '' && source === target;
    if (selfTie) {
      issues.add({
        file: table.file,
        line: row.line,
        column: 'target',
        reason: `self-tie: source and target are both ${show(source)}`,
      });
    }
    checkReference(table, row, 'source', organizations, issues);
    checkReference(table, row, 'target', organizations, issues);
    checkReference(table, row, 'wave', waves, issues);
    if (wave !== '' && !tieWaves.has(wave)) tieWaves.set(wave, row.line);
    if (parsed === undefined || selfTie) continue;

    const tie: Tie = {
      source: parsed.source,
      target: parsed.target,
      wave: parsed.wave,
      level: parsed.level,
      extra: Object.fromEntries(extras.map((column) => [column, table.cell(row, column)])),
    };
    // NUL cannot appear in a CSV cell, so it cannot make two different triples share a key.
    const key = `${tie.source}\u0000${tie.target}\u0000${tie.wave}`;
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, ties.length);
      ties.push(tie);
    } else if ((ties[at]?.level ?? MIN_LEVEL) < tie.level) {
      ties[at] = tie;
    }
  }
  return { ties, tieWaves, complete: table.complete && table.has('wave') };
}

function readAttendance(
  table: CsvTable | undefined,
  organizations: Reference | undefined,
  events: Reference | undefined,
  eventsFilePresent: boolean,
  issues: IssueList,
): Attendance[] {
  const attendance: Attendance[] = [];
  if (table === undefined) return attendance;
  if (!eventsFilePresent && table.rows.length > 0) {
    issues.add({ file: table.file, reason: 'attendance.csv names events but the bundle has no events.csv' });
  }
  const seen = new Set<string>();
  for (const row of table.rows) {
    if (!row.wellFormed) continue;
    const parsed = validateRow(table, row, attendanceRow, ATTENDANCE_COLUMNS, issues);
    checkReference(table, row, 'organization', organizations, issues);
    checkReference(table, row, 'event', events, issues);
    if (parsed === undefined) continue;
    const key = `${parsed.organization}\u0000${parsed.event}`;
    if (seen.has(key)) continue;
    seen.add(key);
    attendance.push({ organization: parsed.organization, event: parsed.event });
  }
  return attendance;
}

function readResponses(
  table: CsvTable | undefined,
  organizations: Reference | undefined,
  waves: Reference | undefined,
  issues: IssueList,
): SurveyResponse[] {
  const responses: SurveyResponse[] = [];
  if (table === undefined) return responses;
  const firstLines = new Map<string, number>();
  for (const row of table.rows) {
    if (!row.wellFormed) continue;
    const parsed = validateRow(table, row, responseRow, RESPONSE_COLUMNS, issues);
    checkReference(table, row, 'organization', organizations, issues);
    checkReference(table, row, 'wave', waves, issues);
    if (parsed === undefined) continue;
    const key = `${parsed.organization}\u0000${parsed.wave}`;
    const first = firstLines.get(key);
    if (first !== undefined) {
      issues.add({
        file: table.file,
        line: row.line,
        column: 'organization',
        reason: `duplicate response of organization ${show(parsed.organization)} in wave ${show(parsed.wave)} (first on line ${first})`,
      });
      continue;
    }
    firstLines.set(key, row.line);
    responses.push({ organization: parsed.organization, wave: parsed.wave, status: parsed.status });
  }
  return responses;
}

/** The error thrown for a bundle with problems: "The bundle has 3 problems", issues attached. */
export function bundleValidationError(issues: InputIssue[], count = issues.length): ValidationError {
  return new ValidationError(`The bundle has ${count} problem${count === 1 ? '' : 's'}`, issues);
}

/** The tables of a dataset, from CSV files or built from another format's records. */
export interface DatasetTables {
  organizations: CsvTable | undefined;
  ties: CsvTable | undefined;
  waves?: CsvTable | undefined;
  events?: CsvTable | undefined;
  attendance?: CsvTable | undefined;
  responses?: CsvTable | undefined;
  /**
   * Whether the source has a waves file at all (default: a waves table was given). Without one,
   * waves are the ties' wave values in order of first appearance, undated.
   */
  hasWaves?: boolean;
  /** Whether the source has an events file at all (default: an events table was given). */
  hasEvents?: boolean;
  /** Waves may have an empty date (graph files without time); they then keep their table order. */
  allowUndatedWaves?: boolean;
}

/**
 * Validates `tables` into a dataset, adding every problem to `issues` (the caller decides when to
 * throw, so that problems found before, e.g. in the files themselves, are reported together).
 * Every rule of the module docblock applies; messages name each table's own file.
 */
export function datasetFromTables(info: DatasetInfo, tables: DatasetTables, issues: IssueList): Dataset {
  const organizations = readOrganizations(tables.organizations, issues);
  const wavesFile = readWaves(tables.waves, issues, tables.allowUndatedWaves ?? false);
  const events = readEvents(tables.events, issues);
  const ties = readTies(tables.ties, organizations.reference, wavesFile.reference, issues);

  const hasWavesFile = tables.hasWaves ?? tables.waves !== undefined;
  const waves: Wave[] = hasWavesFile
    ? wavesFile.waves
    : [...ties.tieWaves.keys()].map((id) => ({ id, label: id, date: '' }));
  const tiesFile = tables.ties?.file ?? 'ties.csv';
  const waveReference: Reference | undefined = hasWavesFile
    ? wavesFile.reference
    : ties.complete
      ? { ids: ties.tieWaves, noun: 'wave', where: `no tie in ${tiesFile} has it, and there is no waves.csv` }
      : undefined;

  const attendance = readAttendance(
    tables.attendance,
    organizations.reference,
    events.reference,
    tables.hasEvents ?? tables.events !== undefined,
    issues,
  );
  const responses = readResponses(tables.responses, organizations.reference, waveReference, issues);
  return {
    info,
    organizations: organizations.organizations,
    waves,
    ties: ties.ties,
    events: events.events,
    attendance,
    responses,
  };
}

/** Reads `dataset.json` (`{ name, synthetic, description? }`); `defaultName` when it is absent. */
export function parseDatasetInfo(
  text: string | undefined,
  defaultName: string,
  issues: IssueList,
): DatasetInfo {
  return readDatasetInfo(text, defaultName, issues);
}

/**
 * Parses and validates a CSV bundle.
 *
 * @param files text of each file by name (`organizations.csv`, `ties.csv` required; `waves.csv`,
 *   `events.csv`, `attendance.csv`, `responses.csv`, `dataset.json` optional). Other names are ignored.
 * @param defaultName dataset name when there is no `dataset.json`; default `"Untitled dataset"`.
 * @returns the validated dataset, waves ordered by date (or by first appearance without waves.csv).
 * @throws ValidationError listing every problem found (see the module docblock for the rules).
 */
export function parseCsvBundle(files: BundleFiles, defaultName: string = DEFAULT_DATASET_NAME): Dataset {
  const issues = new IssueList();
  const info = readDatasetInfo(files['dataset.json'], defaultName, issues);
  const dataset = datasetFromTables(
    info,
    {
      organizations: readTable(files, 'organizations.csv', ['id', 'name', 'kind'], issues),
      waves: readTable(files, 'waves.csv', ['id', 'label', 'date'], issues),
      ties: readTable(files, 'ties.csv', ['source', 'target', 'wave'], issues),
      events: readTable(files, 'events.csv', ['id', 'name', 'date'], issues),
      attendance: readTable(files, 'attendance.csv', ['organization', 'event'], issues),
      responses: readTable(files, 'responses.csv', ['organization', 'wave', 'status'], issues),
      hasWaves: files['waves.csv'] !== undefined,
      hasEvents: files['events.csv'] !== undefined,
    },
    issues,
  );
  if (issues.count > 0) {
    throw bundleValidationError(issues.toArray(BUNDLE_FILE_NAMES), issues.count);
  }
  return dataset;
}
