/**
 * The three analyses users ask for, on a whole dataset: the metrics of one wave, the change between
 * two waves, and the isolated organizations with introduction suggestions. The CLI (on a bundle or
 * the database) and the HTTP API (on the database) both call these, so they print the same numbers.
 * Each result says whether the data is synthetic.
 */
import { assertPermutations, assertSeed, compareWaves, type CompareResult } from '../compare/index.js';
import { assertWave, buildWaveGraph, graphAttribute, lastWaveId } from '../graph/build-wave-graph.js';
import { findIsolated, type IsolationResult } from '../isolation/index.js';
import {
  computeWaveMetrics,
  computeWaveMetricsAsync,
  type ApproximationInfo,
  type BetweennessMethod,
  type RunOptions,
  type WaveMetrics,
  type ExternalMeasures,
} from '../metrics/index.js';
import { applyTreatment, type NonResponseTreatment } from '../survey/treatments.js';
import type { AnalysisMode, Dataset } from '../types.js';
import { NotFoundError } from '../../errors.js';

export interface DatasetLabel {
  name: string;
  synthetic: boolean;
}

/** What every analysis result says about its input: the dataset (synthetic or not) and the treatment. */
export interface AnalysisLabels {
  treatment: NonResponseTreatment;
  dataset: DatasetLabel;
}

export interface WaveAnalysisOptions {
  /** Default: the last wave by date. */
  wave?: string | undefined;
  mode?: AnalysisMode | undefined;
  weighted?: boolean | undefined;
  /** Node attribute for E-I and brokerage groups; default `kind`. */
  groupBy?: string | undefined;
  /** Louvain seed; default 42. */
  seed?: number | undefined;
  /** How to treat organizations that did not answer the survey; default `as-reported`. */
  treatment?: NonResponseTreatment | undefined;
  /** Exact or sampled betweenness; default `auto` (see metrics/index.ts). */
  betweenness?: BetweennessMethod | undefined;
  /** Node measures computed by Neo4j GDS for this wave (server/neo4j/gds/engine.ts); default none. */
  external?: ExternalMeasures | undefined;
  /** ε and δ of sampled betweenness. */
  epsilon?: number | undefined;
  delta?: number | undefined;
}

export interface CompareAnalysisOptions extends Omit<WaveAnalysisOptions, 'wave' | 'external'> {
  from: string;
  to: string;
  /** QAP permutations and density-test bootstrap samples; default 5000. */
  permutations?: number | undefined;
}

export interface IsolationAnalysisOptions {
  wave?: string | undefined;
  mode?: AnalysisMode | undefined;
  maxSuggestions?: number | undefined;
}

function label(dataset: Dataset): DatasetLabel {
  return { name: dataset.info.name, synthetic: dataset.info.synthetic };
}

/** Drops undefined options so the analyses' own defaults apply (exactOptionalPropertyTypes). */
function defined<T extends object>(options: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as never;
}

export function resolveWave(dataset: Dataset, wave: string | undefined): string {
  if (wave !== undefined) {
    assertWave(dataset, wave);
    return wave;
  }
  const last = lastWaveId(dataset);
  if (last === undefined) throw new NotFoundError('The dataset has no waves');
  return last;
}

/** The dataset with the non-response treatment applied to the given waves (unchanged when as reported). */
function treated(dataset: Dataset, waves: string[], treatment: NonResponseTreatment | undefined): Dataset {
  return treatment === undefined || treatment === 'as-reported'
    ? dataset
    : applyTreatment(dataset, waves, treatment);
}

export function analyseWave(
  original: Dataset,
  { treatment, ...options }: WaveAnalysisOptions = {},
): WaveMetrics & AnalysisLabels {
  const wave = resolveWave(original, options.wave);
  const dataset = treated(original, [wave], treatment);
  const mode = options.mode ?? 'undirected';
  const graph = buildWaveGraph(dataset, wave, mode);
  const groupBy = options.groupBy === undefined ? undefined : graphAttribute(options.groupBy);
  const metrics = computeWaveMetrics(graph, defined({ ...options, wave, mode, groupBy }));
  return { ...metrics, treatment: treatment ?? 'as-reported', dataset: label(dataset) };
}

export function analyseChange(
  original: Dataset,
  { treatment, ...options }: CompareAnalysisOptions,
): CompareResult & AnalysisLabels {
  resolveWave(original, options.from);
  resolveWave(original, options.to);
  const dataset = treated(original, [options.from, options.to], treatment);
  const groupBy = options.groupBy === undefined ? undefined : graphAttribute(options.groupBy);
  const result = compareWaves(dataset, defined({ ...options, groupBy }), computeWaveMetrics);
  return { ...result, treatment: treatment ?? 'as-reported', dataset: label(dataset) };
}

export function analyseIsolation(
  dataset: Dataset,
  options: IsolationAnalysisOptions = {},
): IsolationResult & { dataset: DatasetLabel } {
  const wave = resolveWave(dataset, options.wave);
  return { ...findIsolated(dataset, defined({ ...options, wave })), dataset: label(dataset) };
}

/**
 * `analyseWave` with the heavy part on worker threads for large graphs, progress and cancellation
 * (metrics/index.ts `computeWaveMetricsAsync`); the same numbers as `analyseWave`.
 */
export async function analyseWaveAsync(
  original: Dataset,
  { treatment, ...options }: WaveAnalysisOptions = {},
  run: RunOptions = {},
): Promise<WaveMetrics & AnalysisLabels> {
  const wave = resolveWave(original, options.wave);
  const dataset = treated(original, [wave], treatment);
  const mode = options.mode ?? 'undirected';
  const graph = buildWaveGraph(dataset, wave, mode);
  const groupBy = options.groupBy === undefined ? undefined : graphAttribute(options.groupBy);
  const metrics = await computeWaveMetricsAsync(graph, defined({ ...options, wave, mode, groupBy }), run);
  return { ...metrics, treatment: treatment ?? 'as-reported', dataset: label(dataset) };
}

/**
 * `analyseChange` with both waves' metrics computed by `computeWaveMetricsAsync` first (worker
 * threads, progress, cancellation), then the comparison; the same numbers as `analyseChange`.
 */
export async function analyseChangeAsync(
  original: Dataset,
  { treatment, ...options }: CompareAnalysisOptions,
  run: RunOptions = {},
): Promise<CompareResult & AnalysisLabels & { approximate?: ApproximationInfo }> {
  resolveWave(original, options.from);
  resolveWave(original, options.to);
  if (options.permutations !== undefined) assertPermutations(options.permutations);
  if (options.seed !== undefined) assertSeed(options.seed);
  const dataset = treated(original, [options.from, options.to], treatment);
  const mode = options.mode ?? 'undirected';
  const groupBy = options.groupBy === undefined ? undefined : graphAttribute(options.groupBy);
  const byWave = new Map<string, WaveMetrics>();
  for (const wave of [options.from, options.to]) {
    if (byWave.has(wave)) continue;
    const graph = buildWaveGraph(dataset, wave, mode);
    const metricOptions = defined({ ...options, seed: options.seed ?? 42, wave, mode, groupBy });
    byWave.set(wave, await computeWaveMetricsAsync(graph, metricOptions, run));
  }
  const result = compareWaves(dataset, defined({ ...options, groupBy }), (_graph, { wave }) =>
    byWave.get(wave)!,
  );
  const approximate = byWave.get(options.to)?.approximate ?? byWave.get(options.from)?.approximate;
  return {
    ...result,
    treatment: treatment ?? 'as-reported',
    dataset: label(dataset),
    ...(approximate ? { approximate } : {}),
  };
}
