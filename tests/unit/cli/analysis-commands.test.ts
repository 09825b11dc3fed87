/**
 * `kopru metrics`, `compare` and `isolated` on the demo bundle (no database): the JSON keys of the
 * contract (DATA-FORMAT.md §4), exit codes, and the readable formats. The numbers themselves are
 * checked against NetworkX / R sna in tests/unit/domain; here we check they reach the user intact.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.js';
import { escapeFormula } from '../../../server/cli/format/csv.js';
import { cli } from './run-cli.js';

const DEMO = path.join(PROJECT_ROOT, 'data', 'demo');

const CONTRACT_NETWORK_KEYS = [
  'nodes',
  'edges',
  'density',
  'averageDegree',
  'components',
  'largestComponent',
  'isolates',
  'transitivity',
  'averageClustering',
  'degreeCentralization',
  'diameter',
  'averagePathLength',
  'modularity',
  'communities',
  'eiIndex',
];
const CONTRACT_NODE_KEYS = [
  'id',
  'degree',
  'betweenness',
  'closeness',
  'eigenvector',
  'pagerank',
  'clustering',
  'community',
];

describe('kopru metrics', () => {
  it('prints the contract JSON for a wave', async () => {
    const { code, stdout, stderr } = await cli('metrics', DEMO, '--wave', 'post', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ wave: 'post', mode: 'undirected', dataset: { synthetic: true } });
    expect(Object.keys(result.network)).toEqual(expect.arrayContaining(CONTRACT_NETWORK_KEYS));
    expect(result.nodes).toHaveLength(172);
    expect(Object.keys(result.nodes[0])).toEqual(expect.arrayContaining(CONTRACT_NODE_KEYS));
    expect(result.network.nodes).toBe(172);
    // 2m / (n(n-1)) with the counts the command itself reports.
    expect(result.network.density).toBeCloseTo((2 * result.network.edges) / (172 * 171), 12);
  });

  it('adds reciprocity and in/out degree in directed mode, and defaults to the last wave', async () => {
    const result = JSON.parse((await cli('metrics', DEMO, '--mode', 'directed', '--format', 'json')).stdout);
    expect(result.wave).toBe('post');
    expect(result.network.reciprocity).toBeGreaterThan(0);
    expect(result.nodes[0]).toHaveProperty('inDegree');
    expect(result.nodes[0]).toHaveProperty('outDegree');
  });

  it('prints a terminal table that says the data is synthetic and fits 100 columns', async () => {
    const { code, stdout } = await cli('metrics', DEMO, '--wave', 'post', '--format', 'table');
    expect(code).toBe(0);
    expect(stdout).toMatch(/synthetic/);
    expect(stdout).toMatch(/Density\s+density\s+0\.03/);
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  it('prints every node metric as CSV, one row per organization', async () => {
    const { stdout } = await cli('metrics', DEMO, '--format', 'csv');
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(172);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['id', 'name', 'kind', 'degree', 'betweenness', 'brokerageRole']),
    );
  });

  it('groups by any attribute, extra columns and CSV column names included', async () => {
    const languages = JSON.parse(
      (await cli('metrics', DEMO, '--group-by', 'languages', '--format', 'json')).stdout,
    );
    expect(Object.keys(languages.groups.eiIndex)).toContain('tr');
    const refugeeLed = JSON.parse(
      (await cli('metrics', DEMO, '--group-by', 'refugee_led', '--format', 'json')).stdout,
    );
    expect(Object.keys(refugeeLed.groups.eiIndex).sort()).toEqual(['false', 'true']);
  });

  it('exits 1 with a message (and no stdout) for an unknown wave or group attribute', async () => {
    const wave = await cli('metrics', DEMO, '--wave', 'mid');
    expect(wave.code).toBe(1);
    expect(wave.stdout).toBe('');
    expect(wave.stderr).toMatch(/Unknown wave "mid" \(known waves: pre, post\)/);
    const group = await cli('metrics', DEMO, '--group-by', 'colour');
    expect(group.code).toBe(1);
    expect(group.stderr).toMatch(/colour/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli('metrics')).code).toBe(2);
    expect((await cli('metrics', DEMO, '--format', 'xml')).code).toBe(2);
    expect((await cli('metrics', DEMO, '--mode', 'sideways')).code).toBe(2);
    expect((await cli('metrics', DEMO, '--nope')).code).toBe(2);
  });

  it('exits 1 naming the folder when the source does not exist', async () => {
    const result = await cli('metrics', '/no/such/bundle');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\/no\/such\/bundle/);
  });
});

describe('kopru compare', () => {
  it('prints the contract JSON with statistics of change', async () => {
    const { code, stdout } = await cli(
      'compare',
      DEMO,
      '--from',
      'pre',
      '--to',
      'post',
      '--permutations',
      '999',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ from: 'pre', to: 'post', mode: 'undirected' });
    expect(result.network.density).toEqual({
      from: expect.any(Number),
      to: expect.any(Number),
      change: expect.closeTo(result.network.density.to - result.network.density.from, 12),
    });
    expect(Object.keys(result.ties)).toEqual(
      expect.arrayContaining(['added', 'removed', 'stable', 'jaccard']),
    );
    expect(result.ties.added + result.ties.stable).toBe(result.network.edges.to);
    expect(result.ties.removed + result.ties.stable).toBe(result.network.edges.from);
    expect(result.qap.permutations).toBe(999);
    expect(result.qap.pValue).toBeGreaterThanOrEqual(1 / 1000);
    expect(result.densityTest.ci95).toHaveLength(2);
    expect(result.nodes[0].degree).toEqual(
      expect.objectContaining({ from: expect.any(Number), to: expect.any(Number) }),
    );
  });

  it('gives the same p-values for the same seed', async () => {
    const run = async () =>
      JSON.parse(
        (
          await cli(
            'compare',
            DEMO,
            '--from',
            'pre',
            '--to',
            'post',
            '--permutations',
            '200',
            '--seed',
            '7',
            '--format',
            'json',
          )
        ).stdout,
      );
    const [a, b] = [await run(), await run()];
    expect(a.qap).toEqual(b.qap);
    expect(a.densityTest).toEqual(b.densityTest);
  });

  it('comparing a wave with itself finds no added or removed ties and r = 1', async () => {
    const result = JSON.parse(
      (
        await cli(
          'compare',
          DEMO,
          '--from',
          'post',
          '--to',
          'post',
          '--permutations',
          '99',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(result.ties.added).toBe(0);
    expect(result.ties.removed).toBe(0);
    expect(result.qap.correlation).toBeCloseTo(1, 12);
  });

  it('prints a readable report by default, 100 columns wide at most', async () => {
    const { stdout } = await cli('compare', DEMO, '--from', 'pre', '--to', 'post', '--permutations', '200');
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(stdout).toMatch(/Density .* 95% CI/);
    expect(stdout).toMatch(/QAP correlation/);
    expect(stdout).toMatch(/consultation_meeting/);
  });

  it('rejects missing waves and bad permutations', async () => {
    expect((await cli('compare', DEMO, '--from', 'pre')).code).toBe(2);
    expect((await cli('compare', DEMO, '--from', 'pre', '--to', 'post', '--permutations', '0')).code).toBe(2);
    const unknown = await cli('compare', DEMO, '--from', 'pre', '--to', 'later');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/later/);
  });
});

describe('kopru isolated', () => {
  it('lists isolated NGOs with reasons and explained suggestions', async () => {
    const { code, stdout } = await cli('isolated', DEMO, '--wave', 'pre', '--format', 'json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const isolates = result.organizations.filter((o: { reasons: { code: string }[] }) =>
      o.reasons.some((r) => r.code === 'isolate'),
    );
    const metrics = JSON.parse((await cli('metrics', DEMO, '--wave', 'pre', '--format', 'json')).stdout);
    expect(isolates).toHaveLength(metrics.network.isolates);
    for (const org of isolates) {
      expect(org.suggestions.length).toBeGreaterThan(0);
      expect(org.suggestions[0].text.en).toMatch(/^Introduce /);
      expect(org.suggestions[0].text.tr.length).toBeGreaterThan(10);
    }
  });

  it('prints a readable list and a CSV with one row per suggestion', async () => {
    expect((await cli('isolated', DEMO)).stdout).toMatch(/Introduce .* because/);
    const rows = parse((await cli('isolated', DEMO, '--format', 'csv')).stdout, { columns: true });
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('CSV formula escaping', () => {
  it('neutralises cells a spreadsheet would run, and leaves numbers alone', () => {
    expect(escapeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(escapeFormula('+1')).toBe("'+1");
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormula('-3+4')).toBe("'-3+4");
    expect(escapeFormula(-0.5)).toBe(-0.5);
    expect(escapeFormula('Işık Derneği')).toBe('Işık Derneği');
  });
});

describe('--treatment of non-respondents', () => {
  it('drops the organizations that did not answer in that wave', async () => {
    const responses = parse(readFileSync(path.join(DEMO, 'responses.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const answered = responses.filter((r) => r.wave === 'post' && r.status === 'responded').length;
    const result = JSON.parse(
      (
        await cli(
          'metrics',
          DEMO,
          '--wave',
          'post',
          '--treatment',
          'drop-non-respondents',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(result.treatment).toBe('drop-non-respondents');
    expect(result.network.nodes).toBe(answered);
  });

  it('rejects an unknown treatment as a usage error', async () => {
    expect((await cli('compare', DEMO, '--from', 'pre', '--to', 'post', '--treatment', 'guess')).code).toBe(
      2,
    );
  });
});
