import { describe, expect, it } from 'vitest';
import {
  compareText,
  dayNumber,
  formatDate,
  formatDateRange,
  formatNumber,
  formatPercent,
  formatPValue,
  formatSigned,
} from '../../../../../client/src/core/i18n/format';

describe('numbers per locale', () => {
  it('writes decimals the Turkish and the English way', () => {
    expect(formatNumber('tr', 0.0279)).toBe('0,0279');
    expect(formatNumber('en', 0.0279)).toBe('0.0279');
    expect(formatNumber('tr', 1234)).toBe('1.234');
    expect(formatNumber('en', 1234)).toBe('1,234');
  });

  it('puts the percent sign where each language does, with a real minus', () => {
    expect(formatPercent('en', 0.26, true)).toBe('+26%');
    expect(formatPercent('tr', 0.26, true)).toBe('+%26');
    expect(formatPercent('en', -0.43, true)).toBe('−43%');
  });

  it('shows signs on changes and a dash for missing values', () => {
    expect(formatSigned('en', 3)).toBe('+3');
    expect(formatSigned('en', -0.5)).toBe('−0.5');
    expect(formatNumber('en', null)).toBe('–');
    expect(formatNumber('en', -0.79, 2)).toBe('−0.79');
  });

  it('reads numerical noise as zero rather than printing 1e-17', () => {
    expect(formatNumber('en', 1.2e-17)).toBe('≈ 0');
  });

  it('keeps small p-values as a bound', () => {
    expect(formatPValue('en', 0.0002)).toBe('< 0.001');
    expect(formatPValue('en', 0.04)).toBe('= 0.04');
    expect(formatPValue('en', 0.004)).toBe('= 0.004');
    expect(formatPValue('tr', 0.2)).toBe('= 0,20');
  });
});

describe('dates per locale', () => {
  it('formats ISO days as calendar days in each language, whatever the time zone', () => {
    expect(formatDate('en', '2019-12-02')).toBe('2 December 2019');
    expect(formatDate('tr', '2019-12-02')).toBe('2 Aralık 2019');
    expect(formatDate('tr', '2020-02-17', 'short')).toBe('17 Şub 2020');
  });

  it('formats an event spanning days as one range', () => {
    // ICU versions differ on the spaces around the dash.
    expect(formatDateRange('en', '2020-01-22', '2020-01-23')).toMatch(/^22\s?–\s?23 January 2020$/u);
    expect(formatDateRange('en', '2020-01-22', null)).toBe('22 January 2020');
  });

  it('counts days for the timeline', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('nonsense')).toBeNull();
  });
});

describe('compareText', () => {
  it('sorts Turkish letters where Turkish readers expect them', () => {
    const names = ['Şişli', 'Sultanbeyli', 'Çınar', 'Cizre', 'İstanbul', 'Izmit'];
    expect([...names].sort((a, b) => compareText('tr', a, b))).toEqual([
      'Cizre',
      'Çınar',
      'Izmit',
      'İstanbul',
      'Sultanbeyli',
      'Şişli',
    ]);
  });
});
