/** Writing an export: one file atomically (no temporary left, replaces a file, refuses a folder), or a bundle folder. */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../server/errors.js';
import { writeExport } from '../../../server/files/write-export.js';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kopru-write-export-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('writeExport', () => {
  it('writes one file, creating its folder, and replaces an existing file', async () => {
    const target = join(scratch, 'out/net.gexf');
    expect(await writeExport({ kind: 'file', text: 'first' }, target)).toStrictEqual({
      path: target,
      files: ['net.gexf'],
    });
    await writeExport({ kind: 'file', text: 'second' }, target);
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readdir(join(scratch, 'out'))).toStrictEqual(['net.gexf']);
  });

  it('refuses to replace a folder with a file', async () => {
    const dir = join(scratch, 'a-folder');
    await mkdir(dir);
    await expect(writeExport({ kind: 'file', text: 'x' }, dir)).rejects.toBeInstanceOf(ConflictError);
  });

  it('writes a bundle folder through the bundle writer', async () => {
    const dir = join(scratch, 'bundle');
    const result = await writeExport(
      { kind: 'folder', files: { 'organizations.csv': 'id\n', 'ties.csv': 'x\n' } },
      dir,
    );
    expect(result.files).toStrictEqual(['organizations.csv', 'ties.csv']);
    expect((await readdir(dir)).sort()).toStrictEqual(['organizations.csv', 'ties.csv']);
    await writeFile(join(scratch, 'plain.txt'), 'mine');
    await expect(
      writeExport({ kind: 'folder', files: { 'organizations.csv': '' } }, join(scratch, 'plain.txt')),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
