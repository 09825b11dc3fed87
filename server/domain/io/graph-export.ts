/**
 * What the graph writers (GEXF, GraphML, Pajek, UCINET DL) share: the organization attributes as
 * named columns (the CSV bundle's names, so `graph-records.ts` reads them back), the ties grouped by
 * ordered pair, and the wave time spans of the GEXF timeline.
 */
import type { Dataset, Organization, Tie, Wave } from '../types.js';

export interface AttributeColumn {
  /** The bundle's column name: `kind`, `refugee_led`, or an extra attribute's name. */
  name: string;
  type: 'string' | 'boolean';
}

const STANDARD: readonly {
  name: string;
  type: AttributeColumn['type'];
  get: (o: Organization) => string | undefined;
}[] = [
  { name: 'kind', type: 'string', get: (o) => o.kind },
  { name: 'type', type: 'string', get: (o) => o.type },
  { name: 'city', type: 'string', get: (o) => o.city },
  { name: 'district', type: 'string', get: (o) => o.district },
  { name: 'focus', type: 'string', get: (o) => (o.focus.length === 0 ? undefined : o.focus.join(';')) },
  {
    name: 'refugee_led',
    type: 'boolean',
    get: (o) => (o.refugeeLed === undefined ? undefined : String(o.refugeeLed)),
  },
  { name: 'founded', type: 'string', get: (o) => o.founded },
];

/** Names a graph file uses for its own purposes; an extra attribute of that name is not written. */
const RESERVED_NODE_NAMES = new Set(['id', 'name', 'label', 'refugeeLed']);

/**
 * The organization attribute columns worth writing: `kind` always, the other standard ones when
 * some organization has a value, then the extra attributes in order of first appearance.
 */
export function organizationColumns(dataset: Dataset): AttributeColumn[] {
  const columns: AttributeColumn[] = STANDARD.filter(
    (column) => column.name === 'kind' || dataset.organizations.some((o) => column.get(o) !== undefined),
  ).map(({ name, type }) => ({ name, type }));
  const seen = new Set([...STANDARD.map((column) => column.name), ...RESERVED_NODE_NAMES]);
  for (const organization of dataset.organizations) {
    for (const key of Object.keys(organization.extra)) {
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push({ name: key, type: 'string' });
    }
  }
  return columns;
}

/** The value of `column` for `organization`, undefined when it has none. */
export function organizationValue(organization: Organization, column: string): string | undefined {
  const standard = STANDARD.find((entry) => entry.name === column);
  if (standard !== undefined) return standard.get(organization);
  return Object.hasOwn(organization.extra, column) ? organization.extra[column] : undefined;
}

/** Names a tie attribute may not have in a graph file, since they carry the wave and level. */
const RESERVED_TIE_NAMES = new Set([
  'source',
  'target',
  'wave',
  'wave_label',
  'wave_date',
  'level',
  'weight',
  'id',
]);

/** Extra tie attribute names in order of first appearance, reserved names left out. */
export function tieColumns(dataset: Dataset): string[] {
  const columns: string[] = [];
  const seen = new Set(RESERVED_TIE_NAMES);
  for (const tie of dataset.ties) {
    for (const key of Object.keys(tie.extra)) {
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push(key);
    }
  }
  return columns;
}

/** Ties grouped by ordered pair (source → target), pairs in order of first appearance. */
export function tiesByPair(ties: readonly Tie[]): Tie[][] {
  const groups = new Map<string, Tie[]>();
  for (const tie of ties) {
    const key = `${tie.source}\u0000${tie.target}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [tie]);
    else group.push(tie);
  }
  return [...groups.values()];
}

/** A wave's place on the GEXF timeline. */
export interface WaveSpan {
  start: string;
  end: string;
}

function dayBefore(date: string): string {
  const time = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8)) - 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The timeline of the waves: with every wave dated and the dates strictly increasing, wave i lasts
 * from its date to the day before the next wave's (the last wave: its date only), timeformat
 * `date`; otherwise wave i is the integer i (1-based), timeformat `integer`.
 */
export function waveSpans(waves: readonly Wave[]): {
  timeformat: 'date' | 'integer';
  spans: Map<string, WaveSpan>;
} {
  const dated = waves.every(
    (wave, index) => wave.date !== '' && (index === 0 || (waves[index - 1]?.date ?? '') < wave.date),
  );
  const spans = new Map<string, WaveSpan>();
  waves.forEach((wave, index) => {
    if (!dated) {
      spans.set(wave.id, { start: String(index + 1), end: String(index + 1) });
      return;
    }
    const next = waves[index + 1];
    spans.set(wave.id, { start: wave.date, end: next === undefined ? wave.date : dayBefore(next.date) });
  });
  return { timeformat: dated ? 'date' : 'integer', spans };
}
