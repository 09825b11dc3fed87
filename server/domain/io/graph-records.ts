/**
 * From the nodes and edges of a graph file (GEXF, GraphML) to a validated `Dataset`: the mapping of
 * graph attributes onto organizations, waves and ties that both readers share, decided once here.
 * The records become `CsvTable`s and go through `datasetFromTables`, so a graph file is checked by
 * exactly the rules and messages of the CSV bundle (DATA-FORMAT.md §1).
 *
 * Nodes (one organization each):
 * - `id`: a node attribute named `id` when the file has one (igraph keeps the original ids there and
 *   numbers its nodes n0, n1, …), otherwise the node's own id. Edges are matched through it.
 * - `name`: a `name` attribute, else (or when a node has no value for it) the node's label (GEXF
 *   `label`, a GraphML `label` key, yEd's node label), else the id. With a `name` attribute, a label
 *   that differs from both name and id is kept as `label`.
 * - `kind`: the `kind` attribute; when the file has no `kind` attribute at all, every node is `ngo`
 *   (a NetworkX or Gephi graph need not know Köprü's two kinds; E-I by kind is then meaningless).
 * - `refugeeLed` is read as `refugee_led`; `type`, `city`, `district`, `focus` (`;`-separated),
 *   `refugee_led`, `founded` by their bundle names; every other attribute goes to `extra`.
 * Ties (one per edge and wave; an undirected edge is one tie, source → target as written):
 * - `wave`: an edge attribute `wave`; without one the whole graph is one wave, id `1`.
 * - a wave's label is the edges' `wave_label` (default: its id), its description `wave_description`,
 *   its date the time the reader gives (a GEXF spell) or the edges' `wave_date`; wave ids that are
 *   dates date themselves. Edges that disagree on a wave's label, date or description are an error. Dated waves
 *   are ordered by date, others by time when every one has a time, else by first appearance.
 * - `level`: a `level` attribute; without one, `weight` when every edge's weight is an integer
 *   from 1 to 4 (then `weight` is the level and is not kept); otherwise level 1. With a `level`
 *   attribute, `weight` is kept as an extra unless it equals the level on every edge (our exports).
 * - every other edge attribute goes to the tie's `extra`.
 */
import type { DatasetInfo, Dataset } from '../types.js';
import { datasetFromTables } from './csv-bundle-reader.js';
import { tableFromRecords, type IssueList, type RecordColumn, type SourceRecord } from './csv-rows.js';
import { toIsoDate } from './csv-bundle-reader.js';

/** The wave of a graph file that has no `wave` attribute. */
export const SINGLE_WAVE_ID = '1';

export interface GraphNodeRecord {
  readonly line: number;
  /** The node's id in the file. */
  readonly id: string;
  /** The node's label in the file (GEXF `label`, yEd's node label), if it has one. */
  readonly label?: string | undefined;
  /** Attribute name → value (defaults applied). */
  readonly attributes: ReadonlyMap<string, string>;
}

export interface GraphTieRecord {
  readonly line: number;
  /** Node ids as in the file. */
  readonly source: string;
  readonly target: string;
  /** Attribute name → value at this tie's wave (defaults applied); `wave` among them when known. */
  readonly attributes: ReadonlyMap<string, string>;
  /** The wave's date when the file's time says it (a GEXF spell start), YYYY-MM-DD. */
  readonly waveDate?: string | undefined;
  /** The wave's position in time (GEXF), for ordering waves that have no date. */
  readonly waveTime?: number | undefined;
}

export interface GraphRecords {
  readonly file: string;
  readonly info: DatasetInfo;
  /** Node attribute names as declared (with the declaring line), in file order. */
  readonly nodeAttributes: readonly RecordColumn[];
  /** Edge attribute names as declared; `wave` included when the reader derived waves itself. */
  readonly edgeAttributes: readonly RecordColumn[];
  readonly nodes: readonly GraphNodeRecord[];
  readonly ties: readonly GraphTieRecord[];
  /** False when reading stopped early: references into the file are then not checked. */
  readonly complete: boolean;
}

const NODE_ALIASES: ReadonlyMap<string, string> = new Map([['refugeeLed', 'refugee_led']]);
const WAVE_ATTRIBUTES = new Set(['wave', 'wave_label', 'wave_date', 'wave_description']);
const LEVEL_VALUE = /^[1-4](?:\.0*)?$/;

/** "3.0" → "3": numeric attributes are often written as doubles. */
function integerText(value: string): string {
  return /^\d+\.0*$/.test(value) ? value.slice(0, value.indexOf('.')) : value;
}

function sameNumber(a: string, b: string): boolean {
  return a === b || (a !== '' && b !== '' && Number(a) === Number(b));
}

const show = (value: string): string => JSON.stringify(value);

function nodeTable(graph: GraphRecords, issues: IssueList) {
  const declared = new Map(graph.nodeAttributes.map((column) => [column.name, column]));
  const idFromAttribute = declared.has('id');
  const hasName = declared.has('name');
  const hasKind = declared.has('kind');
  const ids = new Map<string, string>();
  const columns: RecordColumn[] = [{ name: 'id' }, { name: 'name' }, { name: 'kind' }];
  let keepsLabel = false;
  for (const column of graph.nodeAttributes) {
    if (['id', 'name', 'kind', 'label'].includes(column.name)) continue;
    const alias = NODE_ALIASES.get(column.name);
    if (alias !== undefined && declared.has(alias)) continue;
    columns.push(alias === undefined ? column : { ...column, name: alias });
  }
  const records: SourceRecord[] = graph.nodes.map((node) => {
    const fromAttribute = idFromAttribute ? (node.attributes.get('id') ?? '').trim() : '';
    const id = fromAttribute === '' ? node.id : fromAttribute;
    ids.set(node.id, id);
    const label = node.label ?? node.attributes.get('label');
    // A node without a value for a declared name still has a label or an id to show.
    const name = (hasName ? node.attributes.get('name')?.trim() : undefined) || label?.trim() || id;
    const values = new Map<string, string>();
    for (const [key, value] of node.attributes) {
      const alias = NODE_ALIASES.get(key);
      values.set(alias === undefined || declared.has(alias) ? key : alias, value);
    }
    values.set('id', id);
    values.set('name', name);
    if (!hasKind) values.set('kind', 'ngo');
    values.delete('label');
    if (hasName && label !== undefined && label.trim() !== '' && label !== name && label !== id) {
      values.set('label', label);
      keepsLabel = true;
    }
    return { line: node.line, values };
  });
  if (keepsLabel) columns.push(declared.get('label') ?? { name: 'label' });
  return { table: tableFromRecords(graph.file, columns, records, issues, [], graph.complete), ids };
}

type WaveField = 'label' | 'date' | 'description';

interface WaveInfo {
  id: string;
  line: number;
  time: number | undefined;
  values: Partial<Record<WaveField, { value: string; line: number }>>;
}

function collectWaves(graph: GraphRecords, hasWave: boolean, issues: IssueList): WaveInfo[] {
  const waves = new Map<string, WaveInfo>();
  if (!hasWave) waves.set(SINGLE_WAVE_ID, { id: SINGLE_WAVE_ID, line: 1, time: undefined, values: {} });
  for (const tie of graph.ties) {
    if (!hasWave) break;
    const id = (tie.attributes.get('wave') ?? '').normalize('NFC').trim();
    if (id === '') continue;
    let wave = waves.get(id);
    if (wave === undefined) {
      wave = { id, line: tie.line, time: tie.waveTime, values: {} };
      waves.set(id, wave);
    }
    const found: Record<WaveField, string | undefined> = {
      label: tie.attributes.get('wave_label'),
      date: tie.waveDate ?? tie.attributes.get('wave_date'),
      description: tie.attributes.get('wave_description'),
    };
    for (const field of ['label', 'date', 'description'] as const) {
      const value = (found[field] ?? '').normalize('NFC').trim();
      if (value === '') continue;
      const known = wave.values[field];
      if (known === undefined) wave.values[field] = { value, line: tie.line };
      else if (known.value !== value) {
        issues.add({
          file: graph.file,
          line: tie.line,
          column: `wave_${field}`,
          reason: `wave ${show(id)} has ${field} ${show(value)} here but ${show(known.value)} on line ${known.line}`,
        });
      }
    }
  }
  const list = [...waves.values()];
  const dated = list.filter((wave) => wave.values.date !== undefined);
  if (dated.length === 0 && list.length > 0 && list.every((wave) => toIsoDate(wave.id) !== undefined)) {
    for (const wave of list) wave.values.date = { value: toIsoDate(wave.id) ?? '', line: wave.line };
  } else if (dated.length > 0) {
    for (const wave of list) {
      if (wave.values.date !== undefined) continue;
      issues.add({
        file: graph.file,
        line: wave.line,
        column: 'wave_date',
        reason: `wave ${show(wave.id)} has no date while other waves have one; give every wave a date or none`,
      });
    }
  }
  if (list.every((wave) => wave.time !== undefined)) list.sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
  return list;
}

function tieTable(graph: GraphRecords, ids: ReadonlyMap<string, string>, issues: IssueList) {
  const declared = new Set(graph.edgeAttributes.map((column) => column.name));
  const hasWave = declared.has('wave');
  const hasLevel = declared.has('level');
  const weights = graph.ties.map((tie) => (tie.attributes.get('weight') ?? '').trim());
  const weightIsLevel =
    !hasLevel &&
    weights.some((weight) => weight !== '') &&
    weights.every((w) => w === '' || LEVEL_VALUE.test(w));
  const weightRepeatsLevel =
    hasLevel &&
    graph.ties.every((tie, index) => {
      const weight = weights[index] ?? '';
      return weight === '' || sameNumber(weight, (tie.attributes.get('level') ?? '').trim());
    });
  const dropWeight = weightIsLevel || weightRepeatsLevel;

  const columns: RecordColumn[] = [
    { name: 'source' },
    { name: 'target' },
    { name: 'wave' },
    { name: 'level' },
  ];
  for (const column of graph.edgeAttributes) {
    if (WAVE_ATTRIBUTES.has(column.name) || column.name === 'level') continue;
    if (column.name === 'weight' && dropWeight) continue;
    if (column.name === 'source' || column.name === 'target') continue;
    columns.push(column);
  }
  const records: SourceRecord[] = graph.ties.map((tie) => {
    const values = new Map(tie.attributes);
    for (const name of WAVE_ATTRIBUTES) values.delete(name);
    values.set('source', ids.get(tie.source) ?? tie.source);
    values.set('target', ids.get(tie.target) ?? tie.target);
    values.set('wave', hasWave ? (tie.attributes.get('wave') ?? '') : SINGLE_WAVE_ID);
    const level = hasLevel ? tie.attributes.get('level') : weightIsLevel ? tie.attributes.get('weight') : '';
    values.set('level', integerText((level ?? '').trim()));
    if (dropWeight) values.delete('weight');
    return { line: tie.line, values };
  });
  const table = tableFromRecords(graph.file, columns, records, issues, [], graph.complete);
  const waves = collectWaves(graph, hasWave, issues);
  const waveTable = tableFromRecords(
    graph.file,
    [{ name: 'id' }, { name: 'label' }, { name: 'date' }, { name: 'description' }],
    waves.map((wave) => ({
      line: wave.line,
      values: new Map([
        ['id', wave.id],
        ['label', wave.values.label?.value ?? wave.id],
        ['date', wave.values.date?.value ?? ''],
        ['description', wave.values.description?.value ?? ''],
      ]),
    })),
    issues,
    [],
    graph.complete,
  );
  return { table, waveTable };
}

/**
 * Validates the records of a graph file into a dataset, adding every problem to `issues` (file
 * and line of the node, edge or declaration at fault). See the module docblock for the mapping.
 */
export function datasetFromGraph(graph: GraphRecords, issues: IssueList): Dataset {
  const nodes = nodeTable(graph, issues);
  const ties = tieTable(graph, nodes.ids, issues);
  return datasetFromTables(
    graph.info,
    {
      organizations: nodes.table,
      ties: ties.table,
      waves: ties.waveTable,
      hasWaves: true,
      hasEvents: false,
      allowUndatedWaves: true,
    },
    issues,
  );
}
