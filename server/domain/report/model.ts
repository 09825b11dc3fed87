/**
 * Everything the evaluation report shows, computed once from a dataset: the comparison of the two waves
 * (analyseChange — the very numbers `kopru compare` and GET /api/compare give), the per-wave series,
 * the isolated organizations of the later wave (analyseIsolation), the brokers, the shared map layout
 * (layout.ts) and the non-response checks (survey/). Rendering (render.ts) only formats this model.
 *
 * The non-response treatment, when one is chosen, is applied to every wave before anything else, so the
 * whole report rests on one dataset; with `drop-non-respondents` that is the organizations that answered
 * in every wave. The sensitivity section always starts from the data as reported.
 */
import { analyseChange, analyseIsolation, analyseWave, type DatasetLabel } from '../analysis/index.js';
import type { CompareResult, LabelChange, RankedChange, ValueChange } from '../compare/index.js';
import { testDensityChange, type DensityTestResult } from '../compare/density-test.js';
import { assertWave, buildWaveGraph, type WaveGraph } from '../graph/build-wave-graph.js';
import type { IsolationResult } from '../isolation/types.js';
import { computeEiIndex } from '../metrics/ei-index.js';
import { computeDensity } from '../metrics/density.js';
import { computeSensitivity, type SensitivityResult } from '../survey/sensitivity.js';
import { respondentsOf, type WaveRespondents } from '../survey/respondents.js';
import {
  applyTreatment,
  assertTreatment,
  DEFAULT_TREATMENT,
  NON_RESPONSE_TREATMENTS,
  type NonResponseTreatment,
} from '../survey/treatments.js';
import { ANALYSIS_MODES, type AnalysisMode, type Dataset, type Organization, type Wave } from '../types.js';
import { ValidationError } from '../../errors.js';
import { REPORT_LANGUAGES, type ReportLanguage } from './i18n.js';
import { computeSharedLayout, type SharedLayout } from './layout.js';
import { nodeCategories, type NodeCategories } from './palette.js';

export const REPORT_DEFAULTS = {
  lang: 'en',
  mode: 'undirected',
  treatment: DEFAULT_TREATMENT,
  permutations: 5000,
  seed: 42,
  brokers: 8,
} as const;

export interface ReportOptions {
  /** Id of the earlier wave. */
  from: string;
  /** Id of the later wave; must differ from `from`. */
  to: string;
  /** Language of the report. Default 'en'. */
  lang?: ReportLanguage | undefined;
  /** Analysis mode (DATA-FORMAT.md §2). Default 'undirected'. */
  mode?: AnalysisMode | undefined;
  /** Treatment of survey non-respondents, applied to every wave. Default 'as-reported'. */
  treatment?: NonResponseTreatment | undefined;
  /** QAP permutations and bootstrap samples. Default 5000. */
  permutations?: number | undefined;
  /** Seed of every random stream. Default 42. */
  seed?: number | undefined;
  /** ISO date (or date-time) shown as the report's date; none when absent (the output stays reproducible). */
  generatedAt?: string | undefined;
}

export interface WavePoint {
  wave: Wave;
  density: number;
  eiIndex: number | null;
}

export interface Broker {
  id: string;
  name: string;
  kind: Organization['kind'];
  type: string | null;
  betweenness: ValueChange;
  brokerage: ValueChange;
  role: string | null;
  /** Marker number on the maps (1 = highest betweenness in `to`). */
  marker: number;
}

export interface RobustnessRow {
  treatment: NonResponseTreatment;
  organizations: number;
  density: ValueChange;
  densityTest: DensityTestResult;
  eiIndex: ValueChange;
}

export interface ReportModel {
  lang: ReportLanguage;
  dataset: DatasetLabel & { description: string | null };
  from: Wave;
  to: Wave;
  mode: AnalysisMode;
  treatment: NonResponseTreatment;
  generatedAt: string | null;
  organizations: Map<string, Organization>;
  change: CompareResult;
  graphs: { from: WaveGraph; to: WaveGraph };
  degrees: { from: Map<string, number>; to: Map<string, number> };
  /** Every wave of the dataset, in date order. */
  series: WavePoint[];
  isolation: IsolationResult;
  brokers: Broker[];
  layout: SharedLayout;
  categories: NodeCategories;
  respondents: { from: WaveRespondents; to: WaveRespondents };
  sensitivity: SensitivityResult;
  robustness: RobustnessRow[];
}

function validate(dataset: Dataset, options: ReportOptions): void {
  assertWave(dataset, options.from);
  assertWave(dataset, options.to);
  const issues = [];
  if (options.from === options.to) issues.push({ column: 'from, to', reason: 'the two waves must differ' });
  if (options.lang !== undefined && !(REPORT_LANGUAGES as readonly string[]).includes(options.lang))
    issues.push({ column: 'lang', reason: `must be one of ${REPORT_LANGUAGES.join(', ')}` });
  if (options.mode !== undefined && !(ANALYSIS_MODES as readonly string[]).includes(options.mode))
    issues.push({ column: 'mode', reason: `must be one of ${ANALYSIS_MODES.join(', ')}` });
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid report options: ${issues.map((i) => `${i.column} (${i.reason})`).join('; ')}`,
      issues,
    );
  }
  if (options.treatment !== undefined) assertTreatment(options.treatment);
}

function degreesOf(graph: WaveGraph): Map<string, number> {
  const degrees = new Map<string, number>();
  // Partners, whatever the direction: a mutual pair counts once on the maps.
  graph.forEachNode((id) => degrees.set(id, graph.neighbors(id).length));
  return degrees;
}

function numberOf(
  change: RankedChange | LabelChange | string | undefined,
  side: 'from' | 'to',
): number | null {
  if (change === undefined || typeof change === 'string') return null;
  const value = change[side];
  return typeof value === 'number' ? value : null;
}

function findBrokers(change: CompareResult, organizations: Map<string, Organization>, top: number): Broker[] {
  const rows = change.nodes.map((node) => ({
    id: node.id,
    betweenness: node.betweenness as RankedChange,
    brokerage: node.brokerage as RankedChange,
    role: (node.brokerageRole as LabelChange | undefined)?.to ?? null,
  }));
  const score = (key: 'betweenness' | 'brokerage') => (row: (typeof rows)[number]) =>
    numberOf(row[key], 'to') ?? 0;
  const byBetweenness = [...rows].sort((a, b) => score('betweenness')(b) - score('betweenness')(a));
  const byBrokerage = [...rows].sort((a, b) => score('brokerage')(b) - score('brokerage')(a));
  const chosen = new Set(
    [...byBetweenness.slice(0, top), ...byBrokerage.slice(0, top)]
      .filter((row) => score('betweenness')(row) > 0 || score('brokerage')(row) > 0)
      .map((row) => row.id),
  );
  return byBetweenness
    .filter((row) => chosen.has(row.id))
    .map((row, index) => {
      const org = organizations.get(row.id)!;
      return {
        id: row.id,
        name: org.name,
        kind: org.kind,
        type: org.type ?? null,
        betweenness: { from: row.betweenness.from, to: row.betweenness.to, change: row.betweenness.change },
        brokerage: { from: row.brokerage.from, to: row.brokerage.to, change: row.brokerage.change },
        role: typeof row.role === 'string' ? row.role : null,
        marker: index + 1,
      };
    });
}

function valueChange(from: number | null, to: number | null): ValueChange {
  return { from, to, change: from === null || to === null ? null : to - from };
}

function robustness(
  dataset: Dataset,
  from: string,
  to: string,
  mode: AnalysisMode,
  seed: number,
  samples: number,
) {
  return NON_RESPONSE_TREATMENTS.map((treatment): RobustnessRow => {
    const treated = applyTreatment(dataset, [from, to], treatment);
    const before = buildWaveGraph(treated, from, mode);
    const after = buildWaveGraph(treated, to, mode);
    return {
      treatment,
      organizations: treated.organizations.length,
      density: valueChange(computeDensity(before), computeDensity(after)),
      densityTest: testDensityChange(before, after, { samples, seed }),
      eiIndex: valueChange(computeEiIndex(before).eiIndex, computeEiIndex(after).eiIndex),
    };
  });
}

/**
 * Computes the report's model.
 * @throws NotFoundError for an unknown wave; ValidationError naming the option for equal waves, an unknown
 *   language, mode or treatment, or permutations/seed out of range.
 */
export function buildReportModel(input: Dataset, options: ReportOptions): ReportModel {
  validate(input, options);
  const lang = options.lang ?? REPORT_DEFAULTS.lang;
  const mode = options.mode ?? REPORT_DEFAULTS.mode;
  const treatment = options.treatment ?? REPORT_DEFAULTS.treatment;
  const permutations = options.permutations ?? REPORT_DEFAULTS.permutations;
  const seed = options.seed ?? REPORT_DEFAULTS.seed;
  const dataset = applyTreatment(
    input,
    input.waves.map((wave) => wave.id),
    treatment,
  );

  const change = analyseChange(dataset, { from: options.from, to: options.to, mode, permutations, seed });
  const organizations = new Map(dataset.organizations.map((org) => [org.id, org]));
  const graphs = {
    from: buildWaveGraph(dataset, options.from, mode),
    to: buildWaveGraph(dataset, options.to, mode),
  };
  const series = dataset.waves.map((wave): WavePoint => {
    if (wave.id === options.from || wave.id === options.to) {
      const side = wave.id === options.from ? 'from' : 'to';
      return {
        wave,
        density: change.network.density![side]!,
        eiIndex: change.network.eiIndex?.[side] ?? null,
      };
    }
    const network = analyseWave(dataset, { wave: wave.id, mode, seed }).network;
    return { wave, density: network.density, eiIndex: network.eiIndex };
  });

  return {
    lang,
    dataset: { ...change.dataset, description: dataset.info.description ?? null },
    from: dataset.waves.find((wave) => wave.id === options.from)!,
    to: dataset.waves.find((wave) => wave.id === options.to)!,
    mode,
    treatment,
    generatedAt: options.generatedAt ?? null,
    organizations,
    change,
    graphs,
    degrees: { from: degreesOf(graphs.from), to: degreesOf(graphs.to) },
    series,
    isolation: analyseIsolation(dataset, { wave: options.to, mode }),
    brokers: findBrokers(change, organizations, REPORT_DEFAULTS.brokers),
    layout: computeSharedLayout([...organizations.keys()], [graphs.from, graphs.to]),
    categories: nodeCategories(dataset.organizations),
    respondents: { from: respondentsOf(input, options.from), to: respondentsOf(input, options.to) },
    sensitivity: computeSensitivity(input, { wave: options.to, mode, seed }),
    robustness: robustness(input, options.from, options.to, mode, seed, permutations),
  };
}
