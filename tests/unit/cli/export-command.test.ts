/**
 * `kopru export` end to end in-process: every format written, the read-back formats analysed by
 * `kopru metrics` with the same result as the bundle they came from, and the usage errors.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../../server/cli/commands/export.js';
import { COMMANDS } from '../../../server/cli/main.js';
import { cli } from './run-cli.js';

// Until main.ts lists the command (the lead wires new commands), the test adds it itself; once it
// is listed this is a no-op, and the test then covers the wiring too.
if (!COMMANDS.includes(exportCommand)) COMMANDS.push(exportCommand);

const BUNDLE = join(import.meta.dirname, '../../fixtures/bundles/valid-small');
let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kopru-export-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('kopru export', () => {
  it.each([
    ['gexf', 'net.gexf'],
    ['graphml', 'net.graphml'],
    ['json', 'net.json'],
    ['csv', 'bundle-copy'],
  ])('--to %s writes a source that metrics reads to the same numbers', async (format, name) => {
    const out = join(scratch, name);
    const written = await cli('export', BUNDLE, '--to', format, '--out', out);
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`Wrote ${out} (${format}: 4 organizations, 2 wave(s), 4 ties)\n`);
    const original = await cli('metrics', BUNDLE, '--wave', 'pre', '--format', 'json');
    const copy = await cli('metrics', out, '--wave', 'pre', '--format', 'json');
    expect(copy.stderr).toBe('');
    expect(JSON.parse(copy.stdout)).toStrictEqual(JSON.parse(original.stdout));
  });

  it('--to pajek and dl, one wave, and --out - on stdout', async () => {
    const pajek = await cli('export', BUNDLE, '--to', 'pajek', '--out', '-', '--wave', 'post');
    expect(pajek.code).toBe(0);
    expect(pajek.stdout.split('\n').slice(0, 2)).toStrictEqual(['*Vertices 4', '1 "ngo-001"']);
    const dl = join(scratch, 'net.dl');
    expect((await cli('export', BUNDLE, '--to', 'dl', '--out', dl)).code).toBe(0);
    expect((await readFile(dl, 'utf8')).split('\n')[0]).toBe('dl n=4 nm=2');
  });

  it('usage errors exit 2, invalid input 1', async () => {
    expect((await cli('export', BUNDLE, '--out', 'x')).code).toBe(2);
    expect((await cli('export', BUNDLE, '--to', 'xlsx', '--out', 'x')).stderr).toContain(
      '--to must be one of gexf, graphml, csv, json, pajek, dl, not "xlsx"',
    );
    expect((await cli('export', BUNDLE, '--to', 'csv', '--out', '-')).code).toBe(2);
    expect((await cli('export', BUNDLE, '--to', 'gexf', '--out', 'x', '--wave', 'pre')).code).toBe(2);
    const unknownWave = await cli('export', BUNDLE, '--to', 'dl', '--out', '-', '--wave', 'mid');
    expect(unknownWave.code).toBe(1);
    expect(unknownWave.stderr).toContain('No wave "mid"; the waves are pre, post');
  });
});
