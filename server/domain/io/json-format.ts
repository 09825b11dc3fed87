/**
 * Köprü's own JSON format: `{ "type": "kopru-dataset", "version": 1, "dataset": Dataset }`, the whole
 * dataset as the domain records of `types.ts` (camelCase fields, absent optional fields left out).
 * Unlike GEXF and GraphML it carries everything: events, attendance, survey responses, wave
 * descriptions and the dataset's info.
 *
 * Reading checks the envelope (`type`, a supported `version`), the shape of every record (strict:
 * an unknown field is an error, since it would be silently dropped), then every rule of the CSV
 * bundle through `datasetFromTables`, so references, duplicates, levels and dates are validated the
 * same way. Issues name the line where the offending record starts, found by a scan of the text.
 * `extra` keys of organizations and ties become the union across records, like CSV columns, and
 * the header allowlist applies to them.
 */
import { z } from 'zod';
import type { Dataset, DatasetInfo } from '../types.js';
import { DEFAULT_DATASET_NAME, datasetFromTables } from './csv-bundle-reader.js';
import {
  FORBIDDEN_COLUMN_NAMES,
  IssueList,
  tableFromRecords,
  type RecordColumn,
  type SourceRecord,
} from './csv-rows.js';
import { graphValidationError } from './graphml-reader.js';

export const KOPRU_DATASET_TYPE = 'kopru-dataset';
export const KOPRU_DATASET_VERSION = 1;

/** The document our JSON export writes. */
export interface KopruDatasetDocument {
  type: typeof KOPRU_DATASET_TYPE;
  version: typeof KOPRU_DATASET_VERSION;
  dataset: Dataset;
}

/** The JSON export of `dataset`: two-space indented, one trailing newline. */
export function serializeJsonDataset(dataset: Dataset): string {
  const document: KopruDatasetDocument = {
    type: KOPRU_DATASET_TYPE,
    version: KOPRU_DATASET_VERSION,
    dataset,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const RECORD_KINDS = ['organizations', 'waves', 'ties', 'events', 'attendance', 'responses'] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Line of each record of `dataset.<kind>[i]` in the JSON text: a single scan that follows strings,
 * keys and nesting, so hand-edited files (any indentation) get real line numbers.
 */
export function jsonRecordLines(text: string): Map<RecordKind, number[]> {
  const lines = new Map<RecordKind, number[]>();
  const stack: { array: boolean; key: string | undefined }[] = [];
  let line = 1;
  let lastString = '';
  let pendingKey: string | undefined;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\n') line += 1;
    else if (char === '"') {
      let end = at + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      lastString = text.slice(at + 1, end);
      at = end;
    } else if (char === ':') pendingKey = lastString;
    else if (char === '{' || char === '[') {
      const parent = stack.at(-1);
      const grand = stack.at(-2);
      if (char === '{' && parent?.array && stack.length === 3 && grand?.key === 'dataset') {
        const kind = parent.key as RecordKind;
        if ((RECORD_KINDS as readonly string[]).includes(kind)) {
          const list = lines.get(kind) ?? [];
          list.push(line);
          lines.set(kind, list);
        }
      }
      stack.push({ array: char === '[', key: parent?.array ? undefined : pendingKey });
      pendingKey = undefined;
    } else if (char === '}' || char === ']') stack.pop();
  }
  return lines;
}

const text = z.string({ error: 'must be a string' });
const optionalText = text.optional();

/** An `extra` object: string values only, and no key that would reach a prototype. */
const extra = z
  .custom<Record<string, string>>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((item) => typeof item === 'string'),
    { error: 'extra must be an object of string values' },
  )
  .optional();

const schema = z.object(
  {
    info: z
      .object(
        {
          name: text,
          synthetic: z.boolean({ error: 'must be true or false' }),
          description: optionalText,
        },
        { error: 'must be an object' },
      )
      .strict(),
    organizations: z.array(
      z
        .object({
          id: text,
          name: text,
          kind: text,
          type: optionalText,
          city: optionalText,
          district: optionalText,
          focus: z
            .array(text.refine((item) => !item.includes(';'), 'a focus item cannot contain ";"'))
            .optional(),
          refugeeLed: z.boolean({ error: 'must be true or false' }).optional(),
          founded: optionalText,
          extra,
        })
        .strict(),
    ),
    waves: z.array(z.object({ id: text, label: text, date: text, description: optionalText }).strict()),
    ties: z.array(
      z
        .object({
          source: text,
          target: text,
          wave: text,
          level: z.number({ error: 'must be a number' }),
          extra,
        })
        .strict(),
    ),
    events: z
      .array(
        z
          .object({
            id: text,
            name: text,
            date: text,
            endDate: optionalText,
            type: optionalText,
            city: optionalText,
          })
          .strict(),
      )
      .default([]),
    attendance: z.array(z.object({ organization: text, event: text }).strict()).default([]),
    responses: z.array(z.object({ organization: text, wave: text, status: text }).strict()).default([]),
  },
  { error: 'dataset must be an object' },
);

type Values = Record<string, string | number | boolean | string[] | Record<string, string> | undefined>;

function records(
  kind: RecordKind,
  rows: readonly Values[],
  fields: readonly [string, string][],
  lines: Map<RecordKind, number[]>,
): { columns: RecordColumn[]; records: SourceRecord[] } {
  const extraKeys: string[] = [];
  const seen = new Set(fields.map(([column]) => column));
  for (const row of rows) {
    const more = row.extra;
    if (typeof more !== 'object' || Array.isArray(more)) continue;
    for (const key of Object.keys(more)) {
      // Refused with the record's line by the caller.
      if (seen.has(key) || FORBIDDEN_COLUMN_NAMES.has(key)) continue;
      seen.add(key);
      extraKeys.push(key);
    }
  }
  const found = lines.get(kind) ?? [];
  return {
    columns: [...fields.map(([column]) => ({ name: column })), ...extraKeys.map((name) => ({ name }))],
    records: rows.map((row, index) => {
      const values = new Map<string, string>();
      for (const [column, field] of fields) {
        const value = row[field];
        if (Array.isArray(value)) values.set(column, value.join(';'));
        else if (value !== undefined && typeof value !== 'object') values.set(column, String(value));
      }
      const more = row.extra;
      if (typeof more === 'object' && !Array.isArray(more)) {
        for (const [key, value] of Object.entries(more))
          if (!FORBIDDEN_COLUMN_NAMES.has(key)) values.set(key, value);
      }
      return { line: found[index] ?? 1, values };
    }),
  };
}

/**
 * Parses our JSON export into a validated dataset.
 * @param file the file's name, used in every issue
 * @param defaultName unused when the document has `info` (it always must); kept for symmetry
 * @throws ValidationError listing every problem (file, line of the record, field, reason)
 */
export function parseJsonDataset(
  file: string,
  source: string,
  defaultName: string = DEFAULT_DATASET_NAME,
): Dataset {
  const issues = new IssueList();
  const body = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? body.slice(0, Number(position[1])).split('\n').length : undefined;
    issues.add({ file, ...(line === undefined ? {} : { line }), reason: `not valid JSON: ${message}` });
    throw graphValidationError(file, issues);
  }
  const envelope = json as { type?: unknown; version?: unknown; dataset?: unknown } | null;
  if (typeof envelope !== 'object' || envelope === null || envelope.type !== KOPRU_DATASET_TYPE) {
    issues.add({
      file,
      line: 1,
      reason: `not a Köprü dataset: the JSON must be { "type": "${KOPRU_DATASET_TYPE}", "version": ${KOPRU_DATASET_VERSION}, "dataset": … }`,
    });
    throw graphValidationError(file, issues);
  }
  if (envelope.version !== KOPRU_DATASET_VERSION) {
    issues.add({
      file,
      line: 1,
      column: 'version',
      reason: `version ${JSON.stringify(envelope.version)} is not supported; this Köprü reads version ${KOPRU_DATASET_VERSION}`,
    });
    throw graphValidationError(file, issues);
  }
  const lines = jsonRecordLines(body);
  const parsed = schema.safeParse(envelope.dataset);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [kind, index] = issue.path;
      const line =
        typeof kind === 'string' && typeof index === 'number'
          ? lines.get(kind as RecordKind)?.[index]
          : undefined;
      const column = ['dataset', ...issue.path.map(String)].join('.');
      issues.add({ file, ...(line === undefined ? {} : { line }), column, reason: issue.message });
    }
    throw graphValidationError(file, issues);
  }
  const data = parsed.data;
  for (const kind of ['organizations', 'ties'] as const) {
    data[kind].forEach((record, index) => {
      for (const key of Object.keys(record.extra ?? {})) {
        if (!FORBIDDEN_COLUMN_NAMES.has(key)) continue;
        const line = lines.get(kind)?.[index];
        issues.add({
          file,
          ...(line === undefined ? {} : { line }),
          column: `dataset.${kind}.${index}.extra`,
          reason: `attribute name "${key}" is not allowed`,
        });
      }
    });
  }

  const table = (
    kind: RecordKind,
    rows: readonly Values[],
    fields: [string, string][],
    required: string[],
  ) => {
    const built = records(kind, rows, fields, lines);
    return tableFromRecords(file, built.columns, built.records, issues, required);
  };
  const name = data.info.name.normalize('NFC').trim();
  const description = data.info.description?.normalize('NFC').trim();
  const info: DatasetInfo = {
    name: name === '' ? defaultName : name,
    synthetic: data.info.synthetic,
    ...(description === undefined || description === '' ? {} : { description }),
  };
  const dataset = datasetFromTables(
    info,
    {
      organizations: table(
        'organizations',
        data.organizations,
        [
          ['id', 'id'],
          ['name', 'name'],
          ['kind', 'kind'],
          ['type', 'type'],
          ['city', 'city'],
          ['district', 'district'],
          ['focus', 'focus'],
          ['refugee_led', 'refugeeLed'],
          ['founded', 'founded'],
        ],
        ['id', 'name', 'kind'],
      ),
      waves: table(
        'waves',
        data.waves,
        [
          ['id', 'id'],
          ['label', 'label'],
          ['date', 'date'],
          ['description', 'description'],
        ],
        ['id', 'label', 'date'],
      ),
      ties: table(
        'ties',
        data.ties,
        [
          ['source', 'source'],
          ['target', 'target'],
          ['wave', 'wave'],
          ['level', 'level'],
        ],
        ['source', 'target', 'wave'],
      ),
      events: table(
        'events',
        data.events,
        [
          ['id', 'id'],
          ['name', 'name'],
          ['date', 'date'],
          ['type', 'type'],
          ['end_date', 'endDate'],
          ['city', 'city'],
        ],
        ['id', 'name', 'date'],
      ),
      attendance: table(
        'attendance',
        data.attendance,
        [
          ['organization', 'organization'],
          ['event', 'event'],
        ],
        ['organization', 'event'],
      ),
      responses: table(
        'responses',
        data.responses,
        [
          ['organization', 'organization'],
          ['wave', 'wave'],
          ['status', 'status'],
        ],
        ['organization', 'wave', 'status'],
      ),
      hasWaves: true,
      hasEvents: true,
      allowUndatedWaves: true,
    },
    issues,
  );
  if (issues.count > 0) throw graphValidationError(file, issues);
  return dataset;
}
