/**
 * Organization look-ups that the database answers directly: filtered search (Turkish-aware, on the
 * folded `searchName` written at import) and one organization with its ties and events.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { foldForSearch } from '../../domain/text/fold.js';
import { cypher } from '../cypher.js';
import { INTERACTIVE_DEADLINE_MS, withNeo4jErrors } from '../errors.js';
import { toOrganization } from '../mappers.js';

export interface OrganizationFilter {
  kind?: string | undefined;
  city?: string | undefined;
  q?: string | undefined;
  limit: number;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: string;
  type: string | null;
  city: string | null;
  district: string | null;
  focus: string[];
}

export interface OrganizationTie {
  wave: string;
  /** `reported`: this organization named the partner; `received`: the partner named it. */
  direction: 'reported' | 'received';
  partner: string;
  partnerName: string;
  partnerKind: string;
  level: number;
}

export interface OrganizationEvent {
  id: string;
  name: string;
  type: string | null;
  date: string;
  endDate: string | null;
  city: string | null;
}

export class OrganizationRepository {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  async search(filter: OrganizationFilter): Promise<OrganizationSummary[]> {
    return withNeo4jErrors(async () => {
      const q = filter.q === undefined ? '' : foldForSearch(filter.q);
      const { records } = await this.driver.executeQuery(
        cypher('organizations/search'),
        {
          kind: filter.kind ?? null,
          city: filter.city === undefined ? null : foldForSearch(filter.city),
          q: q === '' ? null : q,
          // LIMIT needs an integer; plain JS numbers travel as floats.
          limit: neo4j.int(filter.limit),
        },
        { database: this.database, routing: 'READ' },
      );
      return records.map((record) => {
        const row = record.toObject();
        return {
          id: String(row.id),
          name: String(row.name),
          kind: String(row.kind),
          type: (row.type as string | null) ?? null,
          city: (row.city as string | null) ?? null,
          district: (row.district as string | null) ?? null,
          focus: Array.isArray(row.focus) ? row.focus.map(String) : [],
        };
      });
    }, INTERACTIVE_DEADLINE_MS);
  }

  async get(id: string) {
    return withNeo4jErrors(async () => {
      const { records } = await this.driver.executeQuery(
        cypher('organizations/get-one'),
        { id },
        { database: this.database, routing: 'READ' },
      );
      const row = records[0]?.toObject();
      if (!row) return null;
      const organization = toOrganization(row.organization as Record<string, unknown>);
      const ties = (row.ties as OrganizationTie[]).map((t) => ({ ...t, level: Number(t.level) }));
      const wavesSeen = [...new Set(ties.map((t) => t.wave))];
      return {
        ...organization,
        tiesByWave: Object.fromEntries(wavesSeen.map((wave) => [wave, ties.filter((t) => t.wave === wave)])),
        events: (row.events as OrganizationEvent[]).map((e) => ({
          ...e,
          endDate: e.endDate ?? null,
        })),
      };
    }, INTERACTIVE_DEADLINE_MS);
  }
}
