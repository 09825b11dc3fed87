/**
 * `kopru metrics --engine auto|gds|local` and `--gds-min-nodes`: bad values are usage errors (exit 2,
 * nothing on stdout); `--engine gds` needs `--db`; on files every engine gives the local result.
 * (Running in GDS is covered by tests/integration/gds-parity.test.ts against a real Neo4j.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.js';
import { cli } from './run-cli.js';

const DEMO = path.join(PROJECT_ROOT, 'data', 'demo');

describe('kopru metrics --engine', { timeout: 60_000 }, () => {
  it('refuses an unknown engine and a bad threshold', async () => {
    const unknown = await cli('metrics', DEMO, '--engine', 'spark');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/--engine must be one of auto, gds, local, not "spark"/);
    const threshold = await cli('metrics', DEMO, '--gds-min-nodes', '5k');
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toMatch(/--gds-min-nodes must be a whole number/);
  });

  it('needs --db for gds', async () => {
    const run = await cli('metrics', DEMO, '--engine', 'gds');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--engine gds runs inside Neo4j: it needs --db/);
  });

  it('computes files in process whatever the engine, without an engines field', async () => {
    const local = await cli('metrics', DEMO, '--format', 'json', '--engine', 'local');
    const auto = await cli('metrics', DEMO, '--format', 'json', '--gds-min-nodes', '0');
    expect(local.code).toBe(0);
    expect(auto.stdout).toBe(local.stdout);
    expect(JSON.parse(local.stdout).engines).toBeUndefined();
  });
});
