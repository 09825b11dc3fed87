/**
 * Which values of a result are estimates (large networks: the server samples betweenness and the
 * distance measures, README "Large networks") and the words that say so next to them.
 */
import type { ApproximationInfo } from '../../api/types';
import { formatNumber, formatPercent, t, type Locale } from '../i18n';

/** Keys of the estimated measures; empty when every value is exact. */
export function estimatedKeys(info: ApproximationInfo | undefined): Set<string> {
  return new Set(info?.measures ?? []);
}

/** "±0.016" or "9–10": the margin of one estimated measure, or '' when the result gives none. */
export function marginOf(info: ApproximationInfo | undefined, key: string, locale: Locale): string {
  const estimate = info?.estimates?.[key];
  if (estimate?.lower !== undefined && estimate.upper !== undefined && estimate.errorBound === undefined)
    return `${formatNumber(locale, estimate.lower)}–${formatNumber(locale, estimate.upper)}`;
  const bound = estimate?.errorBound ?? (key === 'betweenness' ? info?.errorBound : undefined);
  return bound === undefined ? '' : `±${formatNumber(locale, bound, 3)}`;
}

/** The tooltip of an estimated value. */
export function estimateTitle(info: ApproximationInfo | undefined, key: string, locale: Locale): string {
  const confidence = info?.estimates?.[key]?.confidence ?? 1 - (info?.delta ?? 0);
  return t('approximate.title', {
    margin: marginOf(info, key, locale),
    confidence: formatPercent(locale, confidence),
  });
}

/** The sentence above the measures: which ones are estimated, with their margins. */
export function approximationNote(
  info: ApproximationInfo | undefined,
  labelOf: (key: string) => string,
  locale: Locale,
): string | null {
  if (!info || info.measures.length === 0) return null;
  const measures = info.measures
    .map((key) => {
      const margin = marginOf(info, key, locale);
      return margin === '' ? labelOf(key) : `${labelOf(key)} (${margin})`;
    })
    .join(', ');
  return t('approximate.note', { measures, confidence: formatPercent(locale, 1 - info.delta) });
}
