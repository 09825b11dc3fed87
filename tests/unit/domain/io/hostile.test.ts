/**
 * The hostile-file set (tests/fixtures/hostile/, made by generate_hostile.py there): entity bombs,
 * external entities, a huge value, malformed CSV rows, mixed encodings and prototype-polluting names
 * are each refused with a clear message naming file and line, well under a second, and without
 * side effects (nothing reaches Object.prototype).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetFiles } from '../../../../server/domain/io/formats.js';
import { ValidationError, type InputIssue } from '../../../../server/errors.js';
import { readSource } from '../../../../server/files/read-source.js';

const HOSTILE = join(import.meta.dirname, '../../../fixtures/hostile');
const FAST_MS = 500;

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kopru-hostile-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The issues `source` is refused with, and how long that took. */
async function refused(source: string, cwd = HOSTILE): Promise<{ issues: InputIssue[]; ms: number }> {
  const started = performance.now();
  const error = await readSource(source, cwd).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  const ms = performance.now() - started;
  expect(error).toBeInstanceOf(ValidationError);
  return { issues: (error as ValidationError).issues, ms };
}

const DTD_REFUSED =
  'the file contains a <!DOCTYPE declaration; Köprü refuses XML with a DTD or entity declarations, since they ' +
  'can expand without limit or read other files. GEXF and GraphML need neither: delete the declaration and import again';

describe('XML attacks are refused before parsing', () => {
  it('billion laughs', async () => {
    const { issues, ms } = await refused('billion-laughs.graphml');
    expect(issues).toStrictEqual([{ file: 'billion-laughs.graphml', line: 2, reason: DTD_REFUSED }]);
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('an external entity (XXE) reading /etc/passwd', async () => {
    const { issues, ms } = await refused('xxe.gexf');
    expect(issues).toStrictEqual([{ file: 'xxe.gexf', line: 2, reason: DTD_REFUSED }]);
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('an entity declaration alone, in any letter case, anywhere in the file', () => {
    const text = '<graphml>\n<graph>\n<!entity x "y">\n</graph></graphml>';
    expect(() => parseDatasetFiles({ 'a.graphml': text })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ line: 3 })] }),
    );
  });

  it('an entity reference without a DTD is not resolved: the file is not well-formed', async () => {
    const { issues } = await refused('undefined-entity.graphml');
    expect(issues).toStrictEqual([
      {
        file: 'undefined-entity.graphml',
        line: 3,
        reason: 'the file is not well-formed XML: undefined entity',
      },
    ]);
  });

  it('a huge attribute value (over 1 000 000 characters)', async () => {
    const file = join(scratch, 'huge.gexf');
    await writeFile(
      file,
      '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph>\n<nodes>\n' +
        `<node id="a" label="${'x'.repeat(3_000_000)}"/>\n</nodes><edges/></graph></gexf>\n`,
    );
    const { issues, ms } = await refused(file, scratch);
    expect(issues).toStrictEqual([
      {
        file: 'huge.gexf',
        line: 5,
        reason: 'a value is longer than 1 000 000 characters, the most Köprü reads',
      },
    ]);
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('a huge CSV cell', async () => {
    const dir = join(scratch, 'huge-cell');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    await writeFile(join(dir, 'organizations.csv'), `id,name,kind\na,${'y'.repeat(1_500_000)},ngo\n`);
    await writeFile(join(dir, 'ties.csv'), 'source,target,wave\n');
    const { issues, ms } = await refused(dir, scratch);
    expect(issues).toContainEqual({
      file: 'organizations.csv',
      line: 2,
      reason: 'a value is longer than 1 000 000 characters, the most Köprü reads',
    });
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('an encoding other than UTF-8 declared', () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-9"?>\n<graphml><graph/></graphml>';
    expect(() => parseDatasetFiles({ 'a.graphml': text })).toThrow(
      expect.objectContaining({
        issues: [
          {
            file: 'a.graphml',
            line: 1,
            reason: 'the file declares encoding="ISO-8859-9"; save it as UTF-8 and import again',
          },
        ],
      }),
    );
  });
});

describe('broken and hostile tables', () => {
  it('malformed CSV rows: each with its line', async () => {
    const { issues, ms } = await refused('malformed-rows');
    expect(issues).toStrictEqual([
      {
        file: 'organizations.csv',
        line: 3,
        reason:
          'this row has 4 fields but the header has 3 (a value containing a comma must be in double quotes)',
      },
      { file: 'organizations.csv', line: 4, reason: 'this row has 2 fields but the header has 3' },
      {
        file: 'organizations.csv',
        line: 5,
        reason: 'a quoted field starting in this record is never closed (a closing " is missing)',
      },
    ]);
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('mixed encodings: Latin-1 bytes in a UTF-8 file, on disk', async () => {
    const { issues, ms } = await refused('mixed-encoding');
    expect(issues).toStrictEqual([
      {
        file: 'organizations.csv',
        line: 3,
        reason:
          'the file is not valid UTF-8 text (first bad byte on line 3); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")',
      },
    ]);
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('mixed encodings: already decoded with replacement characters (an upload)', () => {
    expect(() =>
      parseDatasetFiles({
        'organizations.csv': 'id,name,kind\na,Göç,ngo\nb,T\uFFFDrk,ngo\n',
        'ties.csv': 'source,target,wave\n',
      }),
    ).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ file: 'organizations.csv', line: 3 })],
      }),
    );
  });

  it('__proto__ and constructor as CSV columns', async () => {
    const { issues } = await refused('proto-column');
    expect(issues).toStrictEqual([
      {
        file: 'organizations.csv',
        line: 1,
        column: '__proto__',
        reason: 'column name "__proto__" is not allowed',
      },
      {
        file: 'ties.csv',
        line: 1,
        column: 'constructor',
        reason: 'column name "constructor" is not allowed',
      },
    ]);
  });

  it('__proto__ as a GraphML attribute name and as a JSON extra key; nothing is polluted', async () => {
    expect((await refused('proto-key.graphml')).issues).toStrictEqual([
      {
        file: 'proto-key.graphml',
        line: 3,
        column: '__proto__',
        reason: 'column name "__proto__" is not allowed',
      },
    ]);
    expect((await refused('proto-extra.json')).issues).toStrictEqual([
      {
        file: 'proto-extra.json',
        line: 4,
        column: 'dataset.organizations.0.extra',
        reason: 'attribute name "__proto__" is not allowed',
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
