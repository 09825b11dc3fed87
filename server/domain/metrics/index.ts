/**
 * All metrics of one wave in one analysis mode: the `metrics --format json` result of DATA-FORMAT.md §4,
 * key for key. The graph is turned into CSR arrays once (context.ts) and every metric reads them;
 * betweenness, closeness and harmonic closeness share one shortest-path sweep (Brandes 2001).
 *
 * What `weighted: true` changes (level 1–4 as weight), and nothing else:
 * - `strength` appears: sum of tie levels (in + out in directed mode);
 * - betweenness, closeness, harmonicCloseness: shortest paths with tie length 1/level;
 * - eigenvector, pagerank: the adjacency holds the levels;
 * - modularity and communities: Louvain and modularity with tie weight = level.
 * Counts and structure stay binary: density, degree, components, isolates, clustering, transitivity,
 * degreeCentralization, diameter and averagePathLength (steps, per DATA-FORMAT.md §3), kCore, eiIndex,
 * crossCityTies, reciprocity.
 *
 * Directed mode: degree is in + out; betweenness follows arcs; closeness and harmonic closeness use
 * incoming distances (NetworkX); eigenvector scores incoming ties; PageRank walks arcs. Clustering,
 * transitivity, degreeCentralization, kCore, communities and the distances of the largest (weak)
 * component use the undirected view. See each module for its reference and edge cases.
 */
import { computeBrokerage, type BrokerageRole } from '../brokerage/gould-fernandez.js';
import { ValidationError } from '../../errors.js';
import { ANALYSIS_MODES, type AnalysisMode } from '../types.js';
import {
  approximateBetweenness,
  APPROXIMATE_DEFAULTS,
  plannedSamples,
  type ApproximationInfo,
} from './approximate-betweenness.js';
import { plannedSources, sampledDistances, SAMPLED_DISTANCES_DEFAULTS } from './sampled-distances.js';
import { computeAverageClustering } from './average-clustering.js';
import { computeAverageDegree } from './average-degree.js';
import { computeBetweenness } from './betweenness.js';
import { computeCloseness } from './closeness.js';
import { computeClustering } from './clustering.js';
import { communitiesFromPartition, computeCommunities } from './communities.js';
import { computeComponents } from './components.js';
import { contextOf, toNodeValues, type MetricContext, type MetricInput } from './context.js';
import { computeCrossCityTies } from './cross-city-ties.js';
import { computeDegree } from './degree.js';
import { computeDegreeCentralization } from './degree-centralization.js';
import { computeDensity } from './density.js';
import { computeEigenvector } from './eigenvector.js';
import {
  checkedExternal,
  engineReport,
  type EngineReport,
  type ExternalMeasures,
} from './external-measures.js';
import { computeEiIndex } from './ei-index.js';
import { computeHarmonicCloseness } from './harmonic-closeness.js';
import { computeIsolates } from './isolates.js';
import { computeKCore } from './k-core.js';
import { computePageRank } from './pagerank.js';
import { parallelShortestPathSweep } from './parallel/sweep-pool.js';
import {
  defaultThreads,
  PARALLEL_MIN_NODES,
  throwIfAborted,
  type RunOptions,
} from './parallel/run-options.js';
import { computePathLength } from './path-length.js';
import { computeReciprocity } from './reciprocity.js';
import { shortestPathSweep } from './shortest-paths.js';
import { computeSize } from './size.js';
import { computeTransitivity } from './transitivity.js';

export interface WaveMetricsOptions {
  /** Wave id, echoed in the result. */
  wave: string;
  /** Mode the graph was built in; must match its type (directed graph ⇔ `directed`). */
  mode: AnalysisMode;
  /** Tie level as weight where a metric has a weighted variant (see above). Default false. */
  weighted?: boolean;
  /** Node attribute defining the groups of the E-I index. Default `kind`. */
  groupBy?: string;
  /** Seed of Louvain's random order (and of the betweenness sampling). Default 42. */
  seed?: number;
  /**
   * `exact` (Brandes), `approximate` (Riondato–Kornaropoulos sampling, approximate-betweenness.ts, and
   * the distance measures from sampled sources, sampled-distances.ts) or `auto` (default): approximate
   * from {@link APPROXIMATE_ABOVE_NODES} nodes up.
   */
  betweenness?: BetweennessMethod;
  /** ε of the approximation. Default 0.01. */
  epsilon?: number;
  /** δ of the approximation. Default 0.1. */
  delta?: number;
  /**
   * Node measures already computed by another engine (Neo4j GDS, server/neo4j/gds/), used instead of
   * computing them here; the result then carries `engines`. Binary (unweighted) analyses only.
   */
  external?: ExternalMeasures | undefined;
  /**
   * ε of the sample size of the distance measures (closeness, harmonic closeness, average path length,
   * diameter), estimated along with betweenness (sampled-distances.ts). Default 0.05.
   */
  distanceEpsilon?: number;
}

export type BetweennessMethod = 'exact' | 'approximate' | 'auto';

/** `auto` estimates betweenness from this many nodes up (exact on 20 000 nodes takes minutes, see README). */
export const APPROXIMATE_ABOVE_NODES = 20_000;

export const WAVE_METRICS_DEFAULTS = {
  weighted: false,
  groupBy: 'kind',
  seed: 42,
  betweenness: 'auto',
  epsilon: APPROXIMATE_DEFAULTS.epsilon,
  delta: APPROXIMATE_DEFAULTS.delta,
  distanceEpsilon: SAMPLED_DISTANCES_DEFAULTS.epsilon,
} as const;

export interface NetworkMetrics {
  nodes: number;
  edges: number;
  density: number;
  averageDegree: number;
  components: number;
  largestComponent: number;
  isolates: number;
  transitivity: number;
  averageClustering: number;
  degreeCentralization: number;
  diameter: number;
  averagePathLength: number;
  modularity: number;
  communities: number;
  /** Null when no tie is counted (see ei-index.ts). */
  eiIndex: number | null;
  crossCityTies: number;
  /** Directed mode only. */
  reciprocity?: number;
  /** False when eigenvector values are a fallback (no ties, or no convergence; see eigenvector.ts). */
  eigenvectorConverged: boolean;
}

export interface NodeMetrics {
  id: string;
  degree: number;
  /** Directed mode only. */
  inDegree?: number;
  /** Directed mode only. */
  outDegree?: number;
  /** Weighted only. */
  strength?: number;
  betweenness: number;
  closeness: number;
  harmonicCloseness: number;
  eigenvector: number;
  pagerank: number;
  clustering: number;
  community: number;
  kCore: number;
  /** Gould–Fernandez role with the most brokered paths (groups from `groupBy`); null when none. */
  brokerageRole: BrokerageRole | null;
  coordinator: number;
  consultant: number;
  representative: number;
  gatekeeper: number;
  liaison: number;
  /** All brokered two-paths (the sum of the five roles). */
  brokerage: number;
}

export interface WaveMetrics {
  wave: string;
  mode: AnalysisMode;
  weighted: boolean;
  groupBy: string;
  network: NetworkMetrics;
  groups: { eiIndex: Record<string, number | null> };
  /** Sorted by id. */
  nodes: NodeMetrics[];
  /** Present only when some values are estimates (which, and their error bound). */
  approximate?: ApproximationInfo;
  /** Present only when another engine (Neo4j GDS) computed some measures: which engine computed what. */
  engines?: EngineReport;
}

function checkMode(mode: unknown, directed: boolean): AnalysisMode {
  if (!(ANALYSIS_MODES as readonly unknown[]).includes(mode)) {
    throw new ValidationError(`Unknown mode "${String(mode)}" (modes: ${ANALYSIS_MODES.join(', ')}).`, [
      { column: 'mode', reason: `unknown mode ${String(mode)}` },
    ]);
  }
  if ((mode === 'directed') !== directed) {
    throw new ValidationError(
      `Mode "${String(mode)}" needs a ${mode === 'directed' ? 'directed' : 'undirected'} graph; build the wave graph in that mode.`,
      [{ column: 'mode', reason: `graph is ${directed ? 'directed' : 'undirected'}` }],
    );
  }
  return mode as AnalysisMode;
}

function brokerageOf(node: ReturnType<typeof computeBrokerage>['nodes'][number]) {
  return {
    brokerageRole: node.primaryRole,
    coordinator: node.coordinator,
    consultant: node.consultant,
    representative: node.representative,
    gatekeeper: node.gatekeeper,
    liaison: node.liaison,
    brokerage: node.total,
  };
}

/**
 * Every network and node metric of one wave (DATA-FORMAT.md §4).
 * @throws ValidationError naming the field: unknown `groupBy` attribute, bad `mode` or `seed`, invalid levels.
 */
export function computeWaveMetrics(input: MetricInput, options: WaveMetricsOptions): WaveMetrics {
  return waveMetricsOf(contextOf(input), options);
}

function wantsApproximation(context: MetricContext, options: WaveMetricsOptions): boolean {
  if (options.external?.values.betweenness) return false;
  const method = options.betweenness ?? WAVE_METRICS_DEFAULTS.betweenness;
  return method === 'approximate' || (method === 'auto' && context.n >= APPROXIMATE_ABOVE_NODES);
}

/**
 * What is estimated: betweenness when sampling is cheaper than the exact sweep; the distance
 * measures too when, in addition, their sample is smaller than n (else one exact distance sweep,
 * half the work of the full one, serves them). When betweenness is exact the full sweep gives the
 * distances for free, so they are never estimated alone.
 */
function approximationPlan(context: MetricContext, options: WaveMetricsOptions) {
  // Measures from another engine (GDS) are exact: then the local ones are too, so no result mixes
  // exact and sampled shortest-path measures.
  const betweenness =
    options.external === undefined &&
    wantsApproximation(context, options) &&
    plannedSamples(context, {
      weighted: options.weighted ?? WAVE_METRICS_DEFAULTS.weighted,
      epsilon: options.epsilon ?? WAVE_METRICS_DEFAULTS.epsilon,
      delta: options.delta ?? WAVE_METRICS_DEFAULTS.delta,
    }) !== undefined;
  const distances =
    betweenness &&
    plannedSources(context.n, {
      epsilon: options.distanceEpsilon ?? WAVE_METRICS_DEFAULTS.distanceEpsilon,
      delta: options.delta ?? WAVE_METRICS_DEFAULTS.delta,
    }) !== undefined;
  return { betweenness, distances };
}

/**
 * `computeWaveMetrics` with the shortest-path sweep on worker threads for graphs of
 * {@link PARALLEL_MIN_NODES} nodes or more (same numbers: see parallel/sweep-pool.ts), progress and
 * cancellation. Smaller graphs run on the calling thread, as the synchronous function does.
 */
export async function computeWaveMetricsAsync(
  input: MetricInput,
  options: WaveMetricsOptions,
  run: RunOptions = {},
): Promise<WaveMetrics> {
  const context = contextOf(input);
  throwIfAborted(run.signal);
  const threads = run.threads ?? defaultThreads();
  const weighted = options.weighted ?? WAVE_METRICS_DEFAULTS.weighted;
  const plan = approximationPlan(context, options);
  if (threads > 1 && context.n >= PARALLEL_MIN_NODES && !plan.distances && !sweepProvided(options.external)) {
    await parallelShortestPathSweep(context, weighted, run, !plan.betweenness);
  }
  throwIfAborted(run.signal);
  return waveMetricsOf(context, options, run);
}

/** Betweenness, closeness and harmonic closeness all came from elsewhere: no sweep is needed here. */
function sweepProvided(external: ExternalMeasures | undefined): boolean {
  const values = external?.values;
  return Boolean(values?.betweenness && values.closeness && values.harmonicCloseness);
}

function waveMetricsOf(
  context: MetricContext,
  options: WaveMetricsOptions,
  run: RunOptions = {},
): WaveMetrics {
  const mode = checkMode(options.mode, context.directed);
  const weighted = options.weighted ?? WAVE_METRICS_DEFAULTS.weighted;
  const groupBy = options.groupBy ?? WAVE_METRICS_DEFAULTS.groupBy;
  const seed = options.seed ?? WAVE_METRICS_DEFAULTS.seed;
  if (options.external && weighted) {
    throw new ValidationError(
      'Measures from another engine are binary: they cannot serve a weighted analysis.',
      [{ column: 'weighted', reason: 'not with external measures' }],
    );
  }
  const external = checkedExternal(context, options.external);

  // Input errors first, before any heavy work.
  const ei = computeEiIndex(context, { groupBy });
  const communities = external.community
    ? communitiesFromPartition(context, external.community, { weighted })
    : computeCommunities(context, { weighted, seed });

  const size = computeSize(context);
  const components = computeComponents(context);
  const eigenvector = external.eigenvector
    ? { values: external.eigenvector, converged: options.external?.eigenvectorConverged ?? true }
    : computeEigenvector(context, { weighted });
  const localDegree = computeDegree(context, { weighted });
  const degree = external.degree ? { ...localDegree, degree: external.degree } : localDegree;
  const delta = options.delta ?? WAVE_METRICS_DEFAULTS.delta;
  // Estimated only when sampling is cheaper than the exact sweep (approximationPlan).
  const plan = approximationPlan(context, options);
  const estimate = plan.betweenness
    ? approximateBetweenness(
        context,
        { weighted, seed, epsilon: options.epsilon ?? WAVE_METRICS_DEFAULTS.epsilon, delta },
        run,
      )
    : undefined;
  const distances = plan.distances
    ? sampledDistances(
        context,
        {
          weighted,
          seed,
          delta,
          epsilon: options.distanceEpsilon ?? WAVE_METRICS_DEFAULTS.distanceEpsilon,
        },
        run,
      )
    : undefined;
  if (estimate && !distances) shortestPathSweep(context, weighted, false);
  const betweenness =
    external.betweenness ??
    (estimate ? toNodeValues(context, estimate.values) : computeBetweenness(context, { weighted }));
  const closeness =
    external.closeness ??
    (distances ? toNodeValues(context, distances.closeness) : computeCloseness(context, { weighted }));
  const harmonic =
    external.harmonicCloseness ??
    (distances ? toNodeValues(context, distances.harmonic) : computeHarmonicCloseness(context, { weighted }));
  // After betweenness: in binary undirected mode it reuses that sweep's BFS distances.
  const paths = distances ?? computePathLength(context);
  const pagerank = external.pagerank ?? computePageRank(context, { weighted }).values;
  const clustering = external.clustering ?? computeClustering(context);
  const kCore = external.kCore ?? computeKCore(context);
  const brokerage = computeBrokerage(context, { groupBy });

  const network: NetworkMetrics = {
    nodes: size.nodes,
    edges: size.edges,
    density: computeDensity(context),
    averageDegree: computeAverageDegree(context),
    components: components.components,
    largestComponent: components.largestComponent,
    isolates: computeIsolates(context).isolates,
    transitivity: computeTransitivity(context),
    averageClustering: computeAverageClustering(context),
    degreeCentralization: computeDegreeCentralization(context),
    diameter: paths.diameter,
    averagePathLength: paths.averagePathLength,
    modularity: communities.modularity,
    communities: communities.communities,
    eiIndex: ei.eiIndex,
    crossCityTies: computeCrossCityTies(context),
    ...(mode === 'directed' ? { reciprocity: computeReciprocity(context) } : {}),
    eigenvectorConverged: eigenvector.converged,
  };

  const nodes = context.ids.map((id, index): NodeMetrics => ({
    id,
    degree: degree.degree[id]!,
    ...(degree.inDegree && degree.outDegree
      ? { inDegree: degree.inDegree[id]!, outDegree: degree.outDegree[id]! }
      : {}),
    ...(degree.strength ? { strength: degree.strength[id]! } : {}),
    betweenness: betweenness[id]!,
    closeness: closeness[id]!,
    harmonicCloseness: harmonic[id]!,
    eigenvector: eigenvector.values[id]!,
    pagerank: pagerank[id]!,
    clustering: clustering[id]!,
    community: communities.membership[id]!,
    kCore: kCore[id]!,
    ...brokerageOf(brokerage.nodes[index]!),
  }));

  return {
    wave: options.wave,
    mode,
    weighted,
    groupBy,
    network,
    groups: { eiIndex: ei.groups },
    nodes,
    ...(estimate ? { approximate: approximationInfo(estimate.info, distances) } : {}),
    ...withEngines(engineReport(options.external)),
  };
}

function withEngines(report: EngineReport | undefined): { engines?: EngineReport } {
  return report ? { engines: report } : {};
}

/** The betweenness info, with every estimated measure listed and described in `estimates`. */
function approximationInfo(
  info: ApproximationInfo,
  distances: ReturnType<typeof sampledDistances>,
): ApproximationInfo {
  const estimates: NonNullable<ApproximationInfo['estimates']> = {
    betweenness: {
      method: info.method,
      samples: info.samples,
      confidence: 1 - info.delta,
      errorBound: info.errorBound,
    },
    ...distances?.estimates,
  };
  return { ...info, measures: Object.keys(estimates), estimates };
}

export { createMetricContext, type MetricContext, type MetricInput } from './context.js';
export {
  approximateBetweenness,
  APPROXIMATE_DEFAULTS,
  type ApproximationInfo,
} from './approximate-betweenness.js';
export { parallelShortestPathSweep } from './parallel/sweep-pool.js';
export {
  sampledDistances,
  SAMPLED_DISTANCES_DEFAULTS,
  type MeasureEstimate,
  type SampledDistances,
} from './sampled-distances.js';
export { PARALLEL_MIN_NODES, type Progress, type RunOptions } from './parallel/run-options.js';
export { METRICS, findMetric, metricOutputs, type AnyMetricDescriptor } from './registry.js';
export type * from './types.js';
export { computeAverageClustering } from './average-clustering.js';
export { computeAverageDegree } from './average-degree.js';
export { computeBetweenness } from './betweenness.js';
export { computeCloseness } from './closeness.js';
export { computeClustering } from './clustering.js';
export {
  communitiesFromPartition,
  computeCommunities,
  computeModularity,
  type CommunitiesResult,
} from './communities.js';
export {
  EXTERNAL_MEASURES,
  type EngineReport,
  type ExternalMeasure,
  type ExternalMeasures,
} from './external-measures.js';
export { computeComponents, type ComponentsResult } from './components.js';
export { computeCrossCityTies } from './cross-city-ties.js';
export { computeDegree, type DegreeResult } from './degree.js';
export { computeDegreeCentralization } from './degree-centralization.js';
export { computeDensity } from './density.js';
export { computeEigenvector, type EigenvectorResult } from './eigenvector.js';
export { computeEiIndex, type EiIndexResult } from './ei-index.js';
export { computeHarmonicCloseness } from './harmonic-closeness.js';
export { computeIsolates, type IsolatesResult } from './isolates.js';
export { computeKCore } from './k-core.js';
export { computePageRank, type PageRankResult } from './pagerank.js';
export { computePathLength, type PathLengthResult } from './path-length.js';
export { computeReciprocity } from './reciprocity.js';
export { computeSize, type SizeResult } from './size.js';
export { computeTransitivity } from './transitivity.js';
