/**
 * Shapes of the server's JSON (DATA-FORMAT.md §4 and server/http/routes). Domain records come from the
 * server's types; the response envelopes below type only what the client reads, and their optional
 * fields are ones an older or newer server may leave out.
 */
import type { MeetingEffectRow } from '../../../server/domain/compare/meeting-effect';
import type { RankedChange, ValueChange } from '../../../server/domain/compare/metric-change';
import type { TieCounts } from '../../../server/domain/compare/tie-diff';
import type { DatasetChanges, RecordChanges } from '../../../server/domain/diff/dataset-diff';
import type { DatasetFormat } from '../../../server/domain/io/formats';
import type { MeasureEstimate } from '../../../server/domain/metrics/sampled-distances';
import type { AnalysisMode, LocalizedText, OrganizationKind } from '../../../server/domain/types';

// The server's own types where the JSON is exactly the domain record, so the two cannot drift apart.
export { ANALYSIS_MODES } from '../../../server/domain/types';
export type {
  AnalysisMode,
  DatasetChanges,
  DatasetFormat,
  LocalizedText,
  MeasureEstimate,
  MeetingEffectRow,
  OrganizationKind,
  RankedChange,
  RecordChanges,
  TieCounts,
  ValueChange,
};

export interface Health {
  status: string;
  neo4j: { connected: boolean; version: string | null; embedded: boolean };
}

export interface DatasetSummary {
  name: string | null;
  synthetic: boolean;
  description?: string | null;
  version: number;
  organizations: number;
  ngos: number;
  institutions: number;
  waves: number;
  events: number;
  ties: number;
}

export interface Wave {
  id: string;
  label: string;
  date: string;
  description?: string | null;
  reportedTies?: number;
  responded?: number;
}

export interface EventRecord {
  id: string;
  name: string;
  type: string | null;
  date: string;
  endDate: string | null;
  city: string | null;
  attendees?: number;
}

export interface OrganizationNodeAttributes {
  name: string;
  kind: OrganizationKind;
  type: string | null;
  city: string | null;
  district: string | null;
  focus: string[];
  refugeeLed: boolean | null;
}

export interface SerializedGraph {
  attributes: {
    wave: string;
    mode: AnalysisMode;
    datasetVersion: number;
    name?: string | null;
    synthetic?: boolean;
  };
  options: { type: 'directed' | 'undirected' | 'mixed'; multi?: boolean; allowSelfLoops?: boolean };
  nodes: { key: string; attributes: OrganizationNodeAttributes }[];
  edges: {
    key?: string;
    source: string;
    target: string;
    attributes: { level: number; reciprocated?: boolean };
  }[];
}

export interface MetricDescriptor {
  id: string;
  scope: 'network' | 'node';
  label: LocalizedText;
  description: LocalizedText;
  /** Keys this metric writes into the result, when the server lists them. */
  outputs?: { key: string; scope: 'network' | 'node'; label: LocalizedText }[];
}

export interface MetricRegistry {
  metrics: MetricDescriptor[];
}

export const BROKERAGE_ROLES = [
  'coordinator',
  'consultant',
  'representative',
  'gatekeeper',
  'liaison',
] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

/** Gould–Fernandez brokerage of one organization, as the details panel shows it. */
export interface Brokerage {
  role: string | null;
  counts: Record<BrokerageRole, number>;
  total: number;
}

/**
 * One organization's metrics. Brokerage comes flattened (`brokerageRole`, one count per role and the
 * total in `brokerage`), like every other node output of the registry.
 */
export interface NodeMetricsRow {
  id: string;
  degree: number;
  community?: number;
  brokerageRole?: string | null;
  [metric: string]: number | string | null | undefined;
}

/** Present on large networks when some values are estimates (README "Large networks"). */
export interface ApproximationInfo {
  /** Keys of the estimated measures (node or network). */
  measures: string[];
  delta: number;
  errorBound: number;
  estimates?: Record<string, MeasureEstimate>;
}

export interface WaveMetrics {
  wave: string;
  mode: AnalysisMode;
  weighted?: boolean;
  groupBy?: string;
  network: Record<string, number | boolean | null>;
  groups?: { eiIndex?: Record<string, number | null> };
  nodes: NodeMetricsRow[];
  approximate?: ApproximationInfo;
}

export interface CompareResult {
  from: string;
  to: string;
  mode: AnalysisMode;
  network: Record<string, ValueChange>;
  ties: TieCounts;
  tieLists?: Record<'added' | 'removed' | 'stable' | 'strengthened' | 'weakened', [string, string][]>;
  qap: { correlation: number | null; pValue: number | null; permutations: number };
  densityTest: { difference: number | null; ci95: [number, number] | null; pValue: number | null };
  eiIndex?: ValueChange & { groups?: Record<string, ValueChange> };
  crossSectorTies?: ValueChange;
  meetingEffect?: MeetingEffectRow[];
  isolates?: { integrated: string[]; becameIsolated: string[] };
  /** The estimated measures of the waves compared (see WaveMetrics). */
  approximate?: ApproximationInfo;
  nodes: ({ id: string } & Record<string, RankedChange | string>)[];
}

export interface ReasonText {
  code: string;
  text: LocalizedText;
}

export interface Suggestion {
  id: string;
  name: string;
  kind: OrganizationKind;
  score: number;
  text: LocalizedText;
  reasons: ReasonText[];
}

export interface IsolatedOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
  city: string | null;
  type: string | null;
  focus: string[];
  degree: number;
  reasons: ReasonText[];
  suggestions: Suggestion[];
}

export interface IsolatedResult {
  wave: string;
  mode: AnalysisMode;
  organizations: IsolatedOrganization[];
}

export interface TieOfOrganization {
  wave: string;
  direction: 'reported' | 'received' | string;
  partner: string;
  partnerName: string;
  partnerKind: OrganizationKind;
  level: number;
}

export interface OrganizationDetails {
  id: string;
  name: string;
  kind: OrganizationKind;
  type: string | null;
  city: string | null;
  district: string | null;
  focus: string[];
  refugeeLed: boolean | null;
  founded: string | number | null;
  extra?: Record<string, unknown>;
  tiesByWave: Record<string, TieOfOrganization[]>;
  events: {
    id: string;
    name: string;
    type: string | null;
    date: string;
    endDate: string | null;
    city: string | null;
  }[];
}

/** The record kinds an upload counts and compares, in display order. */
export const UPLOAD_RECORD_KINDS = [
  'organizations',
  'waves',
  'events',
  'ties',
  'attendance',
  'responses',
] as const;
export type UploadRecordKind = (typeof UPLOAD_RECORD_KINDS)[number];

/** One problem in the uploaded files; `line`/`column` are null when the problem is the whole file. */
export interface UploadIssue {
  file?: string | null;
  line?: number | null;
  column?: string | null;
  reason: string;
}

/** The body of POST /api/uploads/preview and /commit: the files' texts by name. */
export interface UploadRequest {
  files: Record<string, string>;
  replace: boolean;
}

/** POST /api/uploads/preview (200 even for invalid files: then `ok` is false). */
export type UploadPreview =
  | {
      ok: true;
      format: DatasetFormat;
      counts: Record<UploadRecordKind, number>;
      errors: [];
      changes: DatasetChanges;
      replace: boolean;
    }
  | {
      ok: false;
      format: DatasetFormat | null;
      message?: string;
      counts: null;
      errors: UploadIssue[];
      changes: null;
      replace: boolean;
    };

/** POST /api/uploads/commit. */
export interface UploadCommit {
  format: DatasetFormat;
  counts: Record<UploadRecordKind, number>;
  changes: DatasetChanges;
  written: unknown;
  /** Null when the files changed nothing (nothing was written). */
  importId: string | number | null;
  datasetVersion: number;
}
