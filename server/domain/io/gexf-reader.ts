/**
 * Reads GEXF 1.1–1.3 (gexf.net; the GEXF 1.3 schema, gexf.xsd and dynamics.xsd, and the GEXF 1.2
 * primer) into a `Dataset`, including Gephi's dynamic graphs: spells, dynamic attribute values and
 * GEXF 1.3 timestamps.
 *
 * Time (the `timeformat` of `<graph>`): `date` and `dateTime` values are dates; `integer` and
 * `double` (the default) are numbers, though an ISO date is read as a date whatever the format says.
 * An element's time is the union of its `start`/`end` (or GEXF 1.2's `startopen`/`endopen`, open
 * bounds), its `<spells>`, its 1.3 `intervals="<[a, b]; (c, d]>"` and `timestamp(s)` (points).
 *
 * Waves, in order of precedence:
 * 1. an edge attribute titled `wave`: each of an edge's values is a tie in that wave. A dynamic value
 *    (an `<attvalue>` with a time) dates its wave by its start; a static one by the edge's first spell.
 *    This is what our GEXF export writes.
 * 2. otherwise, when edges have time: each distinct spell start is a wave (id = the start as
 *    written, dated when it is a date), and an edge is a tie in every wave whose time lies inside
 *    one of its spells (an edge without time is in every wave).
 * 3. otherwise one wave (`graph-records.ts`).
 * A tie's attributes are their values at its wave's time (a dynamic value whose interval contains
 * it, else the static value, else the declared default); a node's are its static values, else the
 * latest dynamic ones. The XML `weight` of an edge and a dynamic attribute titled `weight` (Gephi's
 * dynamic weight) are the tie's `weight`, which `graph-records.ts` may read as the level.
 *
 * Dataset info: the name is Gephi's `<meta><title>`, else the first line of `<description>` (the
 * rest is the description; our export writes it so), else NetworkX's `<graph name>`; the keyword
 * `synthetic` in `<keywords>` marks synthetic data.
 * Not supported, reported as such: hierarchical graphs (nodes inside nodes).
 * Safety (`xml-reader.ts`): DTDs and entity declarations refused before parsing, value length and
 * node/edge count limits. Pure: takes the file's text.
 */
import type { DatasetInfo, Dataset } from '../types.js';
import { DEFAULT_DATASET_NAME, toIsoDate } from './csv-bundle-reader.js';
import { IssueList, MAX_ROWS_PER_FILE, formatCount, type RecordColumn } from './csv-rows.js';
import { datasetFromGraph, type GraphNodeRecord, type GraphTieRecord } from './graph-records.js';
import { graphValidationError } from './graphml-reader.js';
import { XmlStop, readXml, type XmlElement } from './xml-reader.js';

/** A point in the graph's time. */
interface Time {
  value: number;
  /** As written in the file. */
  text: string;
  /** YYYY-MM-DD when the time is a date or date-time. */
  date: string | undefined;
}

interface Interval {
  start: Time | undefined;
  end: Time | undefined;
  startOpen: boolean;
  endOpen: boolean;
}

interface AttValue {
  value: string;
  /** Undefined for a static value. */
  interval: Interval | undefined;
}

interface Declared {
  id: string;
  title: string;
  line: number;
  default: string | undefined;
}

interface RawElement {
  id: string;
  line: number;
  label: string | undefined;
  source: string;
  target: string;
  weight: string | undefined;
  intervals: Interval[];
  values: Map<string, AttValue[]>;
}

function contains(interval: Interval, time: Time): boolean {
  const { start, end } = interval;
  const afterStart =
    start === undefined || time.value > start.value || (time.value === start.value && !interval.startOpen);
  const beforeEnd =
    end === undefined || time.value < end.value || (time.value === end.value && !interval.endOpen);
  return afterStart && beforeEnd;
}

/** The value of one attribute at `time` (or, without a time, its static or latest value). */
function resolve(values: readonly AttValue[] | undefined, time: Time | undefined): string | undefined {
  if (values === undefined) return undefined;
  let fixed: string | undefined;
  let dynamic: AttValue | undefined;
  for (const entry of values) {
    if (entry.interval === undefined) fixed = entry.value;
    else if (time !== undefined ? contains(entry.interval, time) : true) {
      const latest =
        dynamic === undefined ||
        time !== undefined ||
        (entry.interval.start?.value ?? -Infinity) >= (dynamic.interval?.start?.value ?? -Infinity);
      if (latest) dynamic = entry;
    }
  }
  if (time !== undefined) return dynamic?.value ?? fixed;
  return fixed ?? dynamic?.value;
}

/**
 * Parses GEXF text into a validated dataset.
 * @param file the file's name, used in every issue
 * @param defaultName dataset name when `<meta>` has no description; default "Untitled dataset"
 * @throws ValidationError listing every problem (file, line, reason)
 */
export function parseGexf(file: string, text: string, defaultName: string = DEFAULT_DATASET_NAME): Dataset {
  const issues = new IssueList();
  const declared = { node: new Map<string, Declared>(), edge: new Map<string, Declared>() };
  const nodes: RawElement[] = [];
  const edges: RawElement[] = [];
  const meta = new Map<string, string>();
  let timeformat = 'double';
  let graphName = '';
  let root: string | undefined;
  let attributeClass: 'node' | 'edge' | undefined;
  let attribute: Declared | undefined;
  let current: RawElement | undefined;

  const stop = (element: XmlElement, reason: string): never => {
    throw new XmlStop({ file, line: element.line, reason });
  };

  const parseTime = (element: XmlElement, name: string, raw: string): Time | undefined => {
    const text = raw.trim();
    const asDate = (): Time | undefined => {
      const iso = toIsoDate(text);
      if (iso !== undefined)
        return { value: Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8)), text, date: iso };
      const value = Date.parse(text);
      if (Number.isNaN(value)) return undefined;
      return { value, text, date: toIsoDate(text.slice(0, 10)) };
    };
    const dated = timeformat === 'date' || timeformat === 'datetime';
    const number = Number(text);
    const time =
      !dated && text !== '' && Number.isFinite(number) ? { value: number, text, date: undefined } : asDate();
    if (time === undefined) {
      issues.add({
        file,
        line: element.line,
        column: name,
        reason: `${name} ${JSON.stringify(raw)} is not a ${dated ? 'date' : 'number or date'} (timeformat="${timeformat}")`,
      });
    }
    return time;
  };

  /** The interval of an element's start/end (or startopen/endopen, or timestamp) attributes. */
  const intervalOf = (element: XmlElement): Interval | undefined => {
    const get = (name: string) => element.attributes.get(name);
    const timestamp = get('timestamp');
    if (timestamp !== undefined) {
      const time = parseTime(element, 'timestamp', timestamp);
      return time === undefined ? undefined : { start: time, end: time, startOpen: false, endOpen: false };
    }
    const startText = get('start') ?? get('startopen');
    const endText = get('end') ?? get('endopen');
    if (startText === undefined && endText === undefined) return undefined;
    return {
      start: startText === undefined ? undefined : parseTime(element, 'start', startText),
      end: endText === undefined ? undefined : parseTime(element, 'end', endText),
      startOpen: get('start') === undefined && get('startopen') !== undefined,
      endOpen: get('end') === undefined && get('endopen') !== undefined,
    };
  };

  /** GEXF 1.3 `intervals="<[a, b]; (c, d]>"` and `timestamps="<[a, b, c]>"`. */
  const listedIntervals = (element: XmlElement): Interval[] => {
    const list: Interval[] = [];
    const intervals = element.attributes.get('intervals');
    if (intervals !== undefined) {
      for (const match of intervals.matchAll(/([[(])\s*([^,;\])]+?)\s*[,;]\s*([^\])]+?)\s*([\])])/g)) {
        const start = parseTime(element, 'intervals', match[2] ?? '');
        const end = parseTime(element, 'intervals', match[3] ?? '');
        if (start !== undefined && end !== undefined) {
          list.push({ start, end, startOpen: match[1] === '(', endOpen: match[4] === ')' });
        }
      }
    }
    const timestamps = element.attributes.get('timestamps');
    if (timestamps !== undefined) {
      for (const part of timestamps.replace(/[<>[\]]/g, '').split(/[,;]/)) {
        if (part.trim() === '') continue;
        const time = parseTime(element, 'timestamps', part);
        if (time !== undefined) list.push({ start: time, end: time, startOpen: false, endOpen: false });
      }
    }
    return list;
  };

  const fatal = readXml(file, text, {
    open(element, parents) {
      if (parents.length === 0) {
        root = element.local;
        if (element.local !== 'gexf') {
          stop(element, `this is not a GEXF file: its root element is <${element.name}>, not <gexf>`);
        }
        return;
      }
      if (element.prefix !== '') return;
      const get = (name: string) => element.attributes.get(name);
      const parent = parents.at(-1)?.local;
      switch (element.local) {
        case 'graph':
          timeformat = (get('timeformat') ?? 'double').toLowerCase();
          graphName = (get('name') ?? '').normalize('NFC').trim();
          break;
        case 'attributes': {
          const cls = get('class');
          attributeClass = cls === 'node' || cls === 'edge' ? cls : undefined;
          break;
        }
        case 'attribute':
          if (attributeClass !== undefined) {
            attribute = {
              id: get('id') ?? '',
              title: (get('title') ?? get('id') ?? '').normalize('NFC').trim(),
              line: element.line,
              default: undefined,
            };
          }
          break;
        case 'node':
        case 'edge': {
          if (element.local === 'node' && parents.some((p) => p.local === 'node')) {
            stop(
              element,
              'hierarchical GEXF (nodes inside nodes) is not supported; Köprü reads a flat graph',
            );
          }
          const list = element.local === 'node' ? nodes : edges;
          if (list.length >= MAX_ROWS_PER_FILE) {
            stop(
              element,
              `the file has more than ${formatCount(MAX_ROWS_PER_FILE)} ${element.local}s, the most Köprü reads`,
            );
          }
          const interval = intervalOf(element);
          current = {
            id: (get('id') ?? '').normalize('NFC').trim(),
            line: element.line,
            label: get('label'),
            source: (get('source') ?? '').normalize('NFC').trim(),
            target: (get('target') ?? '').normalize('NFC').trim(),
            weight: get('weight'),
            intervals: [...(interval === undefined ? [] : [interval]), ...listedIntervals(element)],
            values: new Map(),
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
        case 'attvalue': {
          if (current === undefined) break;
          const key = get('for') ?? get('id') ?? '';
          const entry: AttValue = { value: get('value') ?? '', interval: intervalOf(element) };
          const list = current.values.get(key);
          if (list === undefined) current.values.set(key, [entry]);
          else list.push(entry);
          break;
        }
        case 'spell':
          if (current !== undefined && parent === 'spells') {
            const interval = intervalOf(element);
            if (interval !== undefined) current.intervals.push(interval);
          }
          break;
        default:
          break;
      }
    },
    close(element, value, parents) {
      if (element.prefix !== '') return;
      const parent = parents.at(-1)?.local;
      if (parent === 'meta') meta.set(element.local, value.normalize('NFC').trim());
      else if (element.local === 'default' && parent === 'attribute' && attribute !== undefined) {
        attribute.default = value;
      } else if (element.local === 'attribute' && attribute !== undefined && attributeClass !== undefined) {
        const map = declared[attributeClass];
        if (map.has(attribute.id)) {
          issues.add({
            file,
            line: attribute.line,
            reason: `attribute id "${attribute.id}" is declared more than once`,
          });
        }
        map.set(attribute.id, attribute);
        attribute = undefined;
      } else if (element.local === 'attributes') {
        attributeClass = undefined;
      } else if (element.local === 'node' || element.local === 'edge') {
        current = undefined;
      }
    },
  });
  if (fatal !== undefined) issues.add(fatal);
  if (fatal === undefined && root === undefined) issues.add({ file, reason: 'the file is empty' });

  // Gephi writes <title> (not in the 1.3 schema); our export and others put the name on the first
  // line of <description>; NetworkX writes <graph name="…">.
  const title = meta.get('title') ?? '';
  const [firstLine = '', ...rest] = (meta.get('description') ?? '').split('\n');
  const name = title !== '' ? title : firstLine.trim() !== '' ? firstLine.trim() : graphName;
  const description = (title !== '' ? (meta.get('description') ?? '') : rest.join('\n')).trim();
  const info: DatasetInfo = {
    name: name === '' ? defaultName : name,
    synthetic: /(^|[\s,;])synthetic($|[\s,;])/i.test(meta.get('keywords') ?? ''),
    ...(description === '' ? {} : { description }),
  };

  const checkFor = (element: RawElement, cls: 'node' | 'edge') => {
    for (const key of element.values.keys()) {
      if (!declared[cls].has(key)) {
        issues.add({
          file,
          line: element.line,
          reason: `<attvalue for="${key}"> names no declared ${cls} attribute`,
        });
      }
    }
  };

  // Nodes: static values, else the latest dynamic ones, else the defaults.
  const nodeRecords: GraphNodeRecord[] = nodes.map((node) => {
    checkFor(node, 'node');
    const attributes = new Map<string, string>();
    for (const [id, attr] of declared.node) {
      const value = resolve(node.values.get(id), undefined) ?? attr.default;
      if (value !== undefined) attributes.set(attr.title, value);
    }
    return { line: node.line, id: node.id, label: node.label, attributes };
  });

  const edgeColumns: RecordColumn[] = [...declared.edge.values()].map((a) => ({
    name: a.title,
    line: a.line,
  }));
  const titles = new Set(edgeColumns.map((column) => column.name));
  const waveAttribute = [...declared.edge.values()].find((a) => a.title === 'wave');
  const hasLabels = edges.some((edge) => (edge.label ?? '').trim() !== '');
  if (hasLabels && !titles.has('label')) edgeColumns.push({ name: 'label' });
  if (edges.some((edge) => edge.weight !== undefined) && !titles.has('weight'))
    edgeColumns.push({ name: 'weight' });

  const attributesAt = (edge: RawElement, time: Time | undefined): Map<string, string> => {
    const attributes = new Map<string, string>();
    if (hasLabels) attributes.set('label', edge.label ?? '');
    if (edge.weight !== undefined) attributes.set('weight', edge.weight);
    for (const [id, attr] of declared.edge) {
      const value = resolve(edge.values.get(id), time) ?? attr.default;
      if (value !== undefined) attributes.set(attr.title, value);
    }
    return attributes;
  };
  const firstStart = (edge: RawElement): Time | undefined =>
    edge.intervals
      .map((interval) => interval.start)
      .filter((time) => time !== undefined)
      .sort((a, b) => a.value - b.value)[0];

  const ties: GraphTieRecord[] = [];
  const tie = (edge: RawElement, time: Time | undefined, wave?: string) => {
    const attributes = attributesAt(edge, time);
    if (wave !== undefined) attributes.set('wave', wave);
    ties.push({
      line: edge.line,
      source: edge.source,
      target: edge.target,
      attributes,
      waveDate: time?.date,
      waveTime: time?.value,
    });
  };

  const spellStarts = new Map<number, Time>();
  for (const edge of edges) {
    for (const interval of edge.intervals) {
      if (interval.start !== undefined && !spellStarts.has(interval.start.value)) {
        spellStarts.set(interval.start.value, interval.start);
      }
    }
  }
  const times = [...spellStarts.values()].sort((a, b) => a.value - b.value);

  for (const edge of edges) {
    checkFor(edge, 'edge');
    if (waveAttribute !== undefined) {
      const values = edge.values.get(waveAttribute.id) ?? [];
      const dynamic = values.filter((entry) => entry.interval !== undefined);
      if (dynamic.length > 0) {
        for (const entry of dynamic) tie(edge, entry.interval?.start ?? firstStart(edge), entry.value);
      } else {
        tie(edge, firstStart(edge), resolve(values, undefined) ?? waveAttribute.default ?? '');
      }
    } else if (times.length > 0) {
      for (const time of times) {
        if (edge.intervals.length === 0 || edge.intervals.some((interval) => contains(interval, time))) {
          tie(edge, time, time.text);
        }
      }
    } else {
      tie(edge, undefined);
    }
  }
  if (waveAttribute === undefined && times.length > 0) edgeColumns.push({ name: 'wave' });

  const dataset = datasetFromGraph(
    {
      file,
      info,
      nodeAttributes: [...declared.node.values()].map((a) => ({ name: a.title, line: a.line })),
      edgeAttributes: edgeColumns,
      nodes: nodeRecords,
      ties,
      complete: fatal === undefined,
    },
    issues,
  );
  if (issues.count > 0) throw graphValidationError(file, issues);
  return dataset;
}
