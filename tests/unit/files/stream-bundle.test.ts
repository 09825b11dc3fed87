/**
 * The streamed bundle reader must judge a bundle exactly as the in-memory reader does: the same
 * dataset for valid bundles (ties compared as sets, after applying the pass's `raises` to the first
 * rows it yielded, as the importer's raise statement does), and the same list of problems — file,
 * line, column, reason, in the same order — for broken ones, whether the pass yields ties or only
 * checks. The in-memory reader (`readBundleFolder`) is the reference throughout.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.js';
import { BUNDLE_FILE_NAMES } from '../../../server/domain/io/csv-bundle-reader.js';
import type { Tie } from '../../../server/domain/types.js';
import { ValidationError } from '../../../server/errors.js';
import { readBundleFolder } from '../../../server/files/read-bundle.js';
import {
  checkBundleStream,
  openBundleStream,
  type TiePassSummary,
} from '../../../server/files/stream-bundle.js';

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

interface Read {
  batches: Tie[][];
  summary: TiePassSummary;
}

/** Drains one pass over the bundle in `dir`, yielding ties. */
async function readPass(dir: string, batchSize: number): Promise<Read> {
  const pass = (await openBundleStream(dir)).pass(batchSize);
  const batches: Tie[][] = [];
  for (;;) {
    const next = await pass.next();
    if (next.done) return { batches, summary: next.value };
    batches.push(next.value);
  }
}

/** The ties as stored once the importer applied the raises: a raise wins only above the level written. */
function collapsed({ batches, summary }: Read): Tie[] {
  const key = (t: Tie) => JSON.stringify([t.source, t.target, t.wave]);
  const ties = new Map(batches.flat().map((t) => [key(t), t]));
  for (const raise of summary.raises) {
    const first = ties.get(key(raise));
    expect(first).toBeDefined();
    if ((first as Tie).level < raise.level) ties.set(key(raise), raise);
  }
  return [...ties.values()];
}

async function streamedTies(dir: string, batchSize: number): Promise<Tie[]> {
  const read = await readPass(dir, batchSize);
  for (const batch of read.batches) expect(batch.length).toBeLessThanOrEqual(batchSize);
  expect(read.batches.flat()).toHaveLength(read.summary.tieCount);
  return collapsed(read);
}

const tieKey = (t: Tie) => JSON.stringify([t.source, t.target, t.wave, t.level, t.extra]);

async function expectSameDataset(dir: string): Promise<void> {
  const reference = await readBundleFolder(dir);
  const stream = await openBundleStream(dir);
  await checkBundleStream(stream);
  const { ties: _ignored, ...rest } = reference;
  expect({ ...stream.dataset, ties: [] }).toStrictEqual({ ...rest, ties: [] });
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

/** The problems of the bundle in `dir` by the pass that writes (yielding ties) or only checks. */
async function streamedIssues(dir: string, write: boolean): Promise<ValidationError> {
  return issuesOf(
    (async () => {
      const pass = (await openBundleStream(dir)).pass(2, { write });
      while (!(await pass.next()).done);
    })(),
  );
}

async function expectSameIssues(dir: string): Promise<ValidationError> {
  const reference = await issuesOf(readBundleFolder(dir));
  const checked = await streamedIssues(dir, false);
  const written = await streamedIssues(dir, true);
  for (const streamed of [checked, written]) {
    expect(streamed.message).toBe(reference.message);
    expect(streamed.issues).toStrictEqual(reference.issues);
  }
  return written;
}

const ORGS = 'id,name,kind\na,A,ngo\nb,B,ngo\nc,C,institution\n';

describe('openBundleStream reads valid bundles like the in-memory reader', () => {
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
    const [a, b, c] = await Promise.all(
      [one, two, three].map(async (dir) => (await readPass(dir, 10)).summary.fingerprint),
    );
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    // The same digest as before the pass took it from the bytes it reads (imports recorded by
    // earlier versions are recognised): SHA-256 over each file's name and content, in file order.
    const expected = createHash('sha256');
    for (const file of BUNDLE_FILE_NAMES) {
      expected.update(`\u0000${file}\u0000`);
      if (file === 'organizations.csv') expected.update(ORGS);
      else if (file === 'ties.csv') expected.update('source,target,wave\na,b,1\n');
      else expected.update('\u0001absent');
    }
    expect(a).toBe(expected.digest('hex'));
    expect(await (await openBundleStream(one)).fingerprintAhead()).toBe(a);
    expect(await (await openBundleStream(three)).fingerprintAhead()).toBe(c);
  });

  it('yields nothing after the first problem, reads on, and throws every problem', async () => {
    const rows = ['source,target,wave,level'];
    for (let i = 0; i < 30; i += 1) rows.push(i === 11 ? 'a,zz,1,1' : i === 25 ? 'b,a,1,9' : 'a,b,1,1');
    const dir = await bundle('late-problem', { 'organizations.csv': ORGS, 'ties.csv': rows.join('\n') });
    const pass = (await openBundleStream(dir)).pass(1);
    // Line 2 is the first tie; the repeats of it (level 1) are neither yielded nor held.
    const first = await pass.next();
    expect(first).toStrictEqual({
      done: false,
      value: [{ source: 'a', target: 'b', wave: '1', level: 1, extra: {} }],
    });
    const error = await issuesOf(pass.next());
    expect(error.issues.map((issue) => [issue.line, issue.column])).toStrictEqual([
      [13, 'target'],
      [27, 'level'],
    ]);
  });

  it('yields first rows and holds only the later rows that raise a level', async () => {
    const dir = await bundle('raises', {
      'organizations.csv': ORGS,
      'ties.csv': [
        'source,target,wave,level,note',
        'a,b,1,2,first',
        'b,c,1,1,x',
        'a,b,1,1,lower',
        'a,b,1,3,higher',
        'a,b,1,3,same again',
        'a,b,1,4,highest',
        'a,b,2,1,other wave',
        'c,a,1,,',
      ].join('\n'),
    });
    const { batches, summary } = await readPass(dir, 2);
    expect(batches.map((batch) => batch.map((t) => t.extra.note))).toStrictEqual([
      ['first', 'x'],
      ['other wave', ''],
    ]);
    expect(summary.tieCount).toBe(4);
    expect(summary.tieRows).toBe(8);
    expect(summary.raises).toStrictEqual([
      { source: 'a', target: 'b', wave: '1', level: 4, extra: { note: 'highest' } },
    ]);
  });

  it('is read once', async () => {
    const stream = await openBundleStream(DEMO);
    await checkBundleStream(stream);
    await expect(stream.pass(10).next()).rejects.toThrow(/read once/);
  });
});

describe('openBundleStream reports every problem like the in-memory reader', () => {
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
    const error = await expectSameIssues(dir);
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
