import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../../../../client/src/core/search/fold';
import { foldForSearch as serverFold } from '../../../../../server/domain/text/fold';

describe('foldForSearch', () => {
  it('meets İstanbul, ISTANBUL and istanbul at one form', () => {
    expect(foldForSearch('İstanbul')).toBe('istanbul');
    expect(foldForSearch('ISTANBUL')).toBe('istanbul');
    expect(foldForSearch('istanbul')).toBe('istanbul');
  });

  it('drops Turkish accents and dotless i, so a plain keyboard finds every name', () => {
    expect(foldForSearch('Sığınmacı Işık Ğ Ş Ç Ö Ü')).toBe('siginmaci isik g s c o u');
    expect(foldForSearch('  Gaziantep   Kadın  ')).toBe('gaziantep kadin');
  });

  it('agrees with the server’s fold on every sample, so client and API search match', () => {
    const samples = [
      'İstanbul',
      'ISPARTA',
      'Işıklı',
      'Şişli Humanitarian Aid Association (demo)',
      'Öncü Kadınlar Üretim Kooperatifi',
      'Çınar Hukuk ve Hak Derneği',
      'café NAÏVE',
      'Sultanbeyli\tSyrian  Literacy',
      '"Açık Kapı" Mülteci',
      '한국어 ﬁ',
    ];
    for (const sample of samples) expect(foldForSearch(sample), sample).toBe(serverFold(sample));
  });
});
