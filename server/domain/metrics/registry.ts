/**
 * The list of metrics Köprü computes for one wave, in the order the interface shows them. The HTTP API,
 * the client's metric picker and the i18n keys derive from these descriptors; `outputs` names every key
 * of `metrics --format json` (DATA-FORMAT.md §4) and which metric produces it.
 */
import * as brokerage from '../brokerage/descriptor.js';
import * as averageClustering from './average-clustering.js';
import * as averageDegree from './average-degree.js';
import * as betweenness from './betweenness.js';
import * as closeness from './closeness.js';
import * as clustering from './clustering.js';
import * as communities from './communities.js';
import * as components from './components.js';
import * as crossCityTies from './cross-city-ties.js';
import * as degree from './degree.js';
import * as degreeCentralization from './degree-centralization.js';
import * as density from './density.js';
import * as eigenvector from './eigenvector.js';
import * as eiIndex from './ei-index.js';
import * as harmonicCloseness from './harmonic-closeness.js';
import * as isolates from './isolates.js';
import * as kCore from './k-core.js';
import * as pagerank from './pagerank.js';
import * as pathLength from './path-length.js';
import * as reciprocity from './reciprocity.js';
import * as size from './size.js';
import * as transitivity from './transitivity.js';
import type { AnalysisMode } from '../types.js';
import type { BaseMetricOptions, MetricDescriptor, MetricOutput, MetricScope } from './types.js';

/** A descriptor of any metric; every metric accepts at least `weighted`. */
export type AnyMetricDescriptor = MetricDescriptor<BaseMetricOptions, unknown>;

export const METRICS: readonly AnyMetricDescriptor[] = [
  // Network
  size.descriptor,
  density.descriptor,
  averageDegree.descriptor,
  components.descriptor,
  isolates.descriptor,
  transitivity.descriptor,
  averageClustering.descriptor,
  degreeCentralization.descriptor,
  pathLength.descriptor,
  communities.descriptor,
  eiIndex.descriptor,
  crossCityTies.descriptor,
  reciprocity.descriptor,
  // Nodes
  degree.descriptor,
  betweenness.descriptor,
  closeness.descriptor,
  harmonicCloseness.descriptor,
  eigenvector.descriptor,
  pagerank.descriptor,
  clustering.descriptor,
  kCore.descriptor,
  brokerage.descriptor,
];

/** The descriptor with this id, or undefined. */
export function findMetric(id: string): AnyMetricDescriptor | undefined {
  return METRICS.find((metric) => metric.id === id);
}

/** Every output of the registry with this scope that exists in `mode` (and with `weighted`). */
export function metricOutputs(
  scope: MetricScope,
  mode: AnalysisMode = 'undirected',
  weighted = false,
): MetricOutput[] {
  return METRICS.flatMap((metric) => metric.outputs).filter(
    (output) =>
      output.scope === scope &&
      (output.modes === undefined || output.modes.includes(mode)) &&
      (weighted || output.weightedOnly !== true),
  );
}
