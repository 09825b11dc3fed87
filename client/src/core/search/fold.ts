/**
 * Turkish-aware folding for search, the same normal form as the server's (server/domain/text/fold.ts;
 * a unit test checks the two agree): lower-case with the Turkish rules (İ→i, I→ı), drop accents by
 * stripping combining marks after NFD (ş→s, ğ→g, ö→o), then ı→i, so "istanbul", "ISTANBUL" and
 * "İstanbul" all meet at "istanbul" and a keyboard without Turkish letters still finds "Işık".
 */
const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE_RUNS = /\s+/gu;

export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase('tr')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/ı/g, 'i')
    .replace(WHITESPACE_RUNS, ' ')
    .trim()
    .normalize('NFC');
}
