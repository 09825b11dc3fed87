// Small hand-built datasets for the isolation tests: terse tuples in, validated-looking records out.
import type {
  Attendance,
  Dataset,
  Organization,
  ProjectEvent,
  Tie,
  Wave,
} from '../../../../server/domain/types.js';

export interface OrgSpec {
  id: string;
  name?: string;
  kind?: Organization['kind'];
  city?: string;
  focus?: string[];
  type?: string;
}

export interface DatasetSpec {
  organizations: OrgSpec[];
  /** `[source, target]` or `[source, target, wave]`; the wave defaults to `w1`. */
  ties?: Array<[string, string] | [string, string, string]>;
  waves?: Wave[];
  events?: ProjectEvent[];
  /** `[organization, event]`. */
  attendance?: Array<[string, string]>;
}

export const WAVES: Wave[] = [
  { id: 'w1', label: 'Baseline', date: '2019-06-01' },
  { id: 'w2', label: 'Follow-up', date: '2020-06-01' },
];

export function makeDataset(spec: DatasetSpec): Dataset {
  return {
    info: { name: 'test', synthetic: true },
    organizations: spec.organizations.map(organization),
    waves: spec.waves ?? WAVES,
    ties: (spec.ties ?? []).map(([source, target, wave]): Tie => ({
      source,
      target,
      wave: wave ?? 'w1',
      level: 1,
      extra: {},
    })),
    events: spec.events ?? [],
    attendance: (spec.attendance ?? []).map(([org, event]): Attendance => ({ organization: org, event })),
    responses: [],
  };
}

function organization(spec: OrgSpec): Organization {
  const org: Organization = {
    id: spec.id,
    name: spec.name ?? spec.id.toUpperCase(),
    kind: spec.kind ?? (spec.id.startsWith('inst') ? 'institution' : 'ngo'),
    focus: spec.focus ?? [],
    extra: {},
  };
  if (spec.city !== undefined) org.city = spec.city;
  if (spec.type !== undefined) org.type = spec.type;
  return org;
}
