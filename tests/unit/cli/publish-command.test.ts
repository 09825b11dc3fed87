/**
 * `kopru publish` without a database: the release of the demo to a file or stdout (the same shape
 * and the same aggregate as the server's), publishing into KOPRU_HOME, an unreadable public_name
 * refused with the organization named, and usage errors.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.js';
import { cli } from './run-cli.js';

const DEMO = join(PROJECT_ROOT, 'data', 'demo');
let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kopru-publish-'));
});
afterAll(async () => {
  delete process.env.KOPRU_HOME;
  await rm(scratch, { recursive: true, force: true });
});

interface Release {
  type: string;
  id: string;
  cells: { id: string; count: number; names: { name: string }[] }[];
}

describe('kopru publish', () => {
  it('--out - prints the release of the demo: categories of 5 or more, only opted-in names', async () => {
    const run = await cli('publish', DEMO, '--out', '-');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const release = JSON.parse(run.stdout) as Release;
    expect(release.type).toBe('kopru-public-release');
    expect(release.cells.every((c) => c.count >= 5 && c.count % 5 === 0)).toBe(true);
    const demo = await readFile(join(DEMO, 'organizations.csv'), 'utf8');
    for (const id of demo.match(/^(ngo|inst)-\d+/gm) ?? []) expect(run.stdout).not.toContain(`"${id}"`);
    expect(run.stdout).not.toMatch(/refugee|languages|public_name/);
    const rows = parse(demo, { columns: true, bom: true }) as Record<string, string>[];
    const listed = new Set(release.cells.flatMap((c) => c.names.map((n) => n.name)));
    for (const row of rows) {
      if (row.public_name !== 'true') expect(run.stdout).not.toContain(JSON.stringify(row.name));
      else expect(listed.has(row.name!) || !run.stdout.includes(JSON.stringify(row.name))).toBe(true);
    }
    expect(listed.size).toBeGreaterThan(30);
  });

  it('--out FILE writes the file; two runs give different ids', async () => {
    const a = join(scratch, 'a.json');
    const b = join(scratch, 'b.json');
    const first = await cli('publish', DEMO, '--out', a);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Wrote public release [0-9a-f-]{36} \(\d+ categories, /);
    await cli('publish', DEMO, '--out', b);
    const ra = JSON.parse(await readFile(a, 'utf8')) as Release;
    const rb = JSON.parse(await readFile(b, 'utf8')) as Release;
    expect(rb.id).not.toBe(ra.id);
    expect(rb.cells.map((c) => c.id).filter((id) => ra.cells.some((c) => c.id === id))).toEqual([]);
  });

  it('without --out publishes into <KOPRU_HOME>/public/releases', async () => {
    process.env.KOPRU_HOME = join(scratch, 'home');
    const run = await cli('publish', DEMO);
    expect(run.code).toBe(0);
    const files = await readdir(join(scratch, 'home', 'public', 'releases'));
    expect(files).toHaveLength(1);
    expect(run.stdout).toContain(files[0]!);
  });

  it('refuses an unreadable public_name, naming the organization, and writes nothing', async () => {
    const bundle = join(scratch, 'bad');
    await cp(join(PROJECT_ROOT, 'tests', 'fixtures', 'bundles', 'valid-small'), bundle, { recursive: true });
    const orgs = (await readFile(join(bundle, 'organizations.csv'), 'utf8')).trimEnd().split('\n');
    const header = orgs[0]!;
    await writeFile(
      join(bundle, 'organizations.csv'),
      [
        `${header},public_name`,
        ...orgs.slice(1).map((line, i) => `${line},${i === 1 ? 'perhaps' : 'true'}`),
      ].join('\n') + '\n',
    );
    const out = join(scratch, 'bad.json');
    const run = await cli('publish', bundle, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /organizations\.csv \(public_name\): organization "[^"]+": must be true or false, not "perhaps"/,
    );
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });

  it('usage errors exit 2', async () => {
    expect((await cli('publish')).code).toBe(2);
    expect((await cli('publish', DEMO, '--to', 'x')).code).toBe(2);
    expect((await cli('publish', DEMO, '--db', '--out', '-')).code).toBe(2);
  });
});
