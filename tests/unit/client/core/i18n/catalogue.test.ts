import { describe, expect, it } from 'vitest';
import { compareCatalogues, flattenKeys, formatMessage } from '../../../../../client/src/core/i18n/catalogue';

describe('flattenKeys', () => {
  it('lists dotted keys and counts a plural group as one key', () => {
    expect(flattenKeys({ a: 'x', b: { c: 'y', d: { one: '1', other: 'n' } } })).toEqual(['a', 'b.c', 'b.d']);
  });
});

describe('compareCatalogues', () => {
  it('finds keys missing on either side and placeholder mismatches', () => {
    const en = { a: 'A {n}', b: 'B', only: 'x', plural: { one: '{count} tie', other: '{count} ties' } };
    const tr = { a: 'A', b: 'B', extra: 'y', plural: { other: '{count} bağ' } };
    expect(compareCatalogues(en, tr)).toEqual({
      missingInB: ['only'],
      missingInA: ['extra'],
      placeholderMismatch: ['a'],
    });
  });
});

describe('formatMessage', () => {
  const en = { ties: { one: '{count} tie shown', other: '{count} ties shown' }, hello: 'Hello {name}' };
  const tr = { ties: { other: '{count} bağ gösteriliyor' } };

  it('picks the plural form of the locale (Turkish has only "other")', () => {
    expect(formatMessage(en, 'en', 'ties', { count: 1 })).toBe('1 tie shown');
    expect(formatMessage(en, 'en', 'ties', { count: 2 })).toBe('2 ties shown');
    expect(formatMessage(tr, 'tr', 'ties', { count: 1 })).toBe('1 bağ gösteriliyor');
  });

  it('shows display values instead of raw ones, and leaves unknown placeholders visible', () => {
    expect(formatMessage(en, 'en', 'ties', { count: 1234 }, { count: '1,234' })).toBe('1,234 ties shown');
    expect(formatMessage(en, 'en', 'hello')).toBe('Hello {name}');
  });

  it('returns the key itself for a missing message, so gaps are visible', () => {
    expect(formatMessage(en, 'en', 'nope.nothing')).toBe('nope.nothing');
  });
});
