/**
 * Reads a roster + edge-list pair — two CSV files, the shape most spreadsheets and scripts produce
 * (e.g. `nodes.csv` + `edges.csv`) — into a `Dataset`, through the CSV bundle's reader and rules.
 *
 * The convention (a relaxed bundle of two files, README "Roster and edge list"):
 * - the roster: one row per organization; `id` required; `name` (a `label` column is read as
 *   `name` when there is none; without either, the id) and `kind` (default `ngo` when the column is absent) optional; every other column as in
 *   `organizations.csv` (`type`, `city`, `district`, `focus`, `refugee_led`, `founded`, extras).
 * - the edge list: `source` and `target` required; `wave` optional (absent: one wave, id `1`),
 *   `level` optional (1–4, default 1); every other column as in `ties.csv`.
 * - optionally `waves.csv` (dates and labels of the waves) and `dataset.json`, as in a bundle.
 * Issues name the files by their own names. The quirks of spreadsheet CSV (BOM, `;` or tab
 * separators, CRLF, any Unicode normal form) are handled by `csv-rows.ts` as for a bundle.
 */
import type { Dataset } from '../types.js';
import { DEFAULT_DATASET_NAME, datasetFromTables, parseDatasetInfo } from './csv-bundle-reader.js';
import { IssueList, readCsvTable, withColumnDefaults, withRenamedColumn } from './csv-rows.js';
import { SINGLE_WAVE_ID } from './graph-records.js';
import { ValidationError } from '../../errors.js';

/** One file: its name (used in issues) and its text. */
export interface TextFile {
  readonly name: string;
  readonly text: string;
}

export interface EdgeListInput {
  /** The roster: one row per organization. */
  readonly nodes: TextFile;
  /** The edge list: one row per tie. */
  readonly edges: TextFile;
  /** Optional `waves.csv`. */
  readonly waves?: TextFile | undefined;
  /** Optional `dataset.json`. */
  readonly info?: TextFile | undefined;
}

/** File names of the folder form of the pair. */
export const ROSTER_FILE = 'nodes.csv';
export const EDGE_LIST_FILE = 'edges.csv';

/**
 * Parses a roster + edge-list pair into a validated dataset.
 * @param defaultName dataset name without `dataset.json`; default "Untitled dataset"
 * @throws ValidationError listing every problem of every file (file, line, column, reason)
 */
export function parseEdgeList(input: EdgeListInput, defaultName: string = DEFAULT_DATASET_NAME): Dataset {
  const issues = new IssueList();
  const info = parseDatasetInfo(input.info?.text, defaultName, issues);
  const nodes = readCsvTable(input.nodes.name, input.nodes.text, issues, ['id']);
  const edges = readCsvTable(input.edges.name, input.edges.text, issues, ['source', 'target']);
  const waves =
    input.waves === undefined
      ? undefined
      : readCsvTable(input.waves.name, input.waves.text, issues, ['id', 'label', 'date']);
  const roster =
    nodes === undefined
      ? undefined
      : withColumnDefaults(withRenamedColumn(nodes, 'label', 'name'), {
          name: (row) => nodes.cell(row, 'id'),
          kind: () => 'ngo',
        });
  const list = edges === undefined ? undefined : withColumnDefaults(edges, { wave: () => SINGLE_WAVE_ID });
  const dataset = datasetFromTables(
    info,
    { organizations: roster, ties: list, waves, hasWaves: input.waves !== undefined, hasEvents: false },
    issues,
  );
  if (issues.count > 0) {
    const files = [input.nodes.name, input.edges.name, input.waves?.name, input.info?.name].filter(
      (name): name is string => name !== undefined,
    );
    const count = issues.count;
    throw new ValidationError(
      `The roster and edge list have ${count} problem${count === 1 ? '' : 's'}`,
      issues.toArray(files),
    );
  }
  return dataset;
}
