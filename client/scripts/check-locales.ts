/**
 * Fails (exit 1) when a message key is missing from either catalogue, when the two translations of a
 * key use different placeholders, or when the code asks for a key that does not exist.
 * Run: npx tsx client/scripts/check-locales.ts
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../src/core/i18n/catalogue';
import { checkLocales, describeProblem } from '../src/core/i18n/check';

const CLIENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return Promise.resolve(entry.name.endsWith('.ts') ? [full] : []);
    }),
  );
  return files.flat();
}

export async function runLocaleCheck(): Promise<string[]> {
  const locales = path.join(CLIENT, 'src', 'locales');
  const catalogues: Record<string, Catalogue> = {};
  for (const name of ['en', 'tr']) {
    catalogues[name] = JSON.parse(await readFile(path.join(locales, `${name}.json`), 'utf8')) as Catalogue;
  }
  const files = await sourceFiles(path.join(CLIENT, 'src'));
  const sources = await Promise.all(
    files.map(async (file) => ({ file: path.relative(CLIENT, file), text: await readFile(file, 'utf8') })),
  );
  return checkLocales(catalogues, sources).map(describeProblem);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = await runLocaleCheck();
  if (problems.length > 0) {
    console.error(`Locale check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Locale check passed: en.json and tr.json have the same keys and placeholders.');
}
