/**
 * Neo4j values → plain domain values, at the edge, so the domain and the client never see driver
 * types. Integers already arrive as numbers (the driver is created with disableLosslessIntegers).
 */
import type { Attendance, Organization, ProjectEvent, SurveyResponse, Tie, Wave } from '../domain/types.js';

type Row = Record<string, unknown>;

function str(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function parseExtra(value: unknown): Record<string, string> {
  if (typeof value !== 'string' || value === '') return {};
  const parsed: unknown = JSON.parse(value);
  return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
}

/** Copies only defined optional fields (exactOptionalPropertyTypes forbids explicit undefined). */
function withOptional<T extends object>(base: T, optional: Record<string, unknown>): T {
  const out = Object.assign({}, base) as Record<string, unknown>;
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) out[key] = value;
  return out as T;
}

export function toOrganization(row: Row): Organization {
  return withOptional<Organization>(
    {
      id: String(row.id),
      name: String(row.name),
      kind: row.kind === 'institution' ? 'institution' : 'ngo',
      focus: Array.isArray(row.focus) ? row.focus.map(String) : [],
      extra: parseExtra(row.extra),
    },
    {
      type: str(row.type),
      city: str(row.city),
      district: str(row.district),
      refugeeLed: typeof row.refugeeLed === 'boolean' ? row.refugeeLed : undefined,
      founded: str(row.founded),
    },
  );
}

export function toWave(row: Row): Wave {
  return withOptional<Wave>(
    { id: String(row.id), label: String(row.label ?? row.id), date: str(row.date) ?? '' },
    { description: str(row.description) },
  );
}

export function toEvent(row: Row): ProjectEvent {
  return withOptional<ProjectEvent>(
    { id: String(row.id), name: String(row.name), date: String(row.date) },
    { type: str(row.type), endDate: str(row.endDate), city: str(row.city) },
  );
}

export function toTie(row: Row): Tie {
  return {
    source: String(row.source),
    target: String(row.target),
    wave: String(row.wave),
    level: Number(row.level ?? 1),
    extra: parseExtra(row.extra),
  };
}

export function toAttendance(row: Row): Attendance {
  return { organization: String(row.organization), event: String(row.event) };
}

export function toResponse(row: Row): SurveyResponse {
  return {
    organization: String(row.organization),
    wave: String(row.wave),
    status: row.status === 'missing' ? 'missing' : 'responded',
  };
}
