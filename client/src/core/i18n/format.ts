/**
 * Numbers and dates formatted per locale with Intl. Turkish writes 0,25 and %26; English 0.25 and 26%.
 * Dates in the data are ISO days (YYYY-MM-DD) and are shown as calendar days, never shifted by the
 * viewer's time zone.
 */
import type { Locale } from './locales';

const INTL_LOCALE: Record<Locale, string> = { tr: 'tr-TR', en: 'en-GB' };

export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale];
}

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(key, format);
  }
  return format;
}

/** A metric value: integers as integers, small fractions with 3 significant digits. */
export function formatNumber(locale: Locale, value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (digits !== undefined) {
    return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
      .format(value)
      .replace('-', '−');
  }
  const minus = (text: string): string => text.replace('-', '−');
  if (Number.isInteger(value)) return minus(numberFormat(locale, {}).format(value));
  const magnitude = Math.abs(value);
  // Eigenvector scores of isolates come out as 1e-17: that is zero for anyone reading the table.
  if (magnitude < 1e-4) return `≈ ${numberFormat(locale, {}).format(0)}`;
  if (magnitude >= 100) return minus(numberFormat(locale, { maximumFractionDigits: 1 }).format(value));
  return minus(numberFormat(locale, { maximumSignificantDigits: 3 }).format(value));
}

/** A change with its sign: "+3", "−0.012". */
export function formatSigned(locale: Locale, value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (digits === undefined && value !== 0 && Math.abs(value) < 1e-4) return formatNumber(locale, value);
  const text = formatNumber(locale, Math.abs(value), digits);
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

/** A ratio as a percentage: 0.26 → "26%" / "%26". */
export function formatPercent(locale: Locale, ratio: number | null | undefined, signed = false): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  const format = numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: Math.abs(ratio) < 0.1 ? 1 : 0,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  });
  return format.format(ratio).replace('-', '−');
}

/** A p-value the way papers print it: "p < 0.001" stays a bound, never "p = 0.000". */
export function formatPValue(locale: Locale, p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  if (p < 0.001) return `< ${formatNumber(locale, 0.001, 3)}`;
  return `= ${formatNumber(locale, p, p < 0.01 ? 3 : 2)}`;
}

function parseIsoDay(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export function formatDate(
  locale: Locale,
  iso: string | null | undefined,
  style: 'long' | 'short' = 'long',
): string {
  if (!iso) return '–';
  const date = parseIsoDay(iso);
  if (!date) return iso;
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
      : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], options).format(date);
}

/** A date range of an event: "22–23 January 2020" is left to Intl's formatRange. */
export function formatDateRange(locale: Locale, start: string, end: string | null | undefined): string {
  const from = parseIsoDay(start);
  const to = end ? parseIsoDay(end) : null;
  if (!from) return start;
  if (!to || to.getTime() === from.getTime()) return formatDate(locale, start);
  const format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(from, to);
}

/** Days since the epoch of an ISO day, for placing dates on a timeline. */
export function dayNumber(iso: string): number | null {
  const date = parseIsoDay(iso);
  return date ? Math.round(date.getTime() / 86_400_000) : null;
}

/** Locale-aware comparison of names (Turkish: Ç after C, İ after I). */
export function compareText(locale: Locale, a: string, b: string): number {
  return a.localeCompare(b, INTL_LOCALE[locale], { sensitivity: 'base', numeric: true });
}
