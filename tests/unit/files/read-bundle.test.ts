/**
 * Tests for the bundle folder reader: a fixture folder parses, the dataset is named after the
 * folder, and folder- and file-level problems (not a folder, too large, not UTF-8) are reported
 * as ValidationErrors naming the path or file. Odd encodings are written to a temporary folder.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../server/errors.js';
import { readBundleFolder } from '../../../server/files/read-bundle.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/bundles');

let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kopru-read-bundle-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A fresh copy of the no-waves fixture in the scratch folder, to spoil one file of. */
async function copyOfNoWaves(name: string): Promise<string> {
  const dir = join(scratch, name);
  await mkdir(dir);
  for (const file of ['organizations.csv', 'ties.csv']) {
    await copyFile(join(FIXTURES, 'no-waves', file), join(dir, file));
  }
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('readBundleFolder', () => {
  it('reads every file of a valid bundle', async () => {
    const dataset = await readBundleFolder(join(FIXTURES, 'valid-small'));
    expect(dataset.info).toStrictEqual({
      name: 'Small test bundle',
      synthetic: true,
      description: 'Hand-written fixture for the CSV bundle reader tests.',
    });
    expect(dataset.organizations).toHaveLength(4);
    expect(dataset.waves.map((wave) => wave.id)).toEqual(['pre', 'post']);
    expect(dataset.ties).toHaveLength(4);
    expect(dataset.events).toHaveLength(2);
    expect(dataset.attendance).toHaveLength(3);
    expect(dataset.responses).toHaveLength(3);
  });

  it('names a dataset without dataset.json after its folder, and leaves absent files out', async () => {
    const dataset = await readBundleFolder(join(FIXTURES, 'no-waves'));
    expect(dataset.info).toStrictEqual({ name: 'no-waves', synthetic: false });
    expect(dataset.events).toEqual([]);
  });

  it('passes on the problems inside the files', async () => {
    const error = await rejection(readBundleFolder(join(FIXTURES, 'broken')));
    expect(error.message).toBe('The bundle has 5 problems');
    expect(error.issues[0]).toStrictEqual({
      file: 'organizations.csv',
      line: 3,
      column: 'id',
      reason: 'duplicate id "a" (first on line 2)',
    });
  });

  it('refuses a path that does not exist', async () => {
    const dir = join(scratch, 'nowhere');
    const error = await rejection(readBundleFolder(dir));
    const reason = `${dir} is not a folder; a CSV bundle is a folder of CSV files`;
    expect(error.message).toBe(reason);
    expect(error.issues).toStrictEqual([{ file: dir, reason }]);
  });

  it('refuses a file given instead of a folder', async () => {
    const path = join(FIXTURES, 'no-waves', 'ties.csv');
    const error = await rejection(readBundleFolder(path));
    expect(error.issues).toStrictEqual([
      { file: path, reason: `${path} is not a folder; a CSV bundle is a folder of CSV files` },
    ]);
  });

  it('refuses files over the size limit', async () => {
    const dir = await copyOfNoWaves('too-large');
    await writeFile(join(dir, 'ties.csv'), `source,target,wave\n${'a,b,2020\n'.repeat(10)}`);
    const error = await rejection(readBundleFolder(dir, { maxFileBytes: 60 }));
    expect(error.message).toBe('The bundle has 1 problem');
    expect(error.issues).toStrictEqual([
      { file: 'ties.csv', reason: 'the file is 109 bytes; files over 60 bytes are refused' },
    ]);
  });

  it('names a file that is not UTF-8, and the line of the first bad byte', async () => {
    const dir = await copyOfNoWaves('latin-1');
    // "Işık" would need two bytes per Turkish letter in UTF-8; 0xFD is "ı" in ISO-8859-9.
    const latin5 = Buffer.concat([
      Buffer.from('id,name,kind\na,Alpha,ngo\nb,I'),
      Buffer.from([0xfe]),
      Buffer.from('k,institution\nc,Gamma,ngo\n'),
    ]);
    await writeFile(join(dir, 'organizations.csv'), latin5);
    const error = await rejection(readBundleFolder(dir));
    expect(error.issues).toStrictEqual([
      {
        file: 'organizations.csv',
        reason:
          'the file is not valid UTF-8 text (first bad byte on line 3); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")',
        line: 3,
      },
    ]);
  });

  it('names a file saved as UTF-16', async () => {
    const dir = await copyOfNoWaves('utf-16');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('source,target,wave\na,b,1\n', 'utf16le'),
    ]);
    await writeFile(join(dir, 'ties.csv'), utf16);
    const error = await rejection(readBundleFolder(dir));
    expect(error.issues).toStrictEqual([
      {
        file: 'ties.csv',
        reason: 'the file is saved as UTF-16; save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")',
      },
    ]);
  });

  it('tolerates a UTF-8 BOM and CRLF line endings on disk', async () => {
    const dir = await copyOfNoWaves('bom-crlf');
    await writeFile(join(dir, 'ties.csv'), '\uFEFFsource,target,wave\r\na,b,w1\r\nb,c,w1\r\n');
    const dataset = await readBundleFolder(dir);
    expect(dataset.ties.map((tie) => `${tie.source}-${tie.target}`)).toEqual(['a-b', 'b-c']);
    expect(dataset.info.name).toBe('bom-crlf');
  });

  it('reports a folder where a file is expected', async () => {
    const dir = await copyOfNoWaves('folder-as-file');
    await mkdir(join(dir, 'waves.csv'));
    const error = await rejection(readBundleFolder(dir));
    expect(error.issues).toStrictEqual([{ file: 'waves.csv', reason: 'waves.csv is not a regular file' }]);
  });
});
