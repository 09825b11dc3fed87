/**
 * Isolated and peripheral organizations of one wave, why each is listed, and whom to introduce it to
 * (suggestions.ts). An organization is listed when at least one of these holds:
 *
 * - `isolate`: no tie in the wave;
 * - `pendant`: exactly one tie;
 * - `no_institution_tie`: an NGO with no tie to a public institution (only when the dataset has any
 *   institution; otherwise every NGO would be flagged and the flag would say nothing);
 * - `outside_largest_component`: has ties, but not in a component of the largest size (when several
 *   components share that size, none of them is singled out);
 * - `lowest_k_core`: has ties and its core number (Seidman 1983; computed by metrics/k-core.ts) is
 *   the smallest positive core number of the wave, which is lower than the wave's largest: it lies in
 *   the outermost shell of the non-isolates. With any pendant in the wave that shell is core number 1
 *   (tree-like attachments), but a wave whose non-isolates all sit in the 2-core flags its 2-shell
 *   when the maximum is higher. Pendants are in that shell too and carry both reasons.
 *
 * Ties are counted as partners: direction is ignored, so `directed` gives the same result as
 * `undirected`; `reciprocated` counts only ties both sides reported. Organizations are listed by
 * severity: fewest ties first (isolates lead), then by name and id.
 */
import { NotFoundError, ValidationError, type InputIssue } from '../../errors.js';
import { buildWaveGraph, lastWaveId } from '../graph/build-wave-graph.js';
import { computeKCore } from '../metrics/k-core.js';
import { ANALYSIS_MODES, ORGANIZATION_KINDS } from '../types.js';
import type { AnalysisMode, Dataset, Organization, OrganizationKind } from '../types.js';
import { buildNeighborhoods } from './neighborhoods.js';
import { componentLabels } from '../metrics/components.js';
import { compareIds, createMetricContext, type MetricContext } from '../metrics/context.js';
import { compareText, createSuggester } from './suggestions.js';
import type { LocalizedText } from './text.js';
import { ISOLATION_REASON_CODES } from './types.js';
import type { IsolatedOrganization, IsolationReason, IsolationReasonCode, IsolationResult } from './types.js';

export interface FindIsolatedOptions {
  /** Wave to analyse. Default: the last wave by date. */
  wave?: string;
  /** Analysis mode (DATA-FORMAT.md §2). Default `undirected`. */
  mode?: AnalysisMode;
  /** Most introductions suggested per organization; 0 for none. Default 3. */
  maxSuggestions?: number;
  /**
   * Kinds of organization listed. Default both: an institution without NGO ties is as much a gap in
   * NGO–institution cooperation as the reverse. Suggestions may be of any kind either way.
   */
  kinds?: readonly OrganizationKind[];
}

export const FIND_ISOLATED_DEFAULTS = {
  mode: 'undirected',
  maxSuggestions: 3,
  kinds: ORGANIZATION_KINDS,
} as const satisfies Required<Omit<FindIsolatedOptions, 'wave'>>;

export type IsolationDataset = Pick<Dataset, 'organizations' | 'waves' | 'ties' | 'events' | 'attendance'>;

/**
 * Throws NotFoundError for an unknown wave (naming the known ones) or a dataset without waves, and
 * ValidationError for an unknown mode or kind or a `maxSuggestions` that is not a whole number ≥ 0.
 */
export function findIsolated(dataset: IsolationDataset, options: FindIsolatedOptions = {}): IsolationResult {
  const mode = options.mode ?? FIND_ISOLATED_DEFAULTS.mode;
  const maxSuggestions = options.maxSuggestions ?? FIND_ISOLATED_DEFAULTS.maxSuggestions;
  const kinds = options.kinds ?? FIND_ISOLATED_DEFAULTS.kinds;
  validateOptions(mode, maxSuggestions, kinds);
  const wave = options.wave ?? lastWaveId(dataset);
  if (wave === undefined) throw new NotFoundError('The dataset has no waves to analyse');

  // Direction is irrelevant to whether two organizations work together; see the docblock.
  const graph = buildWaveGraph(dataset, wave, mode === 'reciprocated' ? 'reciprocated' : 'undirected');
  const neighborhoods = buildNeighborhoods(graph);
  const partners =
    mode === 'reciprocated' ? buildNeighborhoods(buildWaveGraph(dataset, wave, 'undirected')) : neighborhoods;
  // One CSR context serves both the components and the k-cores (the metrics' own code).
  const context = createMetricContext(graph);
  const structure = describeStructure(context, computeKCore(context));
  const hasInstitutions = dataset.organizations.some((org) => org.kind === 'institution');
  const byId = new Map(dataset.organizations.map((org) => [org.id, org]));
  const suggest = createSuggester({
    organizations: dataset.organizations,
    events: dataset.events,
    attendance: dataset.attendance,
    neighborhoods,
    partners,
  });

  const organizations: IsolatedOrganization[] = [];
  for (const org of dataset.organizations) {
    if (!kinds.includes(org.kind)) continue;
    const neighbours = [...(neighborhoods.get(org.id) ?? [])];
    const partnerOrgs = neighbours.map((id) => byId.get(id) as Organization);
    const noInstitutionTie =
      org.kind === 'ngo' && hasInstitutions && partnerOrgs.every((p) => p.kind !== 'institution');
    const reasons = isolationReasons({
      degree: neighbours.length,
      oneSided: (partners.get(org.id)?.size ?? 0) - neighbours.length,
      partnerNames: partnerOrgs.map((p) => p.name),
      noInstitutionTie,
      component: structure.componentSize.get(org.id) ?? 1,
      core: structure.core[org.id] ?? 0,
      structure,
      confirmedOnly: mode === 'reciprocated',
    });
    if (reasons.length === 0) continue;
    organizations.push({
      id: org.id,
      name: org.name,
      kind: org.kind,
      city: org.city?.trim() || null,
      type: org.type?.trim() || null,
      focus: [...org.focus],
      degree: neighbours.length,
      reasons,
      suggestions: suggest(org.id, { maxSuggestions, preferInstitution: noInstitutionTie }),
    });
  }
  organizations.sort((a, b) => a.degree - b.degree || compareText(a.name, b.name) || compareIds(a.id, b.id));
  return { wave, mode, organizations };
}

interface Structure {
  componentSize: Map<string, number>;
  /** Node count of the largest component, and whether one component alone has it. */
  largest: number;
  largestIsUnique: boolean;
  core: Record<string, number>;
  /** Smallest positive and largest core number; 0 when the wave has no tie. */
  minCore: number;
  maxCore: number;
}

function describeStructure(context: MetricContext, core: Record<string, number>): Structure {
  const { label, sizes } = componentLabels(context);
  const componentSize = new Map(context.ids.map((id, v) => [id, sizes[label[v]!]!]));
  const largest = sizes[0] ?? 0;
  const largestCount = sizes.filter((size) => size === largest).length;
  const positive = Object.values(core).filter((k) => k > 0);
  return {
    componentSize,
    largest,
    largestIsUnique: largestCount === 1,
    core,
    minCore: positive.length > 0 ? Math.min(...positive) : 0,
    maxCore: positive.length > 0 ? Math.max(...positive) : 0,
  };
}

interface Facts {
  degree: number;
  /** Ties reported by one side only, not counted in `reciprocated` mode. */
  oneSided: number;
  partnerNames: string[];
  noInstitutionTie: boolean;
  component: number;
  core: number;
  structure: Structure;
  confirmedOnly: boolean;
}

function isolationReasons(facts: Facts): IsolationReason[] {
  const { degree, structure } = facts;
  const reasons: IsolationReason[] = [];
  const add = (code: IsolationReasonCode, text: LocalizedText): void => {
    reasons.push({ code, text });
  };
  const oneSided: LocalizedText =
    facts.oneSided > 0
      ? {
          en: ` (${facts.oneSided} more ${facts.oneSided === 1 ? 'tie was' : 'ties were'} reported by one side only)`,
          tr: ` (${facts.oneSided} bağı daha yalnızca bir taraf bildirdi)`,
        }
      : { en: '', tr: '' };

  if (degree === 0) {
    add(
      'isolate',
      facts.confirmedOnly
        ? {
            en: `Has no cooperation tie confirmed by both sides in this wave${oneSided.en}`,
            tr: `Bu dönemde iki tarafın da bildirdiği hiçbir işbirliği bağı yok${oneSided.tr}`,
          }
        : { en: 'Has no cooperation tie in this wave', tr: 'Bu dönemde hiçbir işbirliği bağı yok' },
    );
  }
  if (degree === 1) {
    const partner = facts.partnerNames[0] as string;
    add(
      'pendant',
      facts.confirmedOnly
        ? {
            en: `Has only one cooperation tie confirmed by both sides in this wave, with ${partner}${oneSided.en}`,
            tr: `Bu dönemde iki tarafın da bildirdiği yalnızca bir işbirliği bağı var: ${partner}${oneSided.tr}`,
          }
        : {
            en: `Has only one cooperation tie in this wave, with ${partner}`,
            tr: `Bu dönemde yalnızca bir işbirliği bağı var: ${partner}`,
          },
    );
  }
  if (facts.noInstitutionTie) {
    const en = 'Has no tie to any public institution in this wave';
    const tr = 'Bu dönemde hiçbir kamu kurumuyla bağı yok';
    add(
      'no_institution_tie',
      degree === 0
        ? { en, tr }
        : degree === 1
          ? { en: `${en}: its only tie is with an NGO`, tr: `${tr}: tek bağı bir STK ile` }
          : {
              en: `${en}: all ${degree} of its ties are with NGOs`,
              tr: `${tr}: ${degree} bağının hepsi STK’larla`,
            },
    );
  }
  if (degree > 0 && structure.largestIsUnique && facts.component < structure.largest) {
    add('outside_largest_component', {
      en:
        `Is cut off, even through others, from the main network of ${structure.largest} organizations: ` +
        `it belongs to a separate group of ${facts.component}`,
      tr:
        `${structure.largest} kuruluşluk ana ağa başkaları üzerinden bile bağlı değil: ` +
        `${facts.component} kuruluşluk ayrı bir grubun içinde`,
    });
  }
  if (degree > 0 && structure.maxCore > structure.minCore && facts.core === structure.minCore) {
    const k = structure.minCore + 1;
    add('lowest_k_core', {
      en:
        `Is on the outer edge of the network: it is not part of any group in which every member has at least ` +
        `${k} ties within the group (in this wave’s most closely knit group, every member has at least ${structure.maxCore})`,
      tr:
        `Ağın dış kenarında: her üyesinin grup içinde en az ${k} bağı olduğu hiçbir grubun parçası değil ` +
        `(bu dönemin en sıkı bağlı grubunda her üyenin en az ${structure.maxCore} bağı var)`,
    });
  }
  return reasons.sort(
    (a, b) => ISOLATION_REASON_CODES.indexOf(a.code) - ISOLATION_REASON_CODES.indexOf(b.code),
  );
}

function validateOptions(
  mode: AnalysisMode,
  maxSuggestions: number,
  kinds: readonly OrganizationKind[],
): void {
  const issues: InputIssue[] = [];
  if (!ANALYSIS_MODES.includes(mode)) {
    issues.push({ column: 'mode', reason: `mode must be one of ${ANALYSIS_MODES.join(', ')}` });
  }
  if (!Number.isInteger(maxSuggestions) || maxSuggestions < 0) {
    issues.push({ column: 'maxSuggestions', reason: 'maxSuggestions must be a whole number of 0 or more' });
  }
  const unknown = kinds.filter((kind) => !ORGANIZATION_KINDS.includes(kind));
  if (unknown.length > 0) {
    issues.push({ column: 'kinds', reason: `kinds must be among ${ORGANIZATION_KINDS.join(', ')}` });
  }
  if (issues.length > 0) throw new ValidationError(issues.map((i) => i.reason).join('; '), issues);
}
