/**
 * Search folding: the one normal form used to compare organization names (and other free text)
 * with what a user types, both in memory and in the folded copies stored in Neo4j. Both sides
 * must go through `foldForSearch`, so this function is the whole definition of "matches".
 *
 * Turkish first: `I` lower-cases to `ı` and `İ` to `i` (Unicode SpecialCasing, tr locale), and
 * then `ı` is folded to `i` so that users without a Turkish keyboard (ISIK, sigınmaci) still find
 * "Işık" or "Sığınmacı". Accents are dropped by stripping combining marks after canonical
 * decomposition (UAX #15), so ğ→g, ş→s, ç→c, ö→o, ü→u, é→e.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE_RUNS = /\s+/gu;
const DOTLESS_I = /ı/g;

/**
 * Folds `text` for accent- and case-insensitive, Turkish-aware search: "İstanbul", "ISTANBUL"
 * and "istanbul" all fold to `istanbul`; "Sığınmacı" and "SIGINMACI" to `siginmaci`.
 * The result is NFC, has no combining marks, single spaces and no leading/trailing space.
 * Idempotent: folding a folded string changes nothing (checked over every code point).
 */
export function foldForSearch(text: string): string {
  return (
    text
      .toLocaleLowerCase('tr')
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .replace(DOTLESS_I, 'i')
      .replace(WHITESPACE_RUNS, ' ')
      .trim()
      // Marks are gone, so this only recomposes what NFD split without marks (Hangul syllables):
      // stored folds stay compact and readable.
      .normalize('NFC')
  );
}

/**
 * True when `query`, folded, occurs anywhere in `haystack`, folded. An empty (or blank) query
 * matches everything, as an empty search box shows every organization.
 */
export function matchesSearch(haystack: string, query: string): boolean {
  const needle = foldForSearch(query);
  return needle === '' || foldForSearch(haystack).includes(needle);
}
