/**
 * The report's words and numbers in English or Turkish. Every sentence comes from the catalogue
 * (locales/en.json, locales/tr.json: the same keys, a test checks it); `{name}` placeholders are filled
 * with escaped values. Sentences avoid plural agreement with a number ("partners: 3", "new tie (149)"), so
 * no plural rules are needed in either language.
 *
 * Numbers, percentages and dates go through Intl with the locale's conventions: 0.0343 / 0,0343, +24.8% /
 * +%24,8, 2 December 2019 / 2 Aralık 2019. Negative numbers use the minus sign (U+2212), not a hyphen.
 * Turkish sentences never attach a suffix to a value from the data (names, labels): vowel harmony cannot
 * be guessed for arbitrary names, so values stand after a colon or as subjects.
 */
import en from './locales/en.json' with { type: 'json' };
import tr from './locales/tr.json' with { type: 'json' };
import { renderValue, SafeHtml, type HtmlValue } from './html.js';

export const REPORT_LANGUAGES = ['en', 'tr'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export type MessageKey = keyof typeof en;
export const CATALOGUES: Record<ReportLanguage, Record<string, string>> = { en, tr };

const LOCALES: Record<ReportLanguage, string> = { en: 'en-GB', tr: 'tr-TR' };

export interface Translator {
  lang: ReportLanguage;
  /** The message, escaped, with `{name}` replaced by the (escaped) value. */
  t(key: MessageKey, params?: Record<string, HtmlValue>): SafeHtml;
  /** The message as plain text (for contexts that escape on their own, e.g. CSS strings). */
  text(key: MessageKey): string;
  /** Whether the catalogue has `key` (for optional labels such as institution types). */
  has(key: string): boolean;
  /** Fixed decimals; integers without decimals. */
  number(value: number | null, digits?: number): string;
  /** With a sign for non-zero values. */
  signed(value: number | null, digits?: number): string;
  /** A ratio as a percentage (0.248 → 24.8 %). */
  percent(value: number | null, digits?: number, signed?: boolean): string;
  /** A p-value: two significant digits, "< 0.0001" below that. */
  pValue(value: number | null): string;
  /** ISO date (YYYY-MM-DD) in the locale's long form; anything else unchanged. */
  date(iso: string): string;
}

const MINUS = '\u2212';
const DASH = '–';

function withMinus(text: string): string {
  return text.replace(/-/g, MINUS);
}

export function createTranslator(lang: ReportLanguage): Translator {
  const catalogue = CATALOGUES[lang];
  const locale = LOCALES[lang];
  const formats = new Map<string, Intl.NumberFormat>();
  const format = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let formatter = formats.get(key);
    if (formatter === undefined) formats.set(key, (formatter = new Intl.NumberFormat(locale, options)));
    return formatter;
  };
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });

  const fill = (template: string, params: Record<string, HtmlValue> = {}): SafeHtml => {
    const parts = template.split(/(\{[A-Za-z]+\})/);
    return new SafeHtml(
      parts
        .map((part) => {
          const name = /^\{([A-Za-z]+)\}$/.exec(part)?.[1];
          if (name !== undefined && Object.hasOwn(params, name)) return renderValue(params[name]!);
          return renderValue(part);
        })
        .join(''),
    );
  };
  const message = (key: string): string => {
    const value = catalogue[key];
    if (value === undefined) throw new Error(`Missing report message "${key}" (${lang})`);
    return value;
  };

  const number = (value: number | null, digits = 3): string => {
    if (value === null || !Number.isFinite(value)) return DASH;
    const places = Number.isInteger(value) ? 0 : digits;
    return withMinus(
      format(`n${places}`, { minimumFractionDigits: places, maximumFractionDigits: places }).format(value),
    );
  };

  return {
    lang,
    t: (key, params) => fill(message(key), params),
    text: (key) => message(key),
    has: (key) => Object.hasOwn(catalogue, key),
    number,
    signed: (value, digits = 3) => {
      if (value === null || !Number.isFinite(value)) return DASH;
      const places = Number.isInteger(value) ? 0 : digits;
      return withMinus(
        format(`s${places}`, {
          minimumFractionDigits: places,
          maximumFractionDigits: places,
          signDisplay: 'exceptZero',
        }).format(value),
      );
    },
    percent: (value, digits = 1, signed = false) => {
      if (value === null || !Number.isFinite(value)) return DASH;
      return withMinus(
        format(`p${digits}${signed}`, {
          style: 'percent',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          signDisplay: signed ? 'exceptZero' : 'auto',
        }).format(value),
      );
    },
    pValue: (value) => {
      if (value === null || !Number.isFinite(value)) return DASH;
      if (value < 0.0001) return `< ${format('p4', { minimumFractionDigits: 4 }).format(0.0001)}`;
      return format('p2', { maximumSignificantDigits: 2 }).format(value);
    },
    date: (iso) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      if (!match) return iso;
      const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      return Number.isNaN(time) ? iso : dates.format(time);
    },
  };
}
