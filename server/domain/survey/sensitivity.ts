/**
 * Sensitivity of the network metrics to the treatment of non-response: every network metric of
 * `analyseWave` (metrics --format json, DATA-FORMAT.md §4) computed under each treatment of
 * treatments.ts, with its change against `as-reported`. A metric that moves little across treatments can
 * be reported with some confidence despite the missing answers; one that moves a lot cannot.
 *
 * change = value − as-reported value; relativeChange = change / |as-reported value| (0 when nothing
 * moved; null when the as-reported value is 0 and the value moved, or either value is missing).
 * `largestRelativeChange` is the largest |relativeChange| of a row, to sort or flag the fragile metrics.
 * Non-numeric outputs (`eigenvectorConverged`) are left out.
 *
 * The idea follows Huisman (2009), "Imputation of missing network data: some simple procedures", Journal
 * of Social Structure 10(1): compare simple treatments rather than trust one.
 */
import { analyseWave, resolveWave, type DatasetLabel } from '../analysis/index.js';
import { metricOutputs } from '../metrics/registry.js';
import type { LocalizedText } from '../metrics/types.js';
import type { AnalysisMode, Dataset } from '../types.js';
import { respondentsOf } from './respondents.js';
import { applyTreatment, NON_RESPONSE_TREATMENTS, type NonResponseTreatment } from './treatments.js';

export interface SensitivityOptions {
  /** Default: the last wave by date. */
  wave?: string | undefined;
  /** Analysis mode (DATA-FORMAT.md §2). Default 'undirected'. */
  mode?: AnalysisMode | undefined;
  /** Tie level as weight where a metric has a weighted form. Default false. */
  weighted?: boolean | undefined;
  /** Groups of the E-I index. Default 'kind'. */
  groupBy?: string | undefined;
  /** Louvain seed. Default 42. */
  seed?: number | undefined;
}

export interface SensitivityCell {
  value: number | null;
  /** value − as-reported value; 0 for as-reported itself. */
  change: number | null;
  /** change / |as-reported value|: 0 when nothing changed, null when that value is 0 (or missing) and the value moved. */
  relativeChange: number | null;
}

export interface SensitivityRow {
  key: string;
  label: LocalizedText;
  values: Record<NonResponseTreatment, SensitivityCell>;
  /** Largest |relativeChange| over the treatments; null when none is defined. */
  largestRelativeChange: number | null;
}

export interface SensitivityResult {
  wave: string;
  mode: AnalysisMode;
  weighted: boolean;
  groupBy: string;
  respondents: {
    total: number;
    responded: number;
    nonRespondents: number;
    /** Organizations whose response was inferred from the ties they reported (no status for the wave). */
    inferred: number;
  };
  treatments: NonResponseTreatment[];
  /** One row per network metric, in the registry's order; `nodes` and `edges` show what a treatment removed. */
  metrics: SensitivityRow[];
  dataset: DatasetLabel;
}

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function cell(value: number | null, baseline: number | null): SensitivityCell {
  const change = value === null || baseline === null ? null : value - baseline;
  const relativeChange =
    change === null ? null : change === 0 ? 0 : baseline === 0 ? null : change / Math.abs(baseline!);
  return { value, change, relativeChange };
}

/**
 * The sensitivity table of one wave.
 * @throws NotFoundError for an unknown wave; ValidationError for bad analysis options (as analyseWave).
 */
export function computeSensitivity(dataset: Dataset, options: SensitivityOptions = {}): SensitivityResult {
  const wave = resolveWave(dataset, options.wave);
  const split = respondentsOf(dataset, wave);
  const results = NON_RESPONSE_TREATMENTS.map((treatment) =>
    analyseWave(applyTreatment(dataset, wave, treatment), { ...options, wave }),
  );
  const baseline = results[0]!;
  const present = new Set(Object.keys(baseline.network));
  // The registry's order and labels, limited to what this mode and weighting produce.
  const outputs = metricOutputs('network', baseline.mode, baseline.weighted).filter((output) =>
    present.has(output.key),
  );
  const metrics: SensitivityRow[] = [];
  for (const output of outputs) {
    const raw = (result: (typeof results)[number]): unknown =>
      (result.network as unknown as Record<string, unknown>)[output.key];
    // Booleans (eigenvectorConverged) are not quantities; a null E-I is still a row.
    if (raw(baseline) !== null && typeof raw(baseline) !== 'number') continue;
    const read = (index: number): number | null => asNumber(raw(results[index]!));
    const values = Object.fromEntries(
      NON_RESPONSE_TREATMENTS.map((treatment, index) => [treatment, cell(read(index), read(0))]),
    ) as Record<NonResponseTreatment, SensitivityCell>;
    const relative = Object.values(values)
      .map((value) => value.relativeChange)
      .filter((value): value is number => value !== null)
      .map(Math.abs);
    metrics.push({
      key: output.key,
      label: output.label,
      values,
      largestRelativeChange: relative.length > 0 ? Math.max(...relative) : null,
    });
  }
  return {
    wave,
    mode: baseline.mode,
    weighted: baseline.weighted,
    groupBy: baseline.groupBy,
    respondents: {
      total: dataset.organizations.length,
      responded: split.respondents.size,
      nonRespondents: split.nonRespondents.size,
      inferred: split.inferred.length,
    },
    treatments: [...NON_RESPONSE_TREATMENTS],
    metrics,
    dataset: baseline.dataset,
  };
}
