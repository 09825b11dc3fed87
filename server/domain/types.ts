/**
 * Domain records: the plain shape every adapter (CSV bundle, Neo4j, GEXF, …) produces and every
 * analysis consumes. Mirrors the CSV bundle of DATA-FORMAT.md §1; field names are camelCase here,
 * the files keep their snake_case column names.
 */

export const ORGANIZATION_KINDS = ['ngo', 'institution'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ANALYSIS_MODES = ['undirected', 'directed', 'reciprocated'] as const;
export type AnalysisMode = (typeof ANALYSIS_MODES)[number];

/** A text in every language of the interface. */
export interface LocalizedText {
  en: string;
  tr: string;
}

export const RESPONSE_STATUSES = ['responded', 'missing'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** Tie level: 1 information sharing, 2 cooperation, 3 coordination, 4 integrated partnership. */
export const MIN_LEVEL = 1;
export const MAX_LEVEL = 4;

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  /** Institution type (e.g. `municipality`) or NGO type; free text. */
  type?: string;
  city?: string;
  district?: string;
  /** NGO focus areas (the `;`-separated `focus` column). Empty when not given. */
  focus: string[];
  refugeeLed?: boolean;
  founded?: string;
  /** Unknown extra columns, kept as strings. */
  extra: Record<string, string>;
}

export interface Wave {
  id: string;
  label: string;
  /** ISO date, YYYY-MM-DD; '' when the bundle has no waves.csv (waves then keep their order of first appearance). */
  date: string;
  description?: string;
}

export interface Tie {
  source: string;
  target: string;
  wave: string;
  /** Integer 1–4. */
  level: number;
  extra: Record<string, string>;
}

export interface ProjectEvent {
  id: string;
  name: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  endDate?: string;
  type?: string;
  city?: string;
}

export interface Attendance {
  organization: string;
  event: string;
}

export interface SurveyResponse {
  organization: string;
  wave: string;
  status: ResponseStatus;
}

export interface DatasetInfo {
  name: string;
  /** True for generated data: every view must say so. */
  synthetic: boolean;
  description?: string;
}

/** A whole dataset, validated: ids unique, references resolved, waves ordered by date. */
export interface Dataset {
  info: DatasetInfo;
  organizations: Organization[];
  waves: Wave[];
  ties: Tie[];
  events: ProjectEvent[];
  attendance: Attendance[];
  responses: SurveyResponse[];
}
