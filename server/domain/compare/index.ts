/**
 * `compare`: the change of a network between two waves, assembled into the result of
 * `compare --format json` (DATA-FORMAT.md §4). Each part lives in its own module with its reference:
 * - tie diff and Jaccard stability (tie-diff.ts);
 * - QAP correlation with a permutation p-value (qap.ts; Krackhardt 1987, Hubert & Schultz 1976);
 * - paired density bootstrap (density-test.ts; Snijders & Borgatti 1999, UCINET "compare densities, paired");
 * - E-I index change (metrics/ei-index.ts; Krackhardt & Stern 1988) and NGO–institution tie counts;
 * - meeting effect of the events between the waves (meeting-effect.ts);
 * - organizations that left or entered isolation;
 * - every network and node metric as {from, to, change} with rank changes (metric-change.ts), from the
 *   per-wave metrics function the caller injects (so this module does not fix which metrics exist).
 */
import { assertWave, buildWaveGraph, type WaveGraph } from '../graph/build-wave-graph.js';
import { computeEiIndex } from '../metrics/ei-index.js';
import { DEFAULT_SEED } from '../random.js';
import { ANALYSIS_MODES, type AnalysisMode, type Dataset } from '../types.js';
import { ValidationError } from '../../errors.js';
import { testDensityChange, type DensityTestResult } from './density-test.js';
import { computeMeetingEffect, type MeetingEffectRow } from './meeting-effect.js';
import {
  change,
  compareMetricResults,
  type MetricResultLike,
  type NodeChange,
  type ValueChange,
} from './metric-change.js';
import { assertPermutations, assertSeed, computeQap, QAP_DEFAULTS, type QapResult } from './qap.js';
import { diffTies, type TieCounts, type TieLists } from './tie-diff.js';

export * from './density-test.js';
export * from './meeting-effect.js';
export * from './metric-change.js';
export * from './qap.js';
export * from './statistics.js';
export * from './tie-diff.js';
export type { Pair } from './wave-pair.js';

export const COMPARE_DEFAULTS = {
  mode: 'undirected',
  weighted: false,
  permutations: QAP_DEFAULTS.permutations,
  seed: DEFAULT_SEED,
  groupBy: 'kind',
} as const;

export interface CompareOptions {
  /** Id of the earlier wave. */
  from: string;
  /** Id of the later wave. */
  to: string;
  /** Analysis mode (DATA-FORMAT.md §2). Default 'undirected'. */
  mode?: AnalysisMode;
  /** Tie levels as weights, for the metrics and the QAP correlation. Default false. */
  weighted?: boolean;
  /** QAP permutations and density-test bootstrap samples, an integer from 1 to 100 000. Default 5000. */
  permutations?: number;
  /** Seed of every random stream (QAP, bootstrap, seeded metrics such as Louvain). Default 42. */
  seed?: number;
  /** Node attribute defining the groups of the E-I index. Default 'kind'. */
  groupBy?: string;
}

/** The per-wave metrics (the metrics module's `computeWaveMetrics`), injected by the caller. */
export type WaveMetricsFunction = (
  graph: WaveGraph,
  options: { wave: string; mode: AnalysisMode; weighted: boolean; groupBy: string; seed: number },
) => MetricResultLike;

export interface EiIndexChange extends ValueChange {
  /** Per-group E-I index in each wave. */
  groups: Record<string, ValueChange>;
}

export interface CompareResult {
  from: string;
  to: string;
  mode: AnalysisMode;
  /** Every network metric of `metrics` as {from, to, change}; empty when no metrics function was given. */
  network: Record<string, ValueChange>;
  ties: TieCounts;
  tieLists: TieLists;
  qap: QapResult;
  densityTest: DensityTestResult;
  eiIndex: EiIndexChange;
  /** NGO–institution ties (ordered pairs in directed mode). */
  crossSectorTies: ValueChange;
  /** Rows for all pairs (scope "all") followed by the rows for NGO–institution pairs ("crossSector"). */
  meetingEffect: MeetingEffectRow[];
  isolates: {
    /** Isolated in `from`, with at least one tie in `to`. */
    integrated: string[];
    /** With a tie in `from`, isolated in `to`. */
    becameIsolated: string[];
  };
  /** Every node metric with change and rank change; empty when no metrics function was given. */
  nodes: NodeChange[];
}

function countCrossSectorTies(graph: WaveGraph): number {
  let count = 0;
  graph.forEachEdge((_edge, _attributes, _source, _target, sourceAttributes, targetAttributes) => {
    const kinds = [sourceAttributes.kind, targetAttributes.kind];
    if (kinds.includes('ngo') && kinds.includes('institution')) count++;
  });
  return count;
}

function compareIsolates(from: WaveGraph, to: WaveGraph): CompareResult['isolates'] {
  const integrated: string[] = [];
  const becameIsolated: string[] = [];
  from.forEachNode((id) => {
    if (!to.hasNode(id)) return;
    const before = from.degree(id) === 0;
    const after = to.degree(id) === 0;
    if (before && !after) integrated.push(id);
    if (!before && after) becameIsolated.push(id);
  });
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return { integrated: integrated.sort(byId), becameIsolated: becameIsolated.sort(byId) };
}

function ownValue(record: Record<string, number | null>, key: string): number | null {
  return Object.hasOwn(record, key) ? (record[key] ?? null) : null;
}

function compareEiIndex(from: WaveGraph, to: WaveGraph, groupBy: string): EiIndexChange {
  const before = computeEiIndex(from, { groupBy });
  const after = computeEiIndex(to, { groupBy });
  const names = [...new Set([...Object.keys(before.groups), ...Object.keys(after.groups)])].sort();
  // Group names are data (a city could be called "__proto__"): fromEntries makes them plain keys.
  const groups = Object.fromEntries(
    names.map((name) => [name, change(ownValue(before.groups, name), ownValue(after.groups, name))]),
  );
  return { ...change(before.eiIndex, after.eiIndex), groups };
}

/**
 * Compares two waves of a dataset.
 * @param computeMetrics per-wave metrics; without it `network` and `nodes` are empty.
 * @throws NotFoundError when `from` or `to` is not a wave of the dataset.
 * @throws ValidationError naming the option: `permutations` not an integer from 1 to 100 000, `seed` not an
 *   integer, an unknown `mode`, or a `groupBy` attribute no organization has.
 */
export function compareWaves(
  dataset: Dataset,
  options: CompareOptions,
  computeMetrics?: WaveMetricsFunction,
): CompareResult {
  const mode = options.mode ?? COMPARE_DEFAULTS.mode;
  const weighted = options.weighted ?? COMPARE_DEFAULTS.weighted;
  const permutations = options.permutations ?? COMPARE_DEFAULTS.permutations;
  const seed = options.seed ?? COMPARE_DEFAULTS.seed;
  const groupBy = options.groupBy ?? COMPARE_DEFAULTS.groupBy;
  if (!(ANALYSIS_MODES as readonly string[]).includes(mode)) {
    throw new ValidationError(`Unknown mode "${String(mode)}" (modes: ${ANALYSIS_MODES.join(', ')})`, [
      { column: 'mode', reason: `unknown mode ${String(mode)}` },
    ]);
  }
  assertWave(dataset, options.from);
  assertWave(dataset, options.to);
  assertPermutations(permutations);
  assertSeed(seed);

  const fromGraph = buildWaveGraph(dataset, options.from, mode);
  const toGraph = buildWaveGraph(dataset, options.to, mode);
  // E-I first: it validates `groupBy`, and a bad attribute should fail before thousands of permutations.
  const eiIndex = compareEiIndex(fromGraph, toGraph, groupBy);
  const tieDiff = diffTies(fromGraph, toGraph);

  let metricChange: ReturnType<typeof compareMetricResults> = { network: {}, nodes: [] };
  if (computeMetrics !== undefined) {
    const common = { mode, weighted, groupBy, seed };
    metricChange = compareMetricResults(
      computeMetrics(fromGraph, { wave: options.from, ...common }),
      computeMetrics(toGraph, { wave: options.to, ...common }),
    );
  }
  const meetingOptions = { from: options.from, to: options.to };

  return {
    from: options.from,
    to: options.to,
    mode,
    network: metricChange.network,
    ties: tieDiff.ties,
    tieLists: tieDiff.tieLists,
    qap: computeQap(fromGraph, toGraph, { permutations, seed, weighted }),
    densityTest: testDensityChange(fromGraph, toGraph, { samples: permutations, seed }),
    eiIndex,
    crossSectorTies: change(countCrossSectorTies(fromGraph), countCrossSectorTies(toGraph)),
    meetingEffect: [
      ...computeMeetingEffect(dataset, fromGraph, toGraph, meetingOptions),
      ...computeMeetingEffect(dataset, fromGraph, toGraph, { ...meetingOptions, crossSectorOnly: true }),
    ],
    isolates: compareIsolates(fromGraph, toGraph),
    nodes: metricChange.nodes,
  };
}
