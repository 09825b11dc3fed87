/**
 * No query is built from strings: every `.run()`/`.executeQuery()` in server/ runs a statement loaded
 * from cypher/ by a literal name, no Cypher text sits in the code, and the .cypher files take values
 * only as documented $parameters. The scanner is tested on planted bad examples first, so a scanner
 * that found nothing because it was broken would fail here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.js';
import { looksLikeCypher, scanCypher, scanTypeScript } from '../../support/cypher-injection-scan.js';

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, ext);
    return entry.name.endsWith(ext) ? [full] : [];
  });
}

const reasons = (source: string) => scanTypeScript('planted.ts', source).map((f) => f.reason);

describe('the scanner', () => {
  it('finds interpolation, concatenation and inline text passed to run/executeQuery', () => {
    expect(reasons('await session.run(`MATCH (o {id: "${id}"}) RETURN o`);').join()).toMatch(
      /template interpolation/,
    );
    expect(reasons("await tx.run('MATCH (o) WHERE o.id = \"' + id + '\" RETURN o');").join()).toMatch(
      /concatenation/,
    );
    expect(reasons("await this.driver.executeQuery('MATCH (o) RETURN o', {});").join()).toMatch(
      /inline query text/,
    );
    expect(reasons("await deps.driver.executeQuery(cypher('a/b') + ' LIMIT ' + n);").join()).toMatch(
      /concatenation/,
    );
    expect(reasons("await tx.run(cypher('a/b').replace('$x', value));").join()).toMatch(/\.replace\(\)/);
  });

  it('traces variables and parameters to where the text was built', () => {
    const viaVariable = `
      const q = \`MATCH (o:\${label}) RETURN o\`;
      await tx.run(q);`;
    expect(reasons(viaVariable).join()).toMatch(/template interpolation/);
    const viaParameter = `
      async function runBatched(tx, query, rows) { await tx.run(query, { rows }); }
      await runBatched(tx, cypher('ties/merge'), rows);
      await runBatched(tx, 'MERGE (o:Organization {id: ' + id + '})', rows);`;
    expect(reasons(viaParameter).join()).toMatch(/concatenation \(passed to runBatched\(\)\)/);
    const computedName = 'await tx.run(cypher(`organizations/${kind}`));';
    expect(reasons(computedName).join()).toMatch(/plain string literal/);
    expect(reasons('const s = "MATCH (o:Organization) WHERE o.id = $id RETURN o";')).toEqual([
      'Cypher text in the code: put the statement in cypher/queries/ and load it by name',
    ]);
  });

  it('accepts the project’s shapes', () => {
    const good = `
      await deps.driver.executeQuery(cypher('events/list-all'), {}, { database });
      const rows = async (query) => (await tx.run(query)).records;
      await rows(cypher('waves/list-all'));
      async function runBatched(tx, query, rows) { await tx.run(query, { rows }); }
      await runBatched(tx, cypher('ties/merge'), rows);
      for (const { text } of schemaStatements()) await this.driver.executeQuery(text, {});
      await command.run(rest, io);
      const message = 'Run the match to return the result';`;
    expect(scanTypeScript('good.ts', good)).toEqual([]);
  });

  it('tells Cypher from prose', () => {
    expect(looksLikeCypher('MATCH (o:Organization) RETURN o')).toBe(true);
    expect(looksLikeCypher('UNWIND $rows AS row MERGE (o:Organization {id: row.id})')).toBe(true);
    expect(looksLikeCypher('Set the password and return to the start')).toBe(false);
    expect(looksLikeCypher('WHERE and WITH are words')).toBe(false);
  });

  it('finds unsafe .cypher files', () => {
    expect(
      scanCypher('x.cypher', '// Parameters: none\nMATCH (o {id: "${id}"}) RETURN o').map((f) => f.reason),
    ).toContain('a ${…} placeholder: values only as $parameters');
    expect(
      scanCypher(
        'x.cypher',
        '// Parameters: $q\nCALL apoc.cypher.run("MATCH (o) WHERE o.name = " + $q, {}) YIELD value RETURN value',
      )
        .map((f) => f.reason)
        .join(),
    ).toMatch(/apoc\.cypher/);
    expect(
      scanCypher('x.cypher', '// Parameters: $url\nLOAD CSV FROM $url AS row RETURN row')
        .map((f) => f.reason)
        .join(),
    ).toMatch(/LOAD CSV/);
    expect(
      scanCypher('x.cypher', '// Parameters: $id\nMATCH (o {id: $id}) SET o.name = $name').map(
        (f) => f.reason,
      ),
    ).toEqual(['$name is not listed in the header comment']);
  });
});

describe('the code and the Cypher files', () => {
  it('server/ builds no query from strings', () => {
    const findings = files(path.join(PROJECT_ROOT, 'server'), '.ts').flatMap((file) =>
      scanTypeScript(path.relative(PROJECT_ROOT, file), readFileSync(file, 'utf8')),
    );
    expect(findings).toEqual([]);
  }, 60_000); // parses every server file: seconds on a busy 2-core machine

  it('cypher/ files take values only as documented $parameters and run no dynamic query', () => {
    const all = files(path.join(PROJECT_ROOT, 'cypher'), '.cypher');
    expect(all.length).toBeGreaterThan(10);
    const findings = all.flatMap((file) =>
      scanCypher(path.relative(PROJECT_ROOT, file), readFileSync(file, 'utf8')),
    );
    expect(findings).toEqual([]);
  });
});
