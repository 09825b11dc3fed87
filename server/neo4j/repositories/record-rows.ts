/**
 * Domain records as the parameter rows of the write statements (cypher/queries/{organizations,waves,
 * events}/merge.cypher and staging/*.cypher): one shape for the in-memory import and the streamed one,
 * so both write the same properties.
 */
import { foldForSearch } from '../../domain/text/fold.js';
import type { Organization, ProjectEvent, Wave } from '../../domain/types.js';

/** Extra columns as one JSON property (Neo4j properties cannot be maps); null when there are none. */
export function extraJson(record: Record<string, string>): string | null {
  return Object.keys(record).length === 0 ? null : JSON.stringify(record);
}

export function organizationRow(o: Organization) {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    type: o.type ?? null,
    city: o.city ?? null,
    district: o.district ?? null,
    focus: o.focus,
    refugeeLed: o.refugeeLed ?? null,
    founded: o.founded ?? null,
    extra: extraJson(o.extra),
    // Folded copies for accent- and İ/ı-insensitive search.
    searchName: foldForSearch(o.name),
    searchCity: o.city === undefined ? null : foldForSearch(o.city),
  };
}

/** `position` keeps the waves in the order the bundle lists them. */
export function waveRow(w: Wave, position: number) {
  return { id: w.id, label: w.label, date: w.date, description: w.description ?? null, position };
}

export function eventRow(e: ProjectEvent) {
  return {
    id: e.id,
    name: e.name,
    type: e.type ?? null,
    date: e.date,
    endDate: e.endDate ?? null,
    city: e.city ?? null,
  };
}
