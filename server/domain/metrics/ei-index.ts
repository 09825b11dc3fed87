/**
 * Krackhardt–Stern E-I index (Krackhardt & Stern 1988, "Informal networks and organizational crises:
 * an experimental simulation", Soc. Psychol. Q. 51(2)): (E − I)/(E + I), with E the ties between
 * organizations of different groups and I the ties within a group. −1: every tie stays inside its
 * group; +1: every tie crosses groups. Groups are the values of a node attribute, `kind` (NGO or
 * institution) unless `groupBy` names another (`city`, `type`, `refugeeLed`, …).
 *
 * Per group g: E_g = ties with one end in g, I_g = ties with both ends in g, E-I_g = (E_g − I_g)/(E_g + I_g).
 *
 * Conventions: ties are counted, not weighted by level, and in directed mode every arc counts (a mutual
 * pair twice). An organization without a value for the attribute (empty, null or missing) belongs to
 * no group: its ties are left out. The index is `null`, not NaN, when no tie is counted (no ties, or
 * none between organizations that have a group), network-wide or for a group.
 */
import { ValidationError } from '../../errors.js';
import { compareIds, contextOf, type MetricContext, type MetricInput } from './context.js';
import type { BaseMetricOptions, MetricDescriptor } from './types.js';

export interface EiIndexOptions extends BaseMetricOptions {
  /** Node attribute whose values are the groups. Default `kind`. */
  groupBy?: string;
}

/** `weighted` is ignored (ties are counted); groups by `kind`. */
export const DEFAULTS = { groupBy: 'kind' } as const;

export interface EiIndexResult {
  /** (E − I)/(E + I) in [−1, 1]; null when no tie is counted. */
  eiIndex: number | null;
  external: number;
  internal: number;
  /** E-I of each group present among the nodes, by group name; null for a group with no counted tie. */
  groups: Record<string, number | null>;
}

function groupName(value: unknown, attribute: string, node: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ValidationError(
    `groupBy attribute "${attribute}" holds a list or object on node "${node}"; pick an attribute with one value per organization.`,
    [{ column: 'groupBy', reason: `attribute ${attribute} is not single-valued (node ${node})` }],
  );
}

/**
 * The group of every node (index order of the context), undefined for nodes without a value.
 * @throws ValidationError naming `groupBy` when no node has the attribute, or when it is list-valued.
 */
export function nodeGroups(context: MetricContext, attribute: string): (string | undefined)[] {
  const { graph, ids } = context;
  if (ids.length > 0 && !ids.some((id) => graph.hasNodeAttribute(id, attribute))) {
    const known = new Set<string>();
    graph.forEachNode((_node, attributes) => Object.keys(attributes).forEach((key) => known.add(key)));
    const list = [...known].sort(compareIds).join(', ') || 'none';
    throw new ValidationError(
      `Unknown groupBy attribute "${attribute}" (organization attributes: ${list}).`,
      [{ column: 'groupBy', reason: `unknown attribute ${attribute}; known: ${list}` }],
    );
  }
  return ids.map((id) => groupName(graph.getNodeAttribute(id, attribute), attribute, id));
}

function ratio(external: number, internal: number): number | null {
  return external + internal === 0 ? null : (external - internal) / (external + internal);
}

/** E-I index of the network and of each group. */
export function computeEiIndex(input: MetricInput, options: EiIndexOptions = {}): EiIndexResult {
  const context = contextOf(input);
  const groups = nodeGroups(context, options.groupBy ?? DEFAULTS.groupBy);
  const { n, out, directed } = context;
  const perGroup = new Map<string, { external: number; internal: number }>();
  for (const group of [...new Set(groups)].filter((g) => g !== undefined).sort(compareIds)) {
    perGroup.set(group, { external: 0, internal: 0 });
  }
  let external = 0;
  let internal = 0;
  for (let v = 0; v < n; v++) {
    const gv = groups[v];
    if (gv === undefined) continue;
    for (let p = out.offsets[v]!; p < out.offsets[v + 1]!; p++) {
      const w = out.targets[p]!;
      // An undirected tie appears in both rows: count it from its lower end only.
      if (!directed && w < v) continue;
      const gw = groups[w];
      if (gw === undefined) continue;
      if (gv === gw) {
        internal++;
        perGroup.get(gv)!.internal++;
      } else {
        external++;
        perGroup.get(gv)!.external++;
        perGroup.get(gw)!.external++;
      }
    }
  }
  // fromEntries defines own properties, so a group named `__proto__` is a plain key.
  const byGroup = Object.fromEntries(
    [...perGroup].map(([group, counts]) => [group, ratio(counts.external, counts.internal)]),
  );
  return { eiIndex: ratio(external, internal), external, internal, groups: byGroup };
}

export const descriptor: MetricDescriptor<EiIndexOptions, EiIndexResult> = {
  id: 'eiIndex',
  scope: 'network',
  label: { en: 'E-I index', tr: 'E-I endeksi' },
  description: {
    en: 'Whether cooperation crosses group lines (towards +1) or stays within groups (towards −1), for example between NGOs and public institutions.',
    tr: 'İşbirliğinin gruplar arasında mı (+1’e doğru) yoksa grup içinde mi (−1’e doğru) kaldığı; örneğin STK’lar ile kamu kurumları arasında.',
  },
  usesWeights: false,
  parameters: [
    {
      name: 'groupBy',
      type: 'string',
      default: DEFAULTS.groupBy,
      description: {
        en: 'Which organization attribute defines the groups (kind, city, type…).',
        tr: 'Grupları hangi kuruluş özelliğinin belirlediği (tür, şehir, tip…).',
      },
    },
  ],
  outputs: [
    { key: 'eiIndex', scope: 'network', label: { en: 'E-I index', tr: 'E-I endeksi' }, nullable: true },
  ],
  compute: computeEiIndex,
};
