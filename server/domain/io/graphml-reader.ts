/**
 * Reads GraphML (the GraphML Primer, Brandes et al., graphml.graphdrawing.org/primer/graphml-primer.html)
 * as written by NetworkX (`write_graphml`), igraph (`write_graphml`), Gephi and yEd into a `Dataset`.
 *
 * - `<key>`s with `attr.name` name the attributes of nodes (`for="node"`), edges (`for="edge"`) and
 *   the graph (`for="graph"`); `for="all"` applies to each. A key's `<default>` fills in missing data.
 *   Keys without `attr.name` (yEd's `yfiles.type` graphics) carry no attribute; yEd's node label is
 *   read from the `<y:NodeLabel>` inside a node's graphics.
 * - Graph-level data `name`, `description` and `synthetic` (true/false) give the dataset's info,
 *   as our GraphML export writes them; without `name` the caller's default name is used.
 * - The mapping of attributes onto organizations, waves and ties is `graph-records.ts`'s.
 * - Not supported, reported as such: nested graphs, hyperedges (GraphML Primer §3, §4.1).
 * Safety (`xml-reader.ts`): DTDs and entity declarations refused before parsing, value length and
 * node/edge count limits. Pure: takes the file's text.
 */
import { ValidationError } from '../../errors.js';
import type { DatasetInfo, Dataset } from '../types.js';
import { DEFAULT_DATASET_NAME } from './csv-bundle-reader.js';
import { IssueList, MAX_ROWS_PER_FILE, formatCount, type RecordColumn } from './csv-rows.js';
import { datasetFromGraph, type GraphNodeRecord, type GraphTieRecord } from './graph-records.js';
import { XmlStop, readXml, type XmlElement } from './xml-reader.js';

interface Key {
  id: string;
  name: string | undefined;
  domain: string;
  line: number;
  default: string | undefined;
}

interface RawElement {
  id: string;
  line: number;
  source: string;
  target: string;
  data: Map<string, string>;
  label: string | undefined;
}

/** The error thrown for a graph file with problems, every problem attached. */
export function graphValidationError(file: string, issues: IssueList): ValidationError {
  const count = issues.count;
  return new ValidationError(`${file} has ${count} problem${count === 1 ? '' : 's'}`, issues.toArray([file]));
}

function applies(key: Key, domain: 'node' | 'edge' | 'graph'): boolean {
  return key.domain === domain || key.domain === 'all';
}

/**
 * Parses GraphML text into a validated dataset.
 * @param file the file's name, used in every issue
 * @param defaultName dataset name when the graph has no `name` data; default "Untitled dataset"
 * @throws ValidationError listing every problem (file, line, reason)
 */
export function parseGraphml(
  file: string,
  text: string,
  defaultName: string = DEFAULT_DATASET_NAME,
): Dataset {
  const issues = new IssueList();
  const keys = new Map<string, Key>();
  const nodes: RawElement[] = [];
  const edges: RawElement[] = [];
  const graphData = new Map<string, string>();
  let root: string | undefined;
  let graphs = 0;
  let current: RawElement | undefined;
  let key: Key | undefined;

  const stop = (element: XmlElement, reason: string): never => {
    throw new XmlStop({ file, line: element.line, reason });
  };

  const fatal = readXml(file, text, {
    open(element, parents) {
      if (parents.length === 0) {
        root = element.local;
        if (element.local !== 'graphml')
          stop(element, `this is not a GraphML file: its root element is <${element.name}>, not <graphml>`);
        return;
      }
      if (element.prefix !== '') return;
      const attribute = (name: string) => element.attributes.get(name) ?? '';
      switch (element.local) {
        case 'key':
          key = {
            id: attribute('id'),
            name: element.attributes.get('attr.name'),
            domain: attribute('for') || 'all',
            line: element.line,
            default: undefined,
          };
          break;
        case 'graph':
          graphs += 1;
          if (graphs > 1 || parents.some((parent) => parent.local === 'node')) {
            stop(element, 'nested or multiple graphs are not supported; Köprü reads one flat graph per file');
          }
          break;
        case 'node':
        case 'edge': {
          const list = element.local === 'node' ? nodes : edges;
          if (list.length >= MAX_ROWS_PER_FILE) {
            stop(
              element,
              `the file has more than ${formatCount(MAX_ROWS_PER_FILE)} ${element.local}s, the most Köprü reads`,
            );
          }
          current = {
            id: attribute('id'),
            line: element.line,
            source: attribute('source'),
            target: attribute('target'),
            data: new Map(),
            label: undefined,
          };
          list.push(current);
          if (element.local === 'node' && current.id === '') {
            issues.add({ file, line: element.line, column: 'id', reason: 'a <node> has no id' });
          }
          if (element.local === 'edge' && (current.source === '' || current.target === '')) {
            issues.add({ file, line: element.line, reason: 'an <edge> needs both a source and a target' });
          }
          break;
        }
        case 'hyperedge':
          stop(element, 'hyperedges are not supported; Köprü reads ties between two organizations');
          break;
        default:
          break;
      }
    },
    close(element, value, parents) {
      if (element.local === 'NodeLabel' && current !== undefined && current.label === undefined) {
        // yEd: the visible label of a node, inside its graphics data.
        const label = value.trim();
        if (label !== '') current.label = label;
        return;
      }
      if (element.prefix !== '') return;
      const parent = parents.at(-1)?.local;
      if (element.local === 'default' && parent === 'key' && key !== undefined) key.default = value;
      else if (element.local === 'key' && key !== undefined) {
        if (keys.has(key.id)) {
          issues.add({ file, line: key.line, reason: `<key> id "${key.id}" is declared more than once` });
        }
        keys.set(key.id, key);
        key = undefined;
      } else if (element.local === 'data') {
        const id = element.attributes.get('key') ?? '';
        if (parent === 'graph') graphData.set(id, value);
        else if ((parent === 'node' || parent === 'edge') && current !== undefined)
          current.data.set(id, value);
      } else if (element.local === 'node' || element.local === 'edge') {
        current = undefined;
      }
    },
  });
  if (fatal !== undefined) issues.add(fatal);
  if (fatal === undefined && root === undefined) issues.add({ file, reason: 'the file is empty' });

  // Keys are resolved after reading, so that a key declared after its first use still counts.
  const columnsFor = (domain: 'node' | 'edge'): RecordColumn[] =>
    [...keys.values()]
      .filter((k) => applies(k, domain) && k.name !== undefined)
      .map((k) => ({ name: (k.name ?? '').normalize('NFC').trim(), line: k.line }));
  const valuesOf = (element: RawElement, domain: 'node' | 'edge'): Map<string, string> => {
    const values = new Map<string, string>();
    for (const k of keys.values()) {
      if (applies(k, domain) && k.name !== undefined && k.default !== undefined) {
        values.set(k.name.normalize('NFC').trim(), k.default);
      }
    }
    for (const [id, value] of element.data) {
      const k = keys.get(id);
      if (k === undefined) {
        issues.add({ file, line: element.line, reason: `<data key="${id}"> names no declared <key>` });
      } else if (k.name !== undefined && applies(k, domain)) {
        values.set(k.name.normalize('NFC').trim(), value);
      }
    }
    return values;
  };

  const graphValue = (name: string): string | undefined => {
    for (const [id, value] of graphData) {
      const k = keys.get(id);
      if (k?.name === name && applies(k, 'graph')) return value.normalize('NFC').trim();
    }
    for (const k of keys.values()) if (k.name === name && applies(k, 'graph')) return k.default?.trim();
    return undefined;
  };
  const name = graphValue('name');
  const description = graphValue('description');
  const info: DatasetInfo = {
    name: name === undefined || name === '' ? defaultName : name,
    synthetic: graphValue('synthetic')?.toLowerCase() === 'true',
    ...(description === undefined || description === '' ? {} : { description }),
  };

  const nodeRecords: GraphNodeRecord[] = nodes.map((node) => ({
    line: node.line,
    id: node.id.normalize('NFC').trim(),
    label: node.label,
    attributes: valuesOf(node, 'node'),
  }));
  const tieRecords: GraphTieRecord[] = edges.map((edge) => ({
    line: edge.line,
    source: edge.source.normalize('NFC').trim(),
    target: edge.target.normalize('NFC').trim(),
    attributes: valuesOf(edge, 'edge'),
  }));
  const dataset = datasetFromGraph(
    {
      file,
      info,
      nodeAttributes: columnsFor('node'),
      edgeAttributes: columnsFor('edge'),
      nodes: nodeRecords,
      ties: tieRecords,
      complete: fatal === undefined,
    },
    issues,
  );
  if (issues.count > 0) throw graphValidationError(file, issues);
  return dataset;
}
