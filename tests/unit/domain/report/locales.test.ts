/**
 * The report's catalogues: English and Turkish have the same keys and the same placeholders, no empty
 * message, and the translator formats numbers and dates per locale.
 */
import { describe, expect, it } from 'vitest';
import en from '../../../../server/domain/report/locales/en.json' with { type: 'json' };
import tr from '../../../../server/domain/report/locales/tr.json' with { type: 'json' };
import { createTranslator } from '../../../../server/domain/report/i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort();

describe('report catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(tr).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    const english = en as Record<string, string>;
    const turkish = tr as Record<string, string>;
    for (const key of Object.keys(english)) {
      expect({ key, placeholders: placeholders(turkish[key]!) }).toEqual({
        key,
        placeholders: placeholders(english[key]!),
      });
    }
  });

  it('have no empty message and no markup', () => {
    for (const catalogue of [en, tr] as Record<string, string>[]) {
      for (const [key, value] of Object.entries(catalogue)) {
        expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
        // Messages are escaped as text: markup would show as tags.
        expect({ key, markup: /<[a-z/]/i.test(value) }).toEqual({ key, markup: false });
      }
    }
  });
});

describe('createTranslator', () => {
  it('formats numbers, percentages, p-values and dates per locale', () => {
    const english = createTranslator('en');
    const turkish = createTranslator('tr');
    expect(english.number(0.03431, 4)).toBe('0.0343');
    expect(turkish.number(0.03431, 4)).toBe('0,0343');
    expect(english.number(5000)).toBe('5,000');
    expect(turkish.number(5000)).toBe('5.000');
    expect(english.signed(-0.0068, 4)).toBe('\u22120.0068');
    expect(english.signed(0)).toBe('0');
    expect(english.percent(0.248, 1, true)).toBe('+24.8%');
    expect(turkish.percent(0.248, 1, true)).toBe('+%24,8');
    expect(english.pValue(0.0011)).toBe('0.0011');
    expect(english.date('2019-12-02')).toBe('2 December 2019');
    expect(turkish.date('2019-12-02')).toBe('2 Aralık 2019');
    expect(english.number(null)).toBe('–');
  });

  it('fills placeholders with escaped values and refuses unknown keys', () => {
    const english = createTranslator('en');
    expect(english.t('maps.nodeTitle', { name: '<b>A&B</b>', degree: '3' }).html).toBe(
      '&lt;b&gt;A&amp;B&lt;/b&gt; — partners: 3',
    );
    expect(english.has('type.district_municipality')).toBe(true);
    expect(english.has('type.__proto__')).toBe(false);
    expect(() => english.t('no.such.key' as never)).toThrow(/Missing report message/);
  });
});
