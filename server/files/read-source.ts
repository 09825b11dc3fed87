/**
 * File-system adapter for every import format: resolves a command's `<source>` path to the files of
 * one format (`server/domain/io/formats.ts`) and parses them. What a path means:
 *
 * - a folder with `organizations.csv`: a CSV bundle (`read-bundle.ts`);
 * - a folder with `nodes.csv` and `edges.csv` (and no `organizations.csv`): a roster + edge list,
 *   with its `waves.csv` and `dataset.json` if present;
 * - `ROSTER.csv+EDGES.csv`: any two CSV files as a roster + edge list (the roster first; a path
 *   that exists as it is, `+` and all, is taken as it is);
 * - a `.gexf`, `.graphml` (or `.xml`) or `.json` file.
 * Every file is read with the bundle's checks (size limit, UTF-8) before any parsing; the dataset's
 * default name is the folder's name, or the file's name without its extension.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_DATASET_NAME, bundleValidationError } from '../domain/io/csv-bundle-reader.js';
import { EDGE_LIST_FILE, ROSTER_FILE } from '../domain/io/edge-list-reader.js';
import { parseDatasetFiles, type DatasetFormat } from '../domain/io/formats.js';
import type { Dataset } from '../domain/types.js';
import { ValidationError, type InputIssue } from '../errors.js';
import { MAX_BUNDLE_FILE_BYTES, readBundleFolder, readTextFile } from './read-bundle.js';

export interface ReadSourceOptions {
  /** Largest accepted file in bytes; default MAX_BUNDLE_FILE_BYTES (200 MB). */
  maxFileBytes?: number;
}

const SINGLE_FILE_EXTENSIONS = new Set(['.gexf', '.graphml', '.xml', '.json']);

const WHAT_A_SOURCE_IS =
  'a source is a CSV bundle folder (organizations.csv, ties.csv, …), a folder with nodes.csv and edges.csv, ' +
  'ROSTER.csv+EDGES.csv, or a .gexf, .graphml or .json file';

function refuse(source: string, reason: string): ValidationError {
  return new ValidationError(`${source}: ${reason}`, [{ file: source, reason }]);
}

async function kindOf(full: string): Promise<'folder' | 'file' | undefined> {
  const info = await stat(full).catch(() => undefined);
  return info === undefined ? undefined : info.isDirectory() ? 'folder' : 'file';
}

/** Reads `paths` (name in issues → path) as UTF-8; every file problem reported together. */
async function readAll(paths: Map<string, string>, maxFileBytes: number): Promise<Record<string, string>> {
  const reads = await Promise.all([...paths].map(([name, full]) => readTextFile(full, name, maxFileBytes)));
  const issues: InputIssue[] = [];
  const files: Record<string, string> = {};
  [...paths.keys()].forEach((name, index) => {
    const read = reads[index];
    if (read?.issue !== undefined) issues.push(read.issue);
    else if (read?.text === undefined) issues.push({ file: name, reason: `${name} does not exist` });
    else files[name] = read.text;
  });
  if (issues.length > 0) throw bundleValidationError(issues);
  return files;
}

function parse(files: Record<string, string>, name: string, format?: DatasetFormat) {
  return parseDatasetFiles(files, { name: name || DEFAULT_DATASET_NAME, format });
}

/**
 * Reads and validates the dataset at `source` (resolved against `cwd`).
 * @returns the format recognised and the dataset
 * @throws ValidationError when the path is not a source, a file cannot be read, or the data is invalid
 */
export async function readSource(
  source: string,
  cwd: string,
  options: ReadSourceOptions = {},
): Promise<{ format: DatasetFormat; dataset: Dataset }> {
  const maxFileBytes = options.maxFileBytes ?? MAX_BUNDLE_FILE_BYTES;
  const full = path.resolve(cwd, source);
  const kind = await kindOf(full);

  if (kind === 'folder') {
    const entries = new Set(await readdir(full));
    if (entries.has('organizations.csv')) {
      return { format: 'csv-bundle', dataset: await readBundleFolder(full, { maxFileBytes }) };
    }
    if (entries.has(ROSTER_FILE) && entries.has(EDGE_LIST_FILE)) {
      const names = [ROSTER_FILE, EDGE_LIST_FILE, 'waves.csv', 'dataset.json'].filter((name) =>
        entries.has(name),
      );
      const files = await readAll(new Map(names.map((name) => [name, path.join(full, name)])), maxFileBytes);
      return parse(files, path.basename(full), 'edge-list');
    }
    throw refuse(
      source,
      `the folder has neither organizations.csv nor nodes.csv + edges.csv; ${WHAT_A_SOURCE_IS}`,
    );
  }

  if (kind === undefined && source.includes('+')) {
    const cut = source.lastIndexOf('+');
    const [roster, edges] = [source.slice(0, cut), source.slice(cut + 1)];
    const names = [path.basename(roster), path.basename(edges)];
    if (names[0] === names[1])
      throw refuse(source, 'the roster and the edge list must have different file names');
    const files = await readAll(
      new Map([
        [names[0] ?? roster, path.resolve(cwd, roster)],
        [names[1] ?? edges, path.resolve(cwd, edges)],
      ]),
      maxFileBytes,
    );
    // Insertion order keeps the roster first; the headers still decide if the two were swapped.
    return parse(files, path.basename(path.dirname(path.resolve(cwd, roster))), 'edge-list');
  }

  if (kind === 'file') {
    const extension = path.extname(full).toLowerCase();
    if (!SINGLE_FILE_EXTENSIONS.has(extension)) {
      const hint =
        extension === '.csv'
          ? 'one CSV file is not a dataset; give its folder, or ROSTER.csv+EDGES.csv'
          : `files ending in ${extension || '(no extension)'} are not read`;
      throw refuse(source, `${hint}; ${WHAT_A_SOURCE_IS}`);
    }
    const name = path.basename(full);
    const files = await readAll(new Map([[name, full]]), maxFileBytes);
    return parse(files, path.basename(full, path.extname(full)));
  }

  throw refuse(source, 'no such file or folder');
}
