/**
 * Brokerage roles of Gould & Fernandez (1989), "Structures of mediation: a formal approach to brokerage
 * in transaction networks", Sociological Methodology 19. Counts match R sna `brokerage(net, cl)$raw.nli`.
 *
 * v brokers the two-path a → v → b when a ≠ b and there is no tie a → b. By the groups of a, v and b:
 * - coordinator (sna w_I): all three in the same group;
 * - consultant (sna w_O; Gould & Fernandez's "itinerant broker"): a and b in one group, v in another;
 * - representative (b_IO): a in v's group, b outside — v carries its group's contact out;
 * - gatekeeper (b_OI): b in v's group, a outside — v lets outside contact in;
 * - liaison (b_O): three different groups.
 * total (sna t) is their sum, i.e. every open two-path through v.
 *
 * The roles are defined on directed ties: in directed mode they are the reported ties. In undirected and
 * reciprocated mode every tie counts in both directions (a symmetric matrix given to sna), so an open path
 * a – v – b is brokered both ways: it adds 2 to coordinator/consultant/liaison, or 1 to representative and
 * 1 to gatekeeper (a → v → b and b → v → a).
 *
 * Groups come from a node attribute (`kind` unless `groupBy` names another), read exactly as the E-I
 * index reads them (metrics/ei-index.ts `nodeGroups`): an organization without a value belongs to no
 * group, and a two-path through, from or to it is not classified (sna would need a class for it).
 * The count runs on the metrics' CSR context, so a context shared with the other metrics is reused.
 */
import { contextOf, type MetricInput } from '../metrics/context.js';
import { nodeGroups } from '../metrics/ei-index.js';

export const BROKERAGE_ROLES = [
  'coordinator',
  'consultant',
  'representative',
  'gatekeeper',
  'liaison',
] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];

export const BROKERAGE_DEFAULTS = { groupBy: 'kind' } as const;

export interface BrokerageOptions {
  /** Node attribute whose value is an organization's group. Default 'kind'. */
  groupBy?: string;
}

export interface NodeBrokerage extends Record<BrokerageRole, number> {
  id: string;
  /** null for an organization without a value for the attribute. */
  group: string | null;
  /** Every classified open two-path through the organization (the sum of the five roles). */
  total: number;
  /**
   * The role with the largest count; ties go to the first in {@link BROKERAGE_ROLES} order. null when the
   * organization brokers nothing.
   */
  primaryRole: BrokerageRole | null;
}

export interface BrokerageResult {
  groupBy: string;
  /** In ascending id order, like every per-node metric. */
  nodes: NodeBrokerage[];
  /** Whole-network counts per role and in total. */
  totals: Record<BrokerageRole | 'total', number>;
}

function roleOf(groupA: number, groupV: number, groupB: number): number {
  if (groupA === groupB) return groupA === groupV ? 0 : 1;
  if (groupA === groupV) return 2;
  if (groupB === groupV) return 3;
  return 4;
}

/**
 * Gould–Fernandez brokerage counts of every organization of a wave graph (or of a metric context already
 * built for it).
 * @throws ValidationError naming `groupBy` when no organization has the attribute or it holds lists.
 */
export function computeBrokerage(input: MetricInput, options: BrokerageOptions = {}): BrokerageResult {
  const groupBy = options.groupBy ?? BROKERAGE_DEFAULTS.groupBy;
  const context = contextOf(input);
  const { n, ids, out } = context;
  const labels = nodeGroups(context, groupBy);
  const groupIds = new Map<string, number>();
  // −1: no group. Two-paths touching such an organization are not classified, as E-I leaves its ties out.
  const groupOf = Int32Array.from(labels, (label) => {
    if (label === undefined) return -1;
    if (!groupIds.has(label)) groupIds.set(label, groupIds.size);
    return groupIds.get(label)!;
  });

  // `out` holds both directions of an undirected tie, so an undirected wave is brokered both ways.
  const incoming = context.in;
  const tied = new Set<number>();
  for (let a = 0; a < n; a++) {
    for (let p = out.offsets[a]; p < out.offsets[a + 1]; p++) tied.add(a * n + out.targets[p]);
  }

  const roles = BROKERAGE_ROLES.length;
  const counts = new Float64Array(n * roles);
  for (let v = 0; v < n; v++) {
    const gv = groupOf[v];
    if (gv === -1) continue;
    for (let p = incoming.offsets[v]; p < incoming.offsets[v + 1]; p++) {
      const a = incoming.targets[p];
      if (groupOf[a] === -1) continue;
      for (let q = out.offsets[v]; q < out.offsets[v + 1]; q++) {
        const b = out.targets[q];
        if (a === b || groupOf[b] === -1 || tied.has(a * n + b)) continue;
        counts[v * roles + roleOf(groupOf[a], gv, groupOf[b])]++;
      }
    }
  }

  const totals: Record<BrokerageRole | 'total', number> = {
    coordinator: 0,
    consultant: 0,
    representative: 0,
    gatekeeper: 0,
    liaison: 0,
    total: 0,
  };
  const nodes = ids.map((id, v): NodeBrokerage => {
    const roleCounts = BROKERAGE_ROLES.map((_role, r) => counts[v * roles + r]);
    let primary = -1;
    roleCounts.forEach((count, r) => {
      if (count > 0 && (primary === -1 || count > roleCounts[primary])) primary = r;
    });
    const total = roleCounts.reduce((sum, count) => sum + count, 0);
    BROKERAGE_ROLES.forEach((role, r) => (totals[role] += roleCounts[r]));
    totals.total += total;
    return {
      id,
      group: labels[v] ?? null,
      coordinator: roleCounts[0],
      consultant: roleCounts[1],
      representative: roleCounts[2],
      gatekeeper: roleCounts[3],
      liaison: roleCounts[4],
      total,
      primaryRole: primary === -1 ? null : BROKERAGE_ROLES[primary],
    };
  });
  return { groupBy, nodes, totals };
}
