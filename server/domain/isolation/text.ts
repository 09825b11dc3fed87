/**
 * Plain-language building blocks for the isolation report, in English and Turkish: dates, lists of
 * names, event types, organization kinds. Turkish sentences are built so that no suffix is ever
 * attached to a name from the data (vowel harmony cannot be guessed for arbitrary names): names
 * stand after a colon, before `ile`/`için`, or as subjects.
 */
import { foldForSearch } from '../text/fold.js';
import type { LocalizedText, OrganizationKind } from '../types.js';

export type { LocalizedText };

export type Locale = keyof LocalizedText;

const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  tr: new Intl.DateTimeFormat('tr-TR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** `2019-12-11` → `11 Dec 2019` / `11 Ara 2019`. Anything else is returned unchanged. */
export function formatDate(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(time) ? isoDate : DATE_FORMATS[locale].format(time);
}

export interface JoinOptions {
  /** Items shown before `and N more`. */
  max: number;
  /** What is counted in Turkish (`ve 2 kuruluş daha`), which reads oddly without it. */
  moreNoun: string;
  /** `A or B` / `A veya B` instead of `and`/`ve`. */
  or?: boolean;
}

/** `A`, `A and B`, `A, B and C`, `A, B, C and 2 more` (Turkish `ve`/`veya`, `ve 2 kuruluş daha`). */
export function joinList(items: readonly string[], locale: Locale, options: JoinOptions): string {
  const conjunction = locale === 'en' ? (options.or ? 'or' : 'and') : options.or ? 'veya' : 've';
  const shown = items.slice(0, options.max);
  const rest = items.length - shown.length;
  if (rest > 0) {
    const more = locale === 'en' ? `${rest} more` : `${rest} ${options.moreNoun} daha`;
    return `${shown.join(', ')} ${locale === 'en' ? 'and' : 've'} ${more}`;
  }
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown.at(-1) as string}`;
}

export function quote(name: string): string {
  return `“${name}”`;
}

/** First letter upper-cased with the locale's rules (Turkish `i` → `İ`). */
export function upperFirst(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

interface EventTypeWords {
  en: string;
  tr: string;
  /** Dative (`…-e/-a`) form, for `… katıldı`. */
  trDative: string;
}

const EVENT_TYPE_WORDS: Record<string, EventTypeWords> = {
  consultation_meeting: {
    en: 'consultation meeting',
    tr: 'danışma toplantısı',
    trDative: 'danışma toplantısına',
  },
  cooperation_meeting: {
    en: 'cooperation meeting',
    tr: 'işbirliği toplantısı',
    trDative: 'işbirliği toplantısına',
  },
  network_meeting: { en: 'network meeting', tr: 'ağ toplantısı', trDative: 'ağ toplantısına' },
  workshop: { en: 'workshop', tr: 'çalıştay', trDative: 'çalıştaya' },
  training: { en: 'training', tr: 'eğitim', trDative: 'eğitime' },
  visit: { en: 'visit', tr: 'ziyaret', trDative: 'ziyarete' },
};

/** `Consultation Meeting`, `consultation-meeting` → `consultation_meeting`. */
export function normalizeEventType(type: string | undefined): string {
  return (type ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Words for an event type; an unknown type keeps its own words in English and is an `etkinlik` in Turkish. */
export function eventTypeWords(type: string | undefined): EventTypeWords {
  const known = EVENT_TYPE_WORDS[normalizeEventType(type)];
  if (known) return known;
  const own = (type ?? '').trim().replace(/[_-]+/g, ' ');
  return { en: own || 'event', tr: 'etkinlik', trDative: 'etkinliğe' };
}

/** Focus areas that come as codes (the demo's `legal_aid`, …), in words; keys are `matchKey`s. */
const FOCUS_WORDS: Record<string, LocalizedText> = {
  'legal aid': { en: 'legal aid', tr: 'hukuki yardım' },
  women: { en: 'women', tr: 'kadın' },
  children: { en: 'children', tr: 'çocuk' },
  'health psychosocial': { en: 'health and psychosocial support', tr: 'sağlık ve psikososyal destek' },
  education: { en: 'education', tr: 'eğitim' },
  livelihoods: { en: 'livelihoods', tr: 'geçim kaynakları' },
  relief: { en: 'humanitarian relief', tr: 'insani yardım' },
  'rights advocacy': { en: 'rights advocacy', tr: 'hak savunuculuğu' },
};

/** A focus area in words: a known code translated, anything else as written, `_` read as a space. */
export function focusWords(label: string): LocalizedText {
  const known = FOCUS_WORDS[matchKey(label)];
  if (known) return known;
  const own = label.trim().replace(/_+/g, ' ');
  return { en: own, tr: own };
}

export const KIND_WORDS: Record<OrganizationKind, LocalizedText> = {
  ngo: { en: 'NGO', tr: 'STK' },
  institution: { en: 'public institution', tr: 'kamu kurumu' },
};

/**
 * Key for comparing free-text cities and focus areas: the project's search folding (case, spacing,
 * diacritics, Turkish dotless ı) plus `_`/`-` as spaces, so `ŞANLIURFA` matches `Sanliurfa` and
 * `legal_aid` matches `Legal aid`.
 */
export function matchKey(value: string): string {
  return foldForSearch(value.replace(/[_-]+/g, ' '));
}
