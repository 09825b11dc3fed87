/**
 * `kopru metrics` engine flags: --approximate (sampled betweenness, labelled in JSON and the table),
 * --exact, their conflicts, and --progress on stderr with stdout left clean JSON (worker threads on a
 * generated 1 600-node graph give the same output as one thread).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stochasticBlockModel, toRosterCsv } from '../../../bench/graphs/generate.js';
import { PROJECT_ROOT } from '../../../server/config.js';
import { cli } from './run-cli.js';

const DEMO = path.join(PROJECT_ROOT, 'data', 'demo');
const folder = mkdtempSync(path.join(os.tmpdir(), 'kopru-engine-flags-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('kopru metrics engine flags', { timeout: 120_000 }, () => {
  it('--approximate samples betweenness within its stated bound and says so', async () => {
    const exact = JSON.parse((await cli('metrics', DEMO, '--wave', 'post', '--format', 'json')).stdout);
    const run = await cli(
      'metrics',
      DEMO,
      '--wave',
      'post',
      '--approximate',
      '--epsilon',
      '0.2',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const sampled = JSON.parse(run.stdout);
    expect(exact.approximate).toBeUndefined();
    expect(sampled.approximate).toMatchObject({
      measures: ['betweenness'],
      method: 'riondato-kornaropoulos-2016',
      epsilon: 0.2,
      delta: 0.1,
      seed: 42,
    });
    expect(sampled.approximate.samples).toBeLessThan(172);
    exact.nodes.forEach((node: { id: string; betweenness: number; closeness: number }, i: number) => {
      expect(sampled.nodes[i].id).toBe(node.id);
      expect(Math.abs(sampled.nodes[i].betweenness - node.betweenness)).toBeLessThanOrEqual(
        sampled.approximate.errorBound,
      );
      expect(sampled.nodes[i].closeness).toBe(node.closeness);
    });
    const table = await cli('metrics', DEMO, '--wave', 'post', '--approximate', '--epsilon', '0.2');
    expect(table.stdout).toMatch(/Betweenness is approximate: \d+ sampled shortest paths/);
  });

  it('refuses conflicting or out-of-range flags with exit 2', async () => {
    for (const flags of [
      ['--exact', '--approximate'],
      ['--approximate', '--epsilon', '1.5'],
      ['--approximate', '--delta', '0'],
      ['--exact', '--epsilon', '0.1'],
      ['--threads', '0'],
    ]) {
      const run = await cli('metrics', DEMO, ...flags);
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
    }
  });

  it('--progress reports on stderr while stdout stays the same JSON as one thread gives', async () => {
    const csv = toRosterCsv(stochasticBlockModel(1600, 5));
    writeFileSync(path.join(folder, 'nodes.csv'), csv.nodes);
    writeFileSync(path.join(folder, 'edges.csv'), csv.edges);
    const parallel = await cli('metrics', folder, '--format', 'json', '--progress', '--threads', '2');
    expect(parallel.code).toBe(0);
    expect(parallel.stderr).toContain('shortest paths: 100% (1600/1600)');
    const single = await cli('metrics', folder, '--format', 'json', '--threads', '1');
    expect(single.stderr).toBe('');
    expect(JSON.parse(parallel.stdout)).toEqual(JSON.parse(single.stdout));
  });
});
