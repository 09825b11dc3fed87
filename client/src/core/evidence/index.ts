/**
 * The dashboard's findings in plain words. Each finding is a message key with formatted parameters and
 * a tone, built from the comparison of two waves: the density test (paired bootstrap), QAP, the meeting
 * effect, cross-sector ties and the E-I index, and the tie counts. "Unlikely to be chance" is said only
 * when the 95% interval excludes no change (or p < 0.05 where there is no interval), and "could be
 * chance" otherwise, so the wording never claims more than the test does.
 */
import type { CompareResult, MeetingEffectRow } from '../../api/types';
import { formatNumber, formatPercent, formatPValue, formatSigned } from '../i18n/format';
import type { Locale } from '../i18n/locales';

export type Tone = 'positive' | 'negative' | 'neutral';

export interface Finding {
  id: 'density' | 'qap' | 'meeting' | 'crossSector' | 'ties' | 'isolates';
  tone: Tone;
  /** Headline message key. */
  key: string;
  /** Message key of the verdict ("unlikely to be chance"), when there is a test. */
  verdictKey: string | null;
  params: Record<string, string | number>;
}

const ALPHA = 0.05;

function excludesZero(ci: readonly [number, number] | null | undefined): boolean | null {
  if (!ci) return null;
  return ci[0] > 0 || ci[1] < 0;
}

function verdict(
  ci: readonly [number, number] | null | undefined,
  pValue: number | null | undefined,
): string | null {
  const clear = excludesZero(ci) ?? (pValue === null || pValue === undefined ? null : pValue < ALPHA);
  if (clear === null) return null;
  return clear ? 'evidence.verdict.real' : 'evidence.verdict.chance';
}

function relative(from: number | null | undefined, value: number | null | undefined): number | null {
  if (from === null || from === undefined || value === null || value === undefined || from === 0) return null;
  return value / from;
}

function densityFinding(compare: CompareResult, locale: Locale): Finding | null {
  const density = compare.network.density;
  const test = compare.densityTest;
  const difference = test.difference ?? density?.change ?? null;
  if (!density || difference === null) return null;
  const change = relative(density.from, difference);
  const ci = test.ci95;
  const tone: Tone = difference > 0 ? 'positive' : difference < 0 ? 'negative' : 'neutral';
  const key =
    difference > 0
      ? 'evidence.density.grew'
      : difference < 0
        ? 'evidence.density.fell'
        : 'evidence.density.same';
  return {
    id: 'density',
    tone,
    key,
    verdictKey: verdict(ci, test.pValue),
    params: {
      change: change === null ? formatSigned(locale, difference) : formatPercent(locale, change, true),
      from: formatNumber(locale, density.from, 3),
      to: formatNumber(locale, density.to, 3),
      ciLow: ci ? formatPercent(locale, relative(density.from, ci[0]) ?? ci[0], true) : '–',
      ciHigh: ci ? formatPercent(locale, relative(density.from, ci[1]) ?? ci[1], true) : '–',
      p: formatPValue(locale, test.pValue),
    },
  };
}

function qapFinding(compare: CompareResult, locale: Locale): Finding | null {
  const { correlation, pValue, permutations } = compare.qap;
  if (correlation === null) return null;
  const similar = pValue !== null && pValue < ALPHA;
  return {
    id: 'qap',
    tone: 'neutral',
    key: similar ? 'evidence.qap.similar' : 'evidence.qap.different',
    verdictKey: null,
    params: {
      r: formatNumber(locale, correlation, 2),
      p: formatPValue(locale, pValue),
      permutations: formatNumber(locale, permutations),
    },
  };
}

/** The "any event, all pairs" row: did meeting at any event go with more new ties? */
export function overallMeetingRow(rows: readonly MeetingEffectRow[] | undefined): MeetingEffectRow | null {
  if (!rows) return null;
  return rows.find((row) => row.eventType === 'any' && (row.scope ?? 'all') === 'all') ?? null;
}

function meetingFinding(compare: CompareResult, locale: Locale): Finding | null {
  const row = overallMeetingRow(compare.meetingEffect);
  if (!row || row.rateRatio === null || row.rateCoAttending === null || row.rateOther === null) return null;
  const clear = row.ci95 ? row.ci95[0] > 1 || row.ci95[1] < 1 : row.pValue !== null && row.pValue < ALPHA;
  return {
    id: 'meeting',
    tone: row.rateRatio > 1 ? 'positive' : row.rateRatio < 1 ? 'negative' : 'neutral',
    key: row.rateRatio >= 1 ? 'evidence.meeting.more' : 'evidence.meeting.less',
    verdictKey: clear ? 'evidence.verdict.real' : 'evidence.verdict.chance',
    params: {
      ratio: formatNumber(locale, row.rateRatio, 1),
      rateMet: formatPercent(locale, row.rateCoAttending),
      rateOther: formatPercent(locale, row.rateOther),
      ciLow: row.ci95 ? formatNumber(locale, row.ci95[0], 1) : '–',
      ciHigh: row.ci95 ? formatNumber(locale, row.ci95[1], 1) : '–',
      p: formatPValue(locale, row.pValue),
    },
  };
}

function crossSectorFinding(compare: CompareResult, locale: Locale): Finding | null {
  const ties = compare.crossSectorTies;
  const ei = compare.eiIndex;
  if (!ties || ties.from === null || ties.to === null) return null;
  const change = ties.to - ties.from;
  return {
    id: 'crossSector',
    tone: change > 0 ? 'positive' : change < 0 ? 'negative' : 'neutral',
    key: change >= 0 ? 'evidence.crossSector.grew' : 'evidence.crossSector.fell',
    verdictKey: null,
    params: {
      from: formatNumber(locale, ties.from),
      to: formatNumber(locale, ties.to),
      change: formatPercent(locale, relative(ties.from, change), true),
      eiFrom: formatNumber(locale, ei?.from ?? null, 2),
      eiTo: formatNumber(locale, ei?.to ?? null, 2),
    },
  };
}

function tiesFinding(compare: CompareResult, locale: Locale): Finding {
  const { added, removed, stable, jaccard } = compare.ties;
  return {
    id: 'ties',
    tone: added > removed ? 'positive' : added < removed ? 'negative' : 'neutral',
    key: 'evidence.ties',
    verdictKey: null,
    params: {
      added: formatNumber(locale, added),
      removed: formatNumber(locale, removed),
      stable: formatNumber(locale, stable),
      jaccard: formatNumber(locale, jaccard, 2),
    },
  };
}

function isolatesFinding(compare: CompareResult, locale: Locale): Finding | null {
  if (!compare.isolates) return null;
  const { integrated, becameIsolated } = compare.isolates;
  return {
    id: 'isolates',
    tone:
      integrated.length > becameIsolated.length
        ? 'positive'
        : integrated.length < becameIsolated.length
          ? 'negative'
          : 'neutral',
    key: 'evidence.isolates',
    verdictKey: null,
    params: {
      integrated: formatNumber(locale, integrated.length),
      isolated: formatNumber(locale, becameIsolated.length),
    },
  };
}

export function buildFindings(compare: CompareResult, locale: Locale): Finding[] {
  return [
    densityFinding(compare, locale),
    meetingFinding(compare, locale),
    crossSectorFinding(compare, locale),
    qapFinding(compare, locale),
    tiesFinding(compare, locale),
    isolatesFinding(compare, locale),
  ].filter((finding): finding is Finding => finding !== null);
}
