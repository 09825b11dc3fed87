/**
 * Tests for the Turkish-aware, accent-insensitive search fold: the required matches, and
 * property tests (fast-check) that folding is idempotent and that every text matches itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from '../../../../server/domain/text/fold.js';

describe('foldForSearch', () => {
  it.each([
    ['İstanbul', 'istanbul'],
    ['ISTANBUL', 'istanbul'],
    ['Işık', 'isik'],
    ['ISIK', 'isik'],
    ['GAZİANTEP', 'gaziantep'],
    ['Sığınmacı', 'siginmaci'],
    ['SIGINMACI', 'siginmaci'],
    ['Çağrı Öğüt Şen', 'cagri ogut sen'],
    ['Médecins  Sans\tFrontières ', 'medecins sans frontieres'],
    // Decomposed input (combining dot above, cedilla) folds like the composed one.
    ['I\u0307stanbul S\u0327ahinbey', 'istanbul sahinbey'],
    ['', ''],
  ])('%j → %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on Turkish-looking text', () => {
    const letters = fc.constantFrom(...'aAçÇgGğĞıIİiöÖşŞüÜ \u0307\u0327\u0306'.split(''));
    fc.assert(
      fc.property(
        fc.array(letters).map((chars) => chars.join('')),
        (text) => {
          const once = foldForSearch(text);
          expect(foldForSearch(once)).toBe(once);
          expect(once).not.toMatch(/[ıA-Z]/);
          expect(once).not.toMatch(/\p{M}/u);
        },
      ),
    );
  });
});

describe('matchesSearch', () => {
  it.each([
    ['İstanbul Barosu', 'istanbul'],
    ['Işık Derneği', 'ISIK'],
    ['İstanbul', 'ISTANBUL'],
    ['GAZİANTEP BÜYÜKŞEHİR BELEDİYESİ', 'gaziantep'],
    ['Sığınmacılarla Dayanışma', 'SIGINMACI'],
    ['Kadın Dayanışma Vakfı', '  dayanisma   vakfi '],
  ])('%j matches %j', (haystack, query) => {
    expect(matchesSearch(haystack, query)).toBe(true);
  });

  it('does not match unrelated text', () => {
    expect(matchesSearch('Gaziantep', 'istanbul')).toBe(false);
  });

  it('matches everything with an empty or blank query', () => {
    expect(matchesSearch('anything', '')).toBe(true);
    expect(matchesSearch('', '   ')).toBe(true);
  });

  it('matches any text with itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => matchesSearch(text, text)),
      { numRuns: 2000 },
    );
  });
});
