/**
 * The formats Köprü reads and writes, as discriminated unions, and the one entry point each way:
 * `parseDatasetFiles` (named texts → which format → validated `Dataset`) for the CLI's `<source>` and
 * the upload API, and `serializeDataset` (dataset → files) for `kopru export`.
 *
 * Import formats and how a set of files is recognised (file names without folders):
 * - `csv-bundle`: an `organizations.csv` among the files (DATA-FORMAT.md §1);
 * - `edge-list`: a roster + edge list (`edge-list-reader.ts`): `nodes.csv` + `edges.csv`, or any two
 *   CSV files, the edge list being the one whose header has `source` and `target`; `waves.csv` and
 *   `dataset.json` may come along;
 * - `gexf`, `graphml`: one `.gexf` / `.graphml` file (or `.xml` whose root element says which);
 * - `json`: one `.json` file holding our export (`{ "type": "kopru-dataset", "version": 1, … }`).
 * Every text is first checked for U+FFFD, the mark a decoder leaves where bytes were not UTF-8
 * (a Latin-1 or Windows-1254 file read as UTF-8): the file is refused with the line, since every
 * `ş` or `ğ` in it would already be lost.
 *
 * Export formats: `gexf`, `graphml`, `csv` (the bundle, a folder), `json`, `pajek`, `dl`.
 */
import { ValidationError, type InputIssue } from '../../errors.js';
import type { Dataset } from '../types.js';
import {
  BUNDLE_FILE_NAMES,
  DEFAULT_DATASET_NAME,
  parseCsvBundle,
  type BundleFiles,
} from './csv-bundle-reader.js';
import { serializeCsvBundle } from './csv-bundle-writer.js';
import { detectDelimiter } from './csv-rows.js';
import { serializeDl } from './dl-writer.js';
import {
  EDGE_LIST_FILE,
  ROSTER_FILE,
  parseEdgeList,
  type EdgeListInput,
  type TextFile,
} from './edge-list-reader.js';
import { parseGexf } from './gexf-reader.js';
import { serializeGexf } from './gexf-writer.js';
import { parseGraphml } from './graphml-reader.js';
import { serializeGraphml } from './graphml-writer.js';
import { parseJsonDataset, serializeJsonDataset } from './json-format.js';
import { serializePajek } from './pajek-writer.js';

export const DATASET_FORMATS = ['csv-bundle', 'edge-list', 'gexf', 'graphml', 'json'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** A recognised input: its format and its files in the shape that format's reader takes. */
export type DatasetSource =
  | { format: 'csv-bundle'; files: BundleFiles }
  | { format: 'edge-list'; input: EdgeListInput }
  | { format: 'gexf' | 'graphml' | 'json'; file: TextFile };

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'json', 'pajek', 'dl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export produces: one file, or the files of a folder (the CSV bundle). */
export type ExportOutput = { kind: 'file'; text: string } | { kind: 'folder'; files: Record<string, string> };

/** The usual file extension of each single-file export. */
export const EXPORT_EXTENSIONS: Record<Exclude<ExportFormat, 'csv'>, string> = {
  gexf: '.gexf',
  graphml: '.graphml',
  json: '.json',
  pajek: '.net',
  dl: '.dl',
};

/** The last path segment: uploads of a folder name their files `folder/organizations.csv`. */
export function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
}

function unrecognised(names: readonly string[], reason: string): ValidationError {
  const issue: InputIssue = { reason };
  return new ValidationError(`Cannot tell the format of ${names.join(', ') || 'no files'}: ${reason}`, [
    issue,
  ]);
}

/** The header names of a CSV text (first non-blank line, its own delimiter). */
function headerNames(text: string): string[] {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const { delimiter, skipLines } = detectDelimiter(body);
  const lines = body.split('\n').slice(skipLines);
  const header = lines.find((line) => line.trim() !== '') ?? '';
  return header.split(delimiter).map((name) => name.replace(/"/g, '').normalize('NFC').trim());
}

/**
 * Which format `files` (name → text) are, and their roles. `format` forces one (the names must
 * still fit it). Names may carry folders; only the base name counts.
 * @throws ValidationError when the files fit no format, or two files share a base name
 */
export function detectSource(files: Readonly<Record<string, string>>, format?: DatasetFormat): DatasetSource {
  const byName = new Map<string, string>();
  for (const [name, text] of Object.entries(files)) {
    const base = baseName(name);
    if (byName.has(base)) throw unrecognised([base], `two files are named ${base}`);
    byName.set(base, text);
  }
  const names = [...byName.keys()];
  const single =
    names.length === 1 ? { name: names[0] as string, text: byName.get(names[0] as string) ?? '' } : undefined;

  const xmlRoot = (text: string): 'gexf' | 'graphml' | undefined => {
    const root = /<(?:[\w.-]+:)?(gexf|graphml)[\s>]/.exec(text.slice(0, 4096));
    return root?.[1] === 'gexf' ? 'gexf' : root?.[1] === 'graphml' ? 'graphml' : undefined;
  };
  const guess = (): DatasetFormat | undefined => {
    if (byName.has('organizations.csv')) return 'csv-bundle';
    if (single !== undefined) {
      const ext = extension(single.name);
      if (ext === '.gexf') return 'gexf';
      if (ext === '.graphml') return 'graphml';
      if (ext === '.json') return 'json';
      if (ext === '.xml') return xmlRoot(single.text);
      return undefined;
    }
    const csv = names.filter((name) => extension(name) === '.csv' && name !== 'waves.csv');
    return csv.length === 2 ? 'edge-list' : undefined;
  };
  const chosen = format ?? guess();
  const known =
    'a CSV bundle (organizations.csv, ties.csv, …), a roster + edge list (two CSV files), or one .gexf, .graphml or .json file';

  switch (chosen) {
    case 'csv-bundle': {
      if (!byName.has('organizations.csv')) throw unrecognised(names, 'a CSV bundle needs organizations.csv');
      const bundle: Record<string, string | undefined> = {};
      for (const name of BUNDLE_FILE_NAMES) bundle[name] = byName.get(name);
      return { format: 'csv-bundle', files: bundle };
    }
    case 'edge-list': {
      const extras = new Set(['waves.csv', 'dataset.json']);
      const candidates = names.filter((name) => !extras.has(name));
      if (candidates.length !== 2) {
        throw unrecognised(
          names,
          'a roster + edge list is two CSV files (plus waves.csv and dataset.json if wanted)',
        );
      }
      let [nodes, edges] =
        byName.has(ROSTER_FILE) && byName.has(EDGE_LIST_FILE) ? [ROSTER_FILE, EDGE_LIST_FILE] : candidates;
      const isEdgeList = (name: string | undefined) => {
        const header = headerNames(byName.get(name ?? '') ?? '');
        return header.includes('source') && header.includes('target');
      };
      if (!(byName.has(ROSTER_FILE) && byName.has(EDGE_LIST_FILE))) {
        if (isEdgeList(nodes) && !isEdgeList(edges)) [nodes, edges] = [edges, nodes];
        if (!isEdgeList(edges)) {
          throw unrecognised(names, 'neither CSV file has the source and target columns of an edge list');
        }
      }
      const file = (name: string | undefined): TextFile | undefined =>
        name === undefined || !byName.has(name) ? undefined : { name, text: byName.get(name) ?? '' };
      return {
        format: 'edge-list',
        input: {
          nodes: file(nodes) as TextFile,
          edges: file(edges) as TextFile,
          waves: file('waves.csv'),
          info: file('dataset.json'),
        },
      };
    }
    case 'gexf':
    case 'graphml':
    case 'json':
      if (single === undefined) throw unrecognised(names, `${chosen} is a single file`);
      return { format: chosen, file: single };
    default:
      throw unrecognised(names, `expected ${known}`);
  }
}

/** Issues for texts that contain U+FFFD (bytes that were not UTF-8), one per file, with the line. */
export function encodingIssues(files: Readonly<Record<string, string>>): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [name, text] of Object.entries(files)) {
    const at = text.indexOf('\uFFFD');
    if (at === -1) continue;
    issues.push({
      file: baseName(name),
      line: text.slice(0, at).split('\n').length,
      reason:
        'the file is not valid UTF-8 text (mixed or legacy encoding, e.g. Latin-1 or Windows-1254); ' +
        'save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and import again',
    });
  }
  return issues;
}

/** Parses a recognised source into a validated dataset. @throws ValidationError with every problem */
export function parseSource(source: DatasetSource, defaultName: string = DEFAULT_DATASET_NAME): Dataset {
  switch (source.format) {
    case 'csv-bundle':
      return parseCsvBundle(source.files, defaultName);
    case 'edge-list':
      return parseEdgeList(source.input, defaultName);
    case 'gexf':
      return parseGexf(source.file.name, source.file.text, defaultName);
    case 'graphml':
      return parseGraphml(source.file.name, source.file.text, defaultName);
    case 'json':
      return parseJsonDataset(source.file.name, source.file.text, defaultName);
  }
}

export interface ParseFilesOptions {
  /** Force a format instead of recognising it from the names. */
  format?: DatasetFormat | undefined;
  /** Dataset name when the files do not name it; default "Untitled dataset". */
  name?: string | undefined;
}

/**
 * Named texts → format and validated dataset: the whole import path without any I/O.
 * @throws ValidationError when the format cannot be told, a text is not UTF-8, or the data is invalid
 */
export function parseDatasetFiles(
  files: Readonly<Record<string, string>>,
  options: ParseFilesOptions = {},
): { format: DatasetFormat; dataset: Dataset } {
  const source = detectSource(files, options.format);
  const issues = encodingIssues(files);
  if (issues.length > 0) {
    throw new ValidationError(
      `${issues.length} file${issues.length === 1 ? ' is' : 's are'} not UTF-8`,
      issues,
    );
  }
  return { format: source.format, dataset: parseSource(source, options.name ?? DEFAULT_DATASET_NAME) };
}

export interface SerializeOptions {
  /** Pajek and DL: only this wave (default: every wave). Ignored by the other formats. */
  wave?: string | undefined;
}

/** The files of `dataset` in `format`. @throws ValidationError for a `wave` the dataset lacks */
export function serializeDataset(
  dataset: Dataset,
  format: ExportFormat,
  options: SerializeOptions = {},
): ExportOutput {
  if (options.wave !== undefined && !dataset.waves.some((wave) => wave.id === options.wave)) {
    const known = dataset.waves.map((wave) => wave.id).join(', ');
    throw new ValidationError(`No wave "${options.wave}"; the waves are ${known || 'none'}`, [
      { column: 'wave', reason: `unknown wave "${options.wave}"` },
    ]);
  }
  switch (format) {
    case 'csv':
      return { kind: 'folder', files: serializeCsvBundle(dataset) };
    case 'gexf':
      return { kind: 'file', text: serializeGexf(dataset) };
    case 'graphml':
      return { kind: 'file', text: serializeGraphml(dataset) };
    case 'json':
      return { kind: 'file', text: serializeJsonDataset(dataset) };
    case 'pajek':
      return { kind: 'file', text: serializePajek(dataset, options.wave) };
    case 'dl':
      return { kind: 'file', text: serializeDl(dataset, options.wave) };
  }
}
