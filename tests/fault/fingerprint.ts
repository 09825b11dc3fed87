/**
 * What the database holds, read straight from Neo4j through the documented data model (README,
 * "Data model"): counts per kind and per wave, a SHA-256 over every record's identity and content,
 * and the (:Dataset) version and (:Import) records. It depends on nothing inside the import code,
 * so it judges whatever implementation of the import is in place (one transaction or staged).
 *
 * Two fingerprints with the same `checksum` hold the same data. The metric properties written back
 * by an import are counted per property name (not by value), so a half-written write-back shows.
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

export interface ImportRecord {
  id: string;
  source: string | null;
  datasetVersion: number | null;
}

export interface Fingerprint {
  counts: Record<string, number>;
  checksum: string;
  datasetVersion: number | null;
  datasetName: string | null;
  /** Import records that claim data (those with a dataset version), oldest first. */
  imports: ImportRecord[];
}

// Plain strings, never interpolated: the checker's own read-only queries.
const QUERIES = {
  organizations:
    'MATCH (o:Organization) RETURN o.id AS k, [o.name, o.kind, o.city, o.focus] AS v, ' +
    '[key IN keys(o) WHERE key CONTAINS "_" | key] AS metricKeys ORDER BY k',
  waves: 'MATCH (w:Wave) RETURN w.id AS k, [w.label, toString(w.date)] AS v ORDER BY k',
  events: 'MATCH (e:Event) RETURN e.id AS k, [e.name, toString(e.date)] AS v ORDER BY k',
  ties:
    'MATCH (a:Organization)-[r:COOPERATES_WITH]->(b:Organization) ' +
    'RETURN a.id + ">" + b.id + "@" + r.wave AS k, [r.wave, r.level] AS v ORDER BY k',
  attendance:
    'MATCH (o:Organization)-[:ATTENDED]->(e:Event) RETURN o.id + ">" + e.id AS k, [] AS v ORDER BY k',
  responses:
    'MATCH (o:Organization)-[r:RESPONDED]->(w:Wave) RETURN o.id + "@" + w.id AS k, [r.status] AS v ORDER BY k',
  dataset: "MATCH (d:Dataset {id: 'current'}) RETURN d.version AS version, d.name AS name",
  imports:
    'MATCH (i:Import) WHERE i.datasetVersion IS NOT NULL ' +
    'RETURN i.id AS id, i.source AS source, i.datasetVersion AS version ORDER BY i.at, i.datasetVersion',
} as const;

function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : Number(String(value));
}

export async function readFingerprint(driver: Driver, database: string): Promise<Fingerprint> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    // One read transaction: a consistent snapshot even if something commits meanwhile.
    return await session.executeRead(async (tx) => {
      const hash = createHash('sha256');
      const counts: Record<string, number> = {};
      for (const kind of ['organizations', 'waves', 'events', 'ties', 'attendance', 'responses'] as const) {
        const { records } = await tx.run(QUERIES[kind]);
        counts[kind] = records.length;
        hash.update(`\u0001${kind}`);
        for (const record of records) {
          hash.update(`\u0002${String(record.get('k'))}\u0003${JSON.stringify(record.get('v'))}`);
          if (kind === 'ties') {
            const wave = `ties:${String((record.get('v') as unknown[])[0])}`;
            counts[wave] = (counts[wave] ?? 0) + 1;
          }
          if (kind === 'organizations') {
            for (const key of record.get('metricKeys') as string[]) {
              counts[`metric:${key}`] = (counts[`metric:${key}`] ?? 0) + 1;
            }
          }
        }
      }
      for (const key of Object.keys(counts)
        .filter((k) => k.startsWith('metric:'))
        .sort()) {
        hash.update(`\u0004${key}=${counts[key]}`);
      }
      const [dataset] = (await tx.run(QUERIES.dataset)).records;
      const datasetName = dataset ? String(dataset.get('name')) : null;
      hash.update(`\u0005${datasetName ?? ''}`);
      const imports = (await tx.run(QUERIES.imports)).records.map((r) => ({
        id: String(r.get('id')),
        source: r.get('source') === null ? null : String(r.get('source')),
        datasetVersion: num(r.get('version')),
      }));
      return {
        counts,
        checksum: hash.digest('hex').slice(0, 16),
        datasetVersion: dataset ? num(dataset.get('version')) : null,
        datasetName,
        imports,
      };
    });
  } finally {
    await session.close();
  }
}

export type TrialState = 'before' | 'after' | 'partial';

export interface Verdict {
  state: TrialState;
  /** Empty when the database is consistent with one of the two states and its import records. */
  problems: string[];
}

/**
 * Judges what is in the database after an interrupted import. `before` is the database before the
 * import started; `expectedAfter` the data a completed import gives (from a reference run on the
 * same starting data). Consistent means: the data is exactly one of the two, and the import records
 * say so — unchanged for `before`; exactly one new record, carrying the dataset's new version, for
 * `after`.
 */
export function judge(before: Fingerprint, expectedAfter: Fingerprint, observed: Fingerprint): Verdict {
  const problems: string[] = [];
  let state: TrialState;
  if (observed.checksum === before.checksum) state = 'before';
  else if (observed.checksum === expectedAfter.checksum) state = 'after';
  else {
    state = 'partial';
    const diffs = Object.keys({ ...before.counts, ...expectedAfter.counts, ...observed.counts })
      .filter(
        (k) => observed.counts[k] !== before.counts[k] || observed.counts[k] !== expectedAfter.counts[k],
      )
      .map(
        (k) =>
          `${k}: ${observed.counts[k] ?? 0} (before ${before.counts[k] ?? 0}, after ${expectedAfter.counts[k] ?? 0})`,
      );
    problems.push(
      `data is neither the previous state nor the complete import: ${diffs.join('; ') || 'same counts, other content'}`,
    );
  }
  const beforeIds = before.imports.map((i) => i.id);
  const observedIds = observed.imports.map((i) => i.id);
  const added = observed.imports.filter((i) => !beforeIds.includes(i.id));
  const lost = beforeIds.filter((id) => !observedIds.includes(id));
  if (lost.length > 0) problems.push(`import records vanished: ${lost.join(', ')}`);
  if (state === 'before') {
    if (added.length > 0) problems.push(`${added.length} import record(s) claim data that is absent`);
    if (observed.datasetVersion !== before.datasetVersion) {
      problems.push(
        `dataset version moved from ${before.datasetVersion} to ${observed.datasetVersion} without data`,
      );
    }
  }
  if (state === 'after') {
    const expectedVersion = (before.datasetVersion ?? 0) + 1;
    if (added.length !== 1) problems.push(`${added.length} new import records for one import (expected 1)`);
    if (observed.datasetVersion !== expectedVersion) {
      problems.push(`dataset version ${observed.datasetVersion}, expected ${expectedVersion}`);
    }
    if (added.length === 1 && added[0]!.datasetVersion !== observed.datasetVersion) {
      problems.push(
        `the new import record names version ${added[0]!.datasetVersion}, the dataset is at ${observed.datasetVersion}`,
      );
    }
  }
  return { state, problems };
}
