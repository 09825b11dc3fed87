/**
 * `kopru report` and `kopru sensitivity` on the demo bundle, run in-process through the commands
 * themselves (main.ts lists them once wired): the report file is written whole, a folder is refused, and
 * the sensitivity table prints in its three formats.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../../server/cli/commands/report.js';
import { sensitivityCommand } from '../../../server/cli/commands/sensitivity.js';
import { UsageError, type Command } from '../../../server/cli/command.js';
import { PROJECT_ROOT } from '../../../server/config.js';
import { ValidationError } from '../../../server/errors.js';

const DEMO = path.join(PROJECT_ROOT, 'data', 'demo');

async function run(command: Command, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await command.run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: PROJECT_ROOT,
  });
  return { code, stdout, stderr };
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'kopru-report-cli-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('kopru report', () => {
  it('writes the report, replacing an existing file, and leaves no temporary file', async () => {
    const out = path.join(folder, 'report.html');
    await writeFile(out, 'old');
    const result = await run(
      reportCommand,
      DEMO,
      '--from',
      'pre',
      '--to',
      'post',
      '--out',
      out,
      '--lang',
      'tr',
      '--permutations',
      '200',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Report written to .*report\.html \(\d+ KB\)\n$/);
    const html = await readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="tr">/);
    expect(html).toContain('SENTETİK VERİ');
    expect(await readdir(folder)).toEqual(['report.html']);
  });

  it('refuses a folder as --out, and a missing folder', async () => {
    const target = path.join(folder, 'a-folder');
    await mkdir(target);
    await expect(run(reportCommand, DEMO, '--from', 'pre', '--to', 'post', '--out', target)).rejects.toThrow(
      ValidationError,
    );
    await expect(
      run(reportCommand, DEMO, '--from', 'pre', '--to', 'post', '--out', path.join(folder, 'no', 'r.html')),
    ).rejects.toThrow(/does not exist/);
    expect(await readdir(target)).toEqual([]);
  });

  it('reports usage errors', async () => {
    await expect(run(reportCommand, DEMO, '--from', 'pre', '--out', 'x.html')).rejects.toThrow(UsageError);
    await expect(run(reportCommand, DEMO, '--from', 'pre', '--to', 'post')).rejects.toThrow(/--out/);
    await expect(
      run(reportCommand, DEMO, '--from', 'pre', '--to', 'post', '--out', 'x.html', '--lang', 'de'),
    ).rejects.toThrow(/--lang/);
    await expect(
      run(reportCommand, DEMO, '--from', 'pre', '--to', 'post', '--out', 'x.html', '--treatment', 'guess'),
    ).rejects.toThrow(/--treatment/);
  });
});

describe('kopru sensitivity', () => {
  it('prints the JSON result', async () => {
    const { code, stdout } = await run(sensitivityCommand, DEMO, '--wave', 'pre', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ wave: 'pre', mode: 'undirected', dataset: { synthetic: true } });
    expect(result.treatments).toEqual(['as-reported', 'union', 'reciprocated', 'drop-non-respondents']);
    const nodes = result.metrics.find((m: { key: string }) => m.key === 'nodes');
    expect(nodes.values['drop-non-respondents'].value).toBe(120);
  });

  it('prints a CSV with a column per treatment and its change', async () => {
    const { stdout } = await run(sensitivityCommand, DEMO, '--format', 'csv', '--mode', 'directed');
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'metric',
      'label',
      'as-reported',
      'union',
      'union_change',
      'union_relative_change',
      'reciprocated',
      'reciprocated_change',
      'reciprocated_relative_change',
      'drop-non-respondents',
      'drop-non-respondents_change',
      'drop-non-respondents_relative_change',
    ]);
    expect(rows.find((r) => r.metric === 'reciprocity')!.union).toBe('1');
  });

  it('prints a readable table by default', async () => {
    const { stdout } = await run(sensitivityCommand, DEMO, '--wave', 'post');
    expect(stdout).toContain('NOTE: synthetic demo data');
    expect(stdout).toContain('Respondents: 120 of 172 (52 did not answer)');
    expect(stdout).toMatch(/Density\s+0\.0343\s+0\.0343 \(0%\)/);
  });

  it('rejects an unknown wave', async () => {
    await expect(run(sensitivityCommand, DEMO, '--wave', 'x')).rejects.toThrow(/Unknown wave/);
  });
});
