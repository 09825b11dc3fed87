/**
 * Every Cypher file is used by the code and every use names an existing file; schema statements
 * are idempotent (IF NOT EXISTS) so start-up can apply them every time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.js';
import { cypher, queryNames, schemaStatements } from '../../../server/neo4j/cypher.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const uses = new Set(
  sourceFiles(path.join(PROJECT_ROOT, 'server')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/cypher\('([^']+)'\)/g)].map((m) => m[1] as string),
  ),
);

describe('cypher/ files', () => {
  it('are all used by the server code', () => {
    expect(queryNames().filter((name) => !uses.has(name))).toEqual([]);
  });

  it('exist for every name the code asks for', () => {
    expect([...uses].filter((name) => !queryNames().includes(name))).toEqual([]);
    expect(() => cypher('no/such-query')).toThrow(/No Cypher file/);
  });

  it('document their parameters and take values only as $parameters', () => {
    for (const name of queryNames()) {
      const text = cypher(name);
      expect(text.startsWith('//'), `${name} starts with a header comment`).toBe(true);
      expect(text, `${name} has no string interpolation placeholders`).not.toMatch(/\$\{/);
    }
  });

  it('apply the schema idempotently', () => {
    const statements = schemaStatements();
    expect(statements.length).toBeGreaterThanOrEqual(5);
    // Creating what exists, or dropping what is gone, must both be no-ops.
    for (const { name, text } of statements) expect(text, name).toMatch(/IF (NOT )?EXISTS/);
  });
});
