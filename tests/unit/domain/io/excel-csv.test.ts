/**
 * Spreadsheet CSV quirks (csv-rows.ts and the bundle's cells): the delimiter detected from the
 * header line, Excel's `sep=` line, `;` files with quoted `;`, CRLF, Turkish dates and booleans.
 * The Excel fixture bundle itself is read in fixtures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvBundle } from '../../../../server/domain/io/csv-bundle-reader.js';
import { IssueList, detectDelimiter, readCsvTable } from '../../../../server/domain/io/csv-rows.js';
import { ValidationError } from '../../../../server/errors.js';

describe('detectDelimiter', () => {
  it.each([
    ['id,name,kind\n', ','],
    ['id;name;kind\n', ';'],
    ['id\tname\tkind\n', '\t'],
    ['"a,b";c;d\n', ';'],
    ['\n\nid;name\na,b,c,d\n', ';'],
    ['id\n', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toStrictEqual({ delimiter, skipLines: 0 });
  });

  it('honours Excel’s sep= line', () => {
    expect(detectDelimiter('sep=;\nid,name;kind\n')).toStrictEqual({ delimiter: ';', skipLines: 1 });
  });
});

describe('readCsvTable with spreadsheet files', () => {
  it('reads a ";" file with CRLF and quoted ";" values, counting lines after a sep= line', () => {
    const issues = new IssueList();
    const table = readCsvTable('o.csv', 'sep=;\r\nid;name\r\na;"x; y"\r\nb;z;extra\r\n', issues, ['id']);
    expect(table?.rows.map((row) => row.fields)).toStrictEqual([
      ['a', 'x; y'],
      ['b', 'z', 'extra'],
    ]);
    expect(issues.toArray([])).toStrictEqual([
      {
        file: 'o.csv',
        line: 4,
        reason:
          'this row has 3 fields but the header has 2 (a value containing a semicolon must be in double quotes)',
      },
    ]);
  });
});

describe('parseCsvBundle with spreadsheet values', () => {
  const TIES = 'source,target,wave\na,b,pre\n';

  it('DD.MM.YYYY dates become YYYY-MM-DD; impossible ones are reported as written', () => {
    const waves = 'id,label,date\npre,Önce,1.3.2019\n';
    expect(
      parseCsvBundle({
        'organizations.csv': 'id,name,kind\na,A,ngo\nb,B,ngo\n',
        'ties.csv': TIES,
        'waves.csv': waves,
      }).waves,
    ).toStrictEqual([{ id: 'pre', label: 'Önce', date: '2019-03-01' }]);
    let error: unknown;
    try {
      parseCsvBundle({
        'organizations.csv': 'id,name,kind\na,A,ngo\nb,B,ngo\n',
        'ties.csv': TIES,
        'waves.csv': 'id,label,date\npre,Önce,31.02.2019\n',
      });
    } catch (caught) {
      error = caught;
    }
    expect((error as ValidationError).issues).toStrictEqual([
      {
        file: 'waves.csv',
        line: 2,
        column: 'date',
        reason: 'date must be a real date written YYYY-MM-DD, not "31.02.2019"',
      },
    ]);
  });

  it('refugee_led accepts Excel’s Turkish DOĞRU and YANLIŞ', () => {
    const orgs = 'id,name,kind,refugee_led\na,A,ngo,DOĞRU\nb,B,ngo,yanlış\n';
    expect(
      parseCsvBundle({ 'organizations.csv': orgs, 'ties.csv': TIES }).organizations.map((o) => o.refugeeLed),
    ).toStrictEqual([true, false]);
  });
});
