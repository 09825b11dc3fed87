/**
 * What importing a dataset would change against the current one: records added, changed, removed
 * (removed only when the import replaces the dataset) and unchanged, per kind of record. Used by
 * `import --dry-run`, by the import itself (an import that changes nothing writes nothing), and by
 * the upload preview.
 */
import type { Dataset } from '../types.js';

export interface RecordChanges {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface DatasetChanges {
  info: boolean;
  organizations: RecordChanges;
  waves: RecordChanges;
  events: RecordChanges;
  ties: RecordChanges;
  attendance: RecordChanges;
  responses: RecordChanges;
}

export const RECORD_KINDS = ['organizations', 'waves', 'events', 'ties', 'attendance', 'responses'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

type Keyed = Map<string, string>;

/** Record key → canonical JSON of its content, so equality is one string comparison. */
function keyed<T>(records: T[], key: (record: T) => string, content: (record: T) => unknown): Keyed {
  return new Map(records.map((record) => [key(record), JSON.stringify(content(record))]));
}

function sortedEntries(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Keyed views of every record kind; exported for the import, which writes only what changed. */
export function keyedRecords(dataset: Dataset): Record<RecordKind, Keyed> {
  return {
    organizations: keyed(
      dataset.organizations,
      (o) => o.id,
      (o) => [
        o.name,
        o.kind,
        o.type ?? null,
        o.city ?? null,
        o.district ?? null,
        o.focus,
        o.refugeeLed ?? null,
        o.founded ?? null,
        sortedEntries(o.extra),
      ],
    ),
    waves: keyed(
      dataset.waves,
      (w) => w.id,
      (w) => [w.label, w.date, w.description ?? null],
    ),
    events: keyed(
      dataset.events,
      (e) => e.id,
      (e) => [e.name, e.type ?? null, e.date, e.endDate ?? null, e.city ?? null],
    ),
    ties: keyed(
      dataset.ties,
      (t) => `${t.source}\u0000${t.target}\u0000${t.wave}`,
      (t) => [t.level, sortedEntries(t.extra)],
    ),
    attendance: keyed(
      dataset.attendance,
      (a) => `${a.organization}\u0000${a.event}`,
      () => 1,
    ),
    responses: keyed(
      dataset.responses,
      (r) => `${r.organization}\u0000${r.wave}`,
      (r) => r.status,
    ),
  };
}

function diffKeyed(current: Keyed, next: Keyed, replace: boolean): RecordChanges {
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  for (const [key, content] of next) {
    const before = current.get(key);
    if (before === undefined) added += 1;
    else if (before === content) unchanged += 1;
    else changed += 1;
  }
  let removed = 0;
  if (replace) for (const key of current.keys()) if (!next.has(key)) removed += 1;
  return { added, changed, removed, unchanged };
}

/**
 * Compares `next` with `current` (null when the database holds no dataset). Without `replace`, an
 * import adds and updates but never removes, so `removed` is always 0.
 */
export function diffDatasets(current: Dataset | null, next: Dataset, replace: boolean): DatasetChanges {
  const empty: Record<RecordKind, Keyed> = {
    organizations: new Map(),
    waves: new Map(),
    events: new Map(),
    ties: new Map(),
    attendance: new Map(),
    responses: new Map(),
  };
  const before = current ? keyedRecords(current) : empty;
  const after = keyedRecords(next);
  const info =
    current === null ||
    current.info.name !== next.info.name ||
    current.info.synthetic !== next.info.synthetic ||
    (current.info.description ?? null) !== (next.info.description ?? null);
  return {
    info,
    organizations: diffKeyed(before.organizations, after.organizations, replace),
    waves: diffKeyed(before.waves, after.waves, replace),
    events: diffKeyed(before.events, after.events, replace),
    ties: diffKeyed(before.ties, after.ties, replace),
    attendance: diffKeyed(before.attendance, after.attendance, replace),
    responses: diffKeyed(before.responses, after.responses, replace),
  };
}

export function hasChanges(changes: DatasetChanges): boolean {
  return (
    changes.info ||
    RECORD_KINDS.some((kind) => changes[kind].added + changes[kind].changed + changes[kind].removed > 0)
  );
}
