/**
 * The streamed bundle reader must judge a bundle exactly as the in-memory reader does: the same
 * dataset (ties compared as sets: the streamed path yields collapsed duplicates last) for valid
 * bundles, and the same list of problems — file, line, column, reason, in the same order — for
 * broken ones. The in-memory reader (`readBundleFolder`) is the reference throughout.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.js';
import type { Tie } from '../../../server/domain/types.js';
import { ValidationError } from '../../../server/errors.js';
import { readBundleFolder } from '../../../server/files/read-bundle.js';
import { openStreamedBundle } from '../../../server/files/stream-bundle.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/bundles');
const DEMO = join(PROJECT_ROOT, 'data', 'demo');

let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kopru-stream-bundle-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function bundle(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const dir = join(scratch, name);
  await mkdir(dir);
  for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
  return dir;
}

async function streamedTies(dir: string, batchSize: number): Promise<Tie[]> {
  const streamed = await openStreamedBundle(dir);
  const ties: Tie[] = [];
  for await (const batch of streamed.tieBatches(batchSize)) {
    expect(batch.length).toBeLessThanOrEqual(batchSize);
    ties.push(...batch);
  }
  expect(ties).toHaveLength(streamed.tieCount);
  return ties;
}

const tieKey = (t: Tie) => JSON.stringify([t.source, t.target, t.wave, t.level, t.extra]);

async function expectSameDataset(dir: string): Promise<void> {
  const reference = await readBundleFolder(dir);
  const streamed = await openStreamedBundle(dir);
  const { ties: _ignored, ...rest } = reference;
  expect({ ...streamed.dataset, ties: [] }).toStrictEqual({ ...rest, ties: [] });
  for (const batchSize of [1, 7, 10_000]) {
    const ties = await streamedTies(dir, batchSize);
    expect(ties.map(tieKey).sort()).toStrictEqual(reference.ties.map(tieKey).sort());
  }
}

async function issuesOf(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

async function expectSameIssues(dir: string): Promise<ValidationError> {
  const reference = await issuesOf(readBundleFolder(dir));
  const streamed = await issuesOf(openStreamedBundle(dir));
  expect(streamed.message).toBe(reference.message);
  expect(streamed.issues).toStrictEqual(reference.issues);
  return streamed;
}

const ORGS = 'id,name,kind\na,A,ngo\nb,B,ngo\nc,C,institution\n';

describe('openStreamedBundle reads valid bundles like the in-memory reader', () => {
  it('the demo bundle: same organizations, waves, events, attendance, responses and ties', async () => {
    await expectSameDataset(DEMO);
  });

  it("the small fixture: duplicates keep the highest level with that row's extra columns", async () => {
    await expectSameDataset(join(FIXTURES, 'valid-small'));
    const ties = await streamedTies(join(FIXTURES, 'valid-small'), 10);
    expect(
      ties.find((t) => t.source === 'ngo-001' && t.target === 'ngo-002' && t.wave === 'pre'),
    ).toStrictEqual({
      source: 'ngo-001',
      target: 'ngo-002',
      wave: 'pre',
      level: 3,
      extra: { note: 'repeated row' },
    });
  });

  it("the no-waves fixture: waves are the ties' waves in order of first appearance", async () => {
    await expectSameDataset(join(FIXTURES, 'no-waves'));
  });

  it('spreadsheet exports: BOM, sep=; line, CRLF, quoted newlines, decomposed Turkish letters', async () => {
    const dir = await bundle('excel', {
      'organizations.csv': '\uFEFFsep=;\r\nid;name;kind\r\na;"Ş\u0327 one\r\nline two";ngo\r\nb;B;ngo\r\n',
      'ties.csv': '\uFEFFsource;target;wave;level;note\r\na;b;1;2;"x;\r\ny"\r\n\r\nb;a;1;;\r\n',
    });
    await expectSameDataset(dir);
  });

  it('gives the same fingerprint to the same files and another one when a tie changes', async () => {
    const one = await bundle('fp-1', {
      'organizations.csv': ORGS,
      'ties.csv': 'source,target,wave\na,b,1\n',
    });
    const two = await bundle('fp-2', {
      'organizations.csv': ORGS,
      'ties.csv': 'source,target,wave\na,b,1\n',
    });
    const three = await bundle('fp-3', {
      'organizations.csv': ORGS,
      'ties.csv': 'source,target,wave\na,c,1\n',
    });
    const [a, b, c] = await Promise.all([one, two, three].map((dir) => openStreamedBundle(dir)));
    expect(a?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(a?.fingerprint).not.toBe(c?.fingerprint);
  });

  it('refuses to load a ties.csv that changed after validation', async () => {
    const dir = await bundle('changed', {
      'organizations.csv': ORGS,
      'ties.csv': 'source,target,wave\na,b,1\n',
    });
    const streamed = await openStreamedBundle(dir);
    await writeFile(join(dir, 'ties.csv'), 'source,target,wave\na,b,1\nb,c,1\n');
    const error = await issuesOf(streamed.tieBatches(10).next());
    expect(error.message).toMatch(/changed after it was validated/);
  });
});

describe('openStreamedBundle reports every problem like the in-memory reader', () => {
  it('bad ties: empty cells, bad level, self-tie, unknown organization and wave, field counts', async () => {
    const dir = await bundle('bad-ties', {
      'organizations.csv': ORGS,
      'waves.csv': 'id,label,date\n1,One,2020-01-01\n',
      'ties.csv': [
        'source,target,wave,level',
        'a,b,1,2',
        ',b,1,1',
        'a,a,1,5',
        'a,zz,2,x',
        'a,b',
        'a,b,1,1,extra',
        'c,,,',
        '',
      ].join('\n'),
    });
    const error = await expectSameIssues(dir);
    expect(error.issues.length).toBeGreaterThanOrEqual(8);
  });

  it('problems in several files at once, ties.csv and responses.csv without waves.csv', async () => {
    const dir = await bundle('several', {
      'organizations.csv': 'id,name,kind\na,A,ngo\na,A again,ngo\nb,B,club\n',
      'ties.csv': 'source,target,wave\na,b,pre\nb,q,post\n',
      'responses.csv': 'organization,wave,status\na,pre,responded\nb,during,missing\nq,pre,maybe\n',
      'attendance.csv': 'organization,event\na,ev\n',
    });
    await expectSameIssues(dir);
  });

  it('a header without required columns, a forbidden and a repeated column name', async () => {
    const dir = await bundle('header', {
      'organizations.csv': ORGS,
      'ties.csv': 'source,wave,__proto__,wave\na,1,x,1\n',
    });
    await expectSameIssues(dir);
  });

  it('an unclosed quote and an unnamed column holding values', async () => {
    const unclosed = await bundle('unclosed', {
      'organizations.csv': ORGS,
      'ties.csv': 'source,target,wave,\na,b,1,\na,c,1,x\nb,"c,1,\nb,a,1,\n',
    });
    await expectSameIssues(unclosed);
  });

  it('a ties.csv that is not UTF-8 (Windows-1254) names the line of the first bad byte', async () => {
    const latin = Buffer.concat([Buffer.from('source,target,wave\na,b,1\nb,c,'), Buffer.from([0xfe, 0x0a])]);
    const dir = await bundle('latin', { 'organizations.csv': ORGS, 'ties.csv': latin });
    const error = await issuesOf(openStreamedBundle(dir));
    expect(error.issues).toStrictEqual((await issuesOf(readBundleFolder(dir))).issues);
    expect(error.issues[0]?.reason).toMatch(/line 3/);
  });

  it('a missing ties.csv or organizations.csv, and a folder that does not exist', async () => {
    await expectSameIssues(await bundle('no-ties', { 'organizations.csv': ORGS }));
    const noOrgs = await bundle('no-orgs', { 'ties.csv': 'source,target,wave\na,b,1\n' });
    await expectSameIssues(noOrgs);
    await expectSameIssues(join(scratch, 'nowhere'));
  });

  it('the broken fixture', async () => {
    const dir = join(scratch, 'broken');
    await cp(join(FIXTURES, 'broken'), dir, { recursive: true });
    await expectSameIssues(dir);
  });
});
