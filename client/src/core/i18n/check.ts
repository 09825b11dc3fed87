/**
 * The locale check behind `client/scripts/check-locales.ts` and its unit test: every key of one
 * catalogue exists in the other with the same placeholders, and every key the source code asks for
 * literally (a quoted key passed to `t` or `tOr`) exists. Keys built at run time (a template with the
 * data's value) fall back to the raw value by design (tOr) and are not checked here.
 */
import { compareCatalogues, lookup, type Catalogue } from './catalogue';

export interface LocaleProblem {
  kind: 'missing' | 'placeholders' | 'unknown-key';
  key: string;
  /** The catalogue lacking the key, or the source file using an unknown key. */
  where: string;
}

const LITERAL_KEY = /\bt(?:Or)?\(\s*'([a-zA-Z0-9_.]+)'/g;

export function usedKeys(source: string): string[] {
  return [...source.matchAll(LITERAL_KEY)].map((match) => match[1]!);
}

export function checkLocales(
  catalogues: Record<string, Catalogue>,
  sources: readonly { file: string; text: string }[] = [],
): LocaleProblem[] {
  const problems: LocaleProblem[] = [];
  const names = Object.keys(catalogues).sort();
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i]!;
      const b = names[j]!;
      const difference = compareCatalogues(catalogues[a]!, catalogues[b]!);
      difference.missingInB.forEach((key) => problems.push({ kind: 'missing', key, where: b }));
      difference.missingInA.forEach((key) => problems.push({ kind: 'missing', key, where: a }));
      difference.placeholderMismatch.forEach((key) =>
        problems.push({ kind: 'placeholders', key, where: `${a}/${b}` }),
      );
    }
  }
  for (const { file, text } of sources) {
    for (const key of new Set(usedKeys(text))) {
      for (const name of names) {
        if (lookup(catalogues[name]!, key) === undefined)
          problems.push({ kind: 'unknown-key', key, where: `${file} (${name})` });
      }
    }
  }
  return problems;
}

export function describeProblem(problem: LocaleProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `missing in ${problem.where}.json: ${problem.key}`;
    case 'placeholders':
      return `placeholders differ (${problem.where}): ${problem.key}`;
    case 'unknown-key':
      return `unknown key used in ${problem.where}: ${problem.key}`;
  }
}
