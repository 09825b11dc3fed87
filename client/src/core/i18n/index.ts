/**
 * The interface language: which locale is active, `t()` to read a message, and the switcher's action,
 * which remembers the choice across visits (the storage is injected: localStorage in the browser).
 */
import en from '../../locales/en.json';
import tr from '../../locales/tr.json';
import { createStore } from '../store';
import { formatMessage, type Catalogue, type MessageParams } from './catalogue';
import { formatNumber } from './format';
import type { Locale } from './locales';

export * from './catalogue';
export * from './format';
export * from './locales';

export const CATALOGUES: Record<Locale, Catalogue> = { en: en as Catalogue, tr: tr as Catalogue };

export const LOCALE_STORAGE_KEY = 'kopru.locale';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const localeStore = createStore<Locale>('en');

let storage: KeyValueStorage | null = null;

export function useLocaleStorage(next: KeyValueStorage | null): void {
  storage = next;
}

export function rememberedLocale(): string | null {
  try {
    return storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    // Private browsing can forbid storage: the switcher still works for this visit.
    return null;
  }
}

export function setLocale(locale: Locale): void {
  localeStore.set(locale);
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // See rememberedLocale.
  }
}

/** The message `key` in the active language; numbers in params are shown formatted for it. */
export function t(key: string, params: MessageParams = {}): string {
  const locale = localeStore.get();
  const display: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') display[name] = formatNumber(locale, value);
  }
  return formatMessage(CATALOGUES[locale], locale, key, params, display);
}

/** `t` for a key that may not exist (a category from the data): the fallback when it does not. */
export function tOr(key: string, fallback: string, params: MessageParams = {}): string {
  const text = t(key, params);
  return text === key ? fallback : text;
}

/** The text in the active language of something the server already translated. */
export function localized(text: { en: string; tr: string } | null | undefined): string {
  if (!text) return '';
  return text[localeStore.get()] || text.en;
}
