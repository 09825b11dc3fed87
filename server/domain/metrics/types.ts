/**
 * Shared shapes of the metric modules: the options every metric accepts, the descriptor the registry
 * lists (the HTTP API, the client's metric picker and the i18n keys derive from it), and the graph type
 * the metrics read. No computation here.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { AnalysisMode, LocalizedText } from '../types.js';

/**
 * Any graphology graph the metrics can read: directed or undirected (a `mixed` graph is accepted only
 * when all its edges have one kind). Nodes may carry `city`, `kind` or any attribute used by `groupBy`;
 * edges may carry `level` (1–4, the tie weight when `weighted` is on; 1 when absent).
 */
export type MetricGraph = AbstractGraph<Attributes, Attributes, Attributes>;

export type { LocalizedText };

export type MetricScope = 'network' | 'node';

/** Options every metric accepts. */
export interface BaseMetricOptions {
  /**
   * Use the tie level (1–4) as a weight where the metric has a weighted variant (the list is in the
   * docblock of index.ts; each module says how). Default `false`: every tie counts as 1.
   */
  weighted?: boolean;
}

/** Values of a node metric keyed by node id (every node of the graph has one). */
export type NodeValues = Record<string, number>;

/** One tunable input of a metric, for forms and the API's documentation. */
export interface MetricParameter {
  name: string;
  type: 'boolean' | 'number' | 'integer' | 'string';
  default: boolean | number | string;
  description: LocalizedText;
}

/** One key the metric contributes to `metrics --format json` (DATA-FORMAT.md §4). */
export interface MetricOutput {
  key: string;
  scope: MetricScope;
  label: LocalizedText;
  /** Present only in these modes (absent: every mode). */
  modes?: readonly AnalysisMode[];
  /** Present only when `weighted` is on. */
  weightedOnly?: boolean;
  /** `true` when the value can be `null` (undefined for this wave, e.g. E-I with no ties). */
  nullable?: boolean;
}

/** What the registry knows about one metric. `compute` is the module's `compute<Metric>`. */
export interface MetricDescriptor<Options = BaseMetricOptions, Result = unknown> {
  id: string;
  scope: MetricScope;
  label: LocalizedText;
  /** One plain sentence for officials, no jargon. */
  description: LocalizedText;
  /** Modes where the metric is defined (absent: every mode). */
  modes?: readonly AnalysisMode[];
  /** Whether `weighted: true` changes the result. */
  usesWeights: boolean;
  parameters: readonly MetricParameter[];
  outputs: readonly MetricOutput[];
  compute: (graph: MetricGraph, options?: Options) => Result;
}

/** The `weighted` parameter, shared by every metric that has a weighted variant. */
export const WEIGHTED_PARAMETER: MetricParameter = {
  name: 'weighted',
  type: 'boolean',
  default: false,
  description: {
    en: 'Count stronger cooperation (higher level) more than information sharing.',
    tr: 'Daha güçlü işbirliğini (daha yüksek düzey) bilgi paylaşımından daha fazla say.',
  },
};
