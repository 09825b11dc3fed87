import { describe, expect, it } from 'vitest';
import {
  eventTypeWords,
  focusWords,
  formatDate,
  joinList,
  matchKey,
  upperFirst,
} from '../../../../server/domain/isolation/text.js';

describe('isolation texts', () => {
  it('formats ISO dates in UTC for both languages', () => {
    expect(formatDate('2019-12-11', 'en')).toBe('11 Dec 2019');
    expect(formatDate('2019-12-11', 'tr')).toBe('11 Ara 2019');
    expect(formatDate('2020-01-01', 'tr')).toBe('1 Oca 2020');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('joins lists with the right conjunction and a count of the rest', () => {
    expect(joinList([], 'en', { max: 3, moreNoun: 'kuruluş' })).toBe('');
    expect(joinList(['A'], 'tr', { max: 3, moreNoun: 'kuruluş' })).toBe('A');
    expect(joinList(['A', 'B'], 'en', { max: 3, moreNoun: 'kuruluş' })).toBe('A and B');
    expect(joinList(['A', 'B', 'C'], 'tr', { max: 3, moreNoun: 'kuruluş' })).toBe('A, B ve C');
    expect(joinList(['A', 'B'], 'tr', { max: 3, moreNoun: 'alan', or: true })).toBe('A veya B');
    expect(joinList(['A', 'B', 'C', 'D', 'E'], 'en', { max: 3, moreNoun: 'kuruluş' })).toBe(
      'A, B, C and 2 more',
    );
    expect(joinList(['A', 'B', 'C', 'D', 'E'], 'tr', { max: 3, moreNoun: 'kuruluş' })).toBe(
      'A, B, C ve 2 kuruluş daha',
    );
  });

  it('capitalises with Turkish rules', () => {
    expect(upperFirst('ikisi de', 'tr')).toBe('İkisi de');
    expect(upperFirst('it would', 'en')).toBe('It would');
  });

  it('names known event types and keeps unknown ones', () => {
    expect(eventTypeWords('Consultation Meeting').trDative).toBe('danışma toplantısına');
    expect(eventTypeWords('field_trip')).toEqual({ en: 'field trip', tr: 'etkinlik', trDative: 'etkinliğe' });
    expect(eventTypeWords(undefined).en).toBe('event');
  });

  it('puts known focus codes into words and keeps the others as written', () => {
    expect(focusWords('legal_aid')).toEqual({ en: 'legal aid', tr: 'hukuki yardım' });
    expect(focusWords('Health psychosocial').tr).toBe('sağlık ve psikososyal destek');
    expect(focusWords('mine_action')).toEqual({ en: 'mine action', tr: 'mine action' });
  });

  it('matches free text across case, spacing and Turkish letters', () => {
    expect(matchKey(' ŞANLIURFA ')).toBe(matchKey('Şanlıurfa'));
    expect(matchKey('Sanliurfa')).toBe(matchKey('Şanlıurfa'));
    expect(matchKey('İstanbul')).toBe(matchKey('ISTANBUL'));
    expect(matchKey('legal_aid')).toBe(matchKey('Legal  Aid'));
    expect(matchKey('Van')).not.toBe(matchKey('Kars'));
  });
});
