/**
 * What a `<source>` path means (read-source.ts): bundle folder, roster + edge-list folder,
 * ROSTER.csv+EDGES.csv, single graph and JSON files; names and refusals.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../server/errors.js';
import { readSource } from '../../../server/files/read-source.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kopru-read-source-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function refusal(source: string, cwd = FIXTURES): Promise<ValidationError> {
  const error = await readSource(source, cwd).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('readSource', () => {
  it('a bundle folder, named after the folder', async () => {
    const { format, dataset } = await readSource('bundles/no-waves', FIXTURES);
    expect(format).toBe('csv-bundle');
    expect(dataset.info.name).toBe('no-waves');
  });

  it('a folder with nodes.csv and edges.csv', async () => {
    const { format, dataset } = await readSource('formats/roster', FIXTURES);
    expect(format).toBe('edge-list');
    expect(dataset.info.name).toBe('roster');
    expect(dataset.organizations).toHaveLength(4);
  });

  it('ROSTER.csv+EDGES.csv with any names, named after the roster’s folder', async () => {
    const dir = join(scratch, 'pair');
    await mkdir(dir);
    await copyFile(join(FIXTURES, 'formats/roster/nodes.csv'), join(dir, 'kurumlar.csv'));
    await copyFile(join(FIXTURES, 'formats/roster/edges.csv'), join(dir, 'bağlar.csv'));
    const { format, dataset } = await readSource('pair/kurumlar.csv+pair/bağlar.csv', scratch);
    expect(format).toBe('edge-list');
    expect(dataset.info.name).toBe('pair');
    expect(dataset.ties).toHaveLength(3);
  });

  it('single files, named after the file', async () => {
    for (const [file, format] of [
      ['formats/networkx-waves.gexf', 'gexf'],
      ['formats/igraph-waves.graphml', 'graphml'],
    ] as const) {
      const read = await readSource(file, FIXTURES);
      expect(read.format).toBe(format);
    }
    expect((await readSource('formats/igraph-waves.graphml', FIXTURES)).dataset.info.name).toBe(
      'igraph-waves',
    );
  });

  it('refuses a lone CSV file, an unknown extension, a folder of something else, a missing path', async () => {
    const help =
      'a source is a CSV bundle folder (organizations.csv, ties.csv, …), a folder with nodes.csv and edges.csv, ' +
      'ROSTER.csv+EDGES.csv, or a .gexf, .graphml or .json file';
    expect((await refusal('formats/roster/nodes.csv')).issues).toStrictEqual([
      {
        file: 'formats/roster/nodes.csv',
        reason: `one CSV file is not a dataset; give its folder, or ROSTER.csv+EDGES.csv; ${help}`,
      },
    ]);
    expect((await refusal('formats/generate_fixtures.py')).issues[0]?.reason).toBe(
      `files ending in .py are not read; ${help}`,
    );
    expect((await refusal('formats')).issues[0]?.reason).toBe(
      `the folder has neither organizations.csv nor nodes.csv + edges.csv; ${help}`,
    );
    expect((await refusal('nowhere')).issues).toStrictEqual([
      { file: 'nowhere', reason: 'no such file or folder' },
    ]);
    expect((await refusal('formats/roster/nodes.csv+missing.csv')).issues).toStrictEqual([
      { file: 'missing.csv', reason: 'missing.csv does not exist' },
    ]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = join(scratch, 'big.graphml');
    await writeFile(file, `<graphml>${' '.repeat(2048)}</graphml>`);
    const error = await readSource(file, scratch, { maxFileBytes: 1024 }).then(
      () => undefined,
      (reason: unknown) => reason as ValidationError,
    );
    expect(error?.issues).toStrictEqual([
      { file: 'big.graphml', reason: 'the file is 2067 bytes; files over 1024 bytes are refused' },
    ]);
  });
});
