import { describe, expect, it } from 'vitest';
import { initialLocale } from '../../../../../client/src/core/i18n/locales';
import {
  localeStore,
  setLocale,
  t,
  useLocaleStorage,
  rememberedLocale,
} from '../../../../../client/src/core/i18n';

describe('initialLocale', () => {
  it('prefers the link, then the remembered choice, then the browser, then English', () => {
    expect(initialLocale('tr', 'en', ['en-GB'])).toBe('tr');
    expect(initialLocale(null, 'tr', ['en-GB'])).toBe('tr');
    expect(initialLocale(null, null, ['de-DE', 'tr-TR'])).toBe('tr');
    expect(initialLocale('xx', 'yy', ['de'])).toBe('en');
  });
});

describe('the language switcher', () => {
  it('remembers the choice in the storage it was given and translates at once', () => {
    const memory = new Map<string, string>();
    useLocaleStorage({ getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) });
    setLocale('tr');
    expect(localeStore.get()).toBe('tr');
    expect(rememberedLocale()).toBe('tr');
    expect(t('app.tabs.map')).toBe('Harita');
    expect(t('legend.tieCount', { count: 1234 })).toBe('1.234 bağ gösteriliyor');
    setLocale('en');
    expect(t('app.tabs.map')).toBe('Map');
    expect(t('legend.tieCount', { count: 1 })).toBe('1 tie shown');
    useLocaleStorage(null);
  });

  it('still works when storage throws (private browsing)', () => {
    useLocaleStorage({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => setLocale('tr')).not.toThrow();
    expect(rememberedLocale()).toBeNull();
    setLocale('en');
    useLocaleStorage(null);
  });
});
