/**
 * Loads the Cypher statements of `cypher/` by name ("organizations/merge" → cypher/queries/organizations/merge.cypher).
 * Every statement is read once at start-up; asking for a name that has no file is a programming error
 * and fails loudly, so a missing file fails start-up rather than a request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

const CYPHER_ROOT = path.join(PROJECT_ROOT, 'cypher');

function listCypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listCypherFiles(full);
    return entry.name.endsWith('.cypher') ? [full] : [];
  });
}

function loadQueries(): Map<string, string> {
  const root = path.join(CYPHER_ROOT, 'queries');
  return new Map(
    listCypherFiles(root).map((file) => [
      path
        .relative(root, file)
        .split(path.sep)
        .join('/')
        .replace(/\.cypher$/, ''),
      readFileSync(file, 'utf8'),
    ]),
  );
}

const QUERIES = loadQueries();

/** The names of every query file, for the test that checks each one is used. */
export function queryNames(): string[] {
  return [...QUERIES.keys()].sort();
}

export function cypher(name: string): string {
  const text = QUERIES.get(name);
  if (text === undefined) throw new Error(`No Cypher file cypher/queries/${name}.cypher`);
  return text;
}

/** Schema statements (constraints and indexes) in file-name order. */
export function schemaStatements(): { name: string; text: string }[] {
  const dir = path.join(CYPHER_ROOT, 'schema');
  return listCypherFiles(dir)
    .sort()
    .map((file) => ({ name: path.basename(file), text: readFileSync(file, 'utf8') }));
}
