/**
 * Tests for the CSV bundle reader (DATA-FORMAT.md §1): exact records from a valid bundle, one test
 * per kind of problem (file, line, column and reason), problems reported together, line numbers
 * through BOM/CRLF/multi-line quoted fields, and the contract's semantics (duplicate ties, wave order).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type InputIssue } from '../../../../server/errors.js';
import {
  BUNDLE_FILE_NAMES,
  isIsoDate,
  parseCsvBundle,
  type BundleFiles,
} from '../../../../server/domain/io/csv-bundle-reader.js';
import { IssueList, MAX_ISSUES_PER_FILE, readCsvTable } from '../../../../server/domain/io/csv-rows.js';
import type { Dataset } from '../../../../server/domain/types.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/bundles');

function fixture(name: string): BundleFiles {
  const dir = join(FIXTURES, name);
  const present = new Set(readdirSync(dir));
  return Object.fromEntries(
    BUNDLE_FILE_NAMES.map((file) => [
      file,
      present.has(file) ? readFileSync(join(dir, file), 'utf8') : undefined,
    ]),
  );
}

// Lines: 1 header, 2 a, 3 b, 4 c.
const ORGS = 'id,name,kind\na,Alpha,ngo\nb,Beta,institution\nc,Gamma,ngo\n';
const TIES = 'source,target,wave\na,b,pre\nb,c,pre\n';
const EVENTS = 'id,name,date\nev-1,Meeting,2020-01-10\n';
const WAVES = 'id,label,date\npre,Before,2020-01-01\npost,After,2021-01-01\n';

function bundle(overrides: BundleFiles = {}): BundleFiles {
  return { 'organizations.csv': ORGS, 'ties.csv': TIES, ...overrides };
}

function failure(files: BundleFiles): ValidationError {
  try {
    parseCsvBundle(files);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected parseCsvBundle to throw a ValidationError');
}

const issuesOf = (files: BundleFiles): InputIssue[] => failure(files).issues;

describe('parseCsvBundle: a valid bundle', () => {
  it('parses every file to the exact records', () => {
    const expected: Dataset = {
      info: {
        name: 'Small test bundle',
        synthetic: true,
        description: 'Hand-written fixture for the CSV bundle reader tests.',
      },
      organizations: [
        {
          id: 'ngo-001',
          name: 'Göç Dayanışma Derneği',
          kind: 'ngo',
          type: 'association',
          city: 'Gaziantep',
          district: 'Şahinbey',
          focus: ['protection', 'livelihoods'],
          refugeeLed: true,
          founded: '2014',
          extra: { website: 'https://example.org/goc' },
        },
        {
          id: 'ngo-002',
          name: 'Kadın Dayanışma Vakfı, Gaziantep',
          kind: 'ngo',
          type: 'foundation',
          city: 'Gaziantep',
          district: 'Şehitkamil',
          focus: ['women'],
          refugeeLed: false,
          founded: '2016',
          extra: { website: '' },
        },
        {
          id: 'ins-001',
          name: 'Şahinbey Belediyesi',
          kind: 'institution',
          type: 'municipality',
          city: 'Gaziantep',
          district: 'Şahinbey',
          focus: [],
          extra: { website: '' },
        },
        {
          id: 'ngo-003',
          name: 'Suriyeli Öğrenciler Platformu',
          kind: 'ngo',
          type: 'platform',
          city: 'Gaziantep',
          focus: ['education'],
          refugeeLed: true,
          extra: { website: '' },
        },
      ],
      // waves.csv lists post first: waves are ordered by date.
      waves: [
        { id: 'pre', label: 'Before the project', date: '2019-03-01', description: 'Baseline survey' },
        { id: 'post', label: 'After the project', date: '2021-06-15' },
      ],
      ties: [
        // Rows 2 and 4 are the same tie: one record, the highest level, that row's extra columns.
        { source: 'ngo-001', target: 'ngo-002', wave: 'pre', level: 3, extra: { note: 'repeated row' } },
        {
          source: 'ngo-001',
          target: 'ins-001',
          wave: 'pre',
          level: 1,
          extra: { note: 'met at the governorate' },
        },
        { source: 'ngo-002', target: 'ngo-001', wave: 'post', level: 4, extra: { note: '' } },
        { source: 'ngo-003', target: 'ins-001', wave: 'post', level: 1, extra: { note: '' } },
      ],
      events: [
        { id: 'ev-1', name: 'Ağ toplantısı', date: '2020-02-10', type: 'network_meeting', city: 'Gaziantep' },
        { id: 'ev-2', name: 'Eğitim', date: '2020-03-01', type: 'training', endDate: '2020-03-03' },
      ],
      attendance: [
        { organization: 'ngo-001', event: 'ev-1' },
        { organization: 'ins-001', event: 'ev-1' },
        { organization: 'ngo-003', event: 'ev-2' },
      ],
      responses: [
        { organization: 'ngo-001', wave: 'pre', status: 'responded' },
        { organization: 'ngo-002', wave: 'pre', status: 'missing' },
        { organization: 'ngo-001', wave: 'post', status: 'responded' },
      ],
    };
    // toStrictEqual: absent optional fields must be absent, not present as undefined.
    expect(parseCsvBundle(fixture('valid-small'), 'valid-small')).toStrictEqual(expected);
  });

  it('without waves.csv, takes the waves from ties.csv in order of first appearance, undated', () => {
    const dataset = parseCsvBundle(fixture('no-waves'), 'no-waves');
    expect(dataset.waves).toStrictEqual([
      { id: '2022', label: '2022', date: '' },
      { id: '2020', label: '2020', date: '' },
      { id: '2021', label: '2021', date: '' },
    ]);
    expect(dataset.info).toStrictEqual({ name: 'no-waves', synthetic: false });
    expect(dataset.events).toEqual([]);
    expect(dataset.attendance).toEqual([]);
    expect(dataset.responses).toEqual([]);
  });

  it('names an unnamed dataset "Untitled dataset"', () => {
    expect(parseCsvBundle(bundle()).info).toStrictEqual({ name: 'Untitled dataset', synthetic: false });
  });

  it('sorts waves by date, keeping file order for equal dates', () => {
    const waves = 'id,label,date\nc,C,2021-05-01\na,A,2020-01-01\nb2,B2,2021-05-01\nb1,B1,2020-06-30\n';
    const ties = 'source,target,wave\na,b,a\n';
    const dataset = parseCsvBundle(bundle({ 'waves.csv': waves, 'ties.csv': ties }));
    expect(dataset.waves.map((wave) => wave.id)).toEqual(['a', 'b1', 'c', 'b2']);
  });

  it('collapses duplicate ties (same source, target, wave) to one keeping the highest level', () => {
    const ties = 'source,target,wave,level\na,b,pre,2\na,b,pre,4\nb,a,pre,1\na,b,pre,3\na,b,post,\n';
    expect(parseCsvBundle(bundle({ 'ties.csv': ties })).ties).toStrictEqual([
      { source: 'a', target: 'b', wave: 'pre', level: 4, extra: {} },
      // The reverse direction is another reported tie.
      { source: 'b', target: 'a', wave: 'pre', level: 1, extra: {} },
      { source: 'a', target: 'b', wave: 'post', level: 1, extra: {} },
    ]);
  });

  it('splits focus on ";", trims and drops empty items', () => {
    const orgs = 'id,name,kind,focus\na,Alpha,ngo," health ;;education ; "\nb,Beta,institution,\nc,C,ngo,;\n';
    const focus = parseCsvBundle(bundle({ 'organizations.csv': orgs })).organizations.map((org) => org.focus);
    expect(focus).toEqual([['health', 'education'], [], []]);
  });

  it('accepts refugee_led in any letter case', () => {
    const orgs = 'id,name,kind,refugee_led\na,Alpha,ngo,TRUE\nb,Beta,institution,False\nc,C,ngo,\n';
    const led = parseCsvBundle(bundle({ 'organizations.csv': orgs })).organizations.map(
      (org) => org.refugeeLed,
    );
    expect(led).toEqual([true, false, undefined]);
  });

  it('normalizes text to NFC, so decomposed and composed ids match', () => {
    const orgs = 'id,name,kind\n\u015Eahin,Go\u0308c\u0327,ngo\nb,Beta,institution\n';
    const ties = 'source,target,wave\nS\u0327ahin,b,pre\n';
    const dataset = parseCsvBundle(bundle({ 'organizations.csv': orgs, 'ties.csv': ties }));
    expect(dataset.organizations[0]?.name).toBe('G\u00F6\u00E7');
    expect(dataset.ties[0]?.source).toBe('\u015Eahin');
  });

  it('skips blank lines and rows of empty cells, and ignores an empty unnamed trailing column', () => {
    const orgs = 'id,name,kind,\n\na,Alpha,ngo,\n,,,\nb,Beta,institution,\nc,Gamma,ngo,\n\n';
    const dataset = parseCsvBundle(bundle({ 'organizations.csv': orgs }));
    expect(dataset.organizations.map((org) => org.id)).toEqual(['a', 'b', 'c']);
    expect(dataset.organizations[0]?.extra).toStrictEqual({});
  });

  it('keeps a quoted multi-line value and a doubled quote', () => {
    const orgs = 'id,name,kind\na,"Alpha ""the first""\nsecond line",ngo\nb,Beta,institution\nc,C,ngo\n';
    expect(parseCsvBundle(bundle({ 'organizations.csv': orgs })).organizations[0]?.name).toBe(
      'Alpha "the first"\nsecond line',
    );
  });

  it('ignores files it does not know', () => {
    expect(() => parseCsvBundle(bundle({ 'notes.txt': 'anything, "unclosed' }))).not.toThrow();
  });
});

describe('parseCsvBundle: one problem of each kind', () => {
  const cases: { name: string; files: BundleFiles; issue: InputIssue }[] = [
    {
      name: 'missing organizations.csv',
      files: { 'ties.csv': TIES },
      issue: { file: 'organizations.csv', reason: 'organizations.csv is missing; a bundle must contain it' },
    },
    {
      name: 'missing ties.csv',
      files: { 'organizations.csv': ORGS },
      issue: { file: 'ties.csv', reason: 'ties.csv is missing; a bundle must contain it' },
    },
    {
      name: 'empty file',
      files: bundle({ 'organizations.csv': '' }),
      issue: {
        file: 'organizations.csv',
        line: 1,
        reason: 'the file is empty; its first line must be the header',
      },
    },
    {
      name: 'missing required column',
      files: bundle({ 'organizations.csv': 'id,name\na,Alpha\nb,Beta\nc,Gamma\n' }),
      issue: {
        file: 'organizations.csv',
        line: 1,
        column: 'kind',
        reason: 'required column "kind" is missing',
      },
    },
    {
      name: 'empty required value',
      files: bundle({ 'organizations.csv': 'id,name,kind\na,,ngo\nb,Beta,institution\nc,Gamma,ngo\n' }),
      issue: {
        file: 'organizations.csv',
        line: 2,
        column: 'name',
        reason: 'name is empty; a value is required',
      },
    },
    {
      name: 'duplicate organization id',
      files: bundle({ 'organizations.csv': `${ORGS}a,Alpha again,ngo\n` }),
      issue: {
        file: 'organizations.csv',
        line: 5,
        column: 'id',
        reason: 'duplicate id "a" (first on line 2)',
      },
    },
    {
      name: 'duplicate wave id',
      files: bundle({ 'waves.csv': `${WAVES}pre,Again,2022-01-01\n` }),
      issue: { file: 'waves.csv', line: 4, column: 'id', reason: 'duplicate id "pre" (first on line 2)' },
    },
    {
      name: 'duplicate event id',
      files: bundle({ 'events.csv': `${EVENTS}ev-1,Again,2020-02-02\n` }),
      issue: { file: 'events.csv', line: 3, column: 'id', reason: 'duplicate id "ev-1" (first on line 2)' },
    },
    {
      name: 'kind not ngo/institution',
      files: bundle({ 'organizations.csv': 'id,name,kind\na,Alpha,ngo\nb,Beta,institution\nc,Gamma,NGO\n' }),
      issue: {
        file: 'organizations.csv',
        line: 4,
        column: 'kind',
        reason: 'kind must be "ngo" or "institution", not "NGO"',
      },
    },
    {
      name: 'bad refugee_led',
      files: bundle({
        'organizations.csv':
          'id,name,kind,refugee_led\na,Alpha,ngo,yes\nb,Beta,institution,\nc,C,ngo,false\n',
      }),
      issue: {
        file: 'organizations.csv',
        line: 2,
        column: 'refugee_led',
        reason: 'refugee_led must be true or false, not "yes"',
      },
    },
    {
      name: 'unknown organization as tie source',
      files: bundle({ 'ties.csv': 'source,target,wave\na,b,pre\nx,b,pre\n' }),
      issue: {
        file: 'ties.csv',
        line: 3,
        column: 'source',
        reason: 'unknown organization "x" (not in organizations.csv)',
      },
    },
    {
      name: 'unknown organization as tie target',
      files: bundle({ 'ties.csv': 'source,target,wave\na,y,pre\n' }),
      issue: {
        file: 'ties.csv',
        line: 2,
        column: 'target',
        reason: 'unknown organization "y" (not in organizations.csv)',
      },
    },
    {
      name: 'unknown organization in attendance',
      files: bundle({ 'events.csv': EVENTS, 'attendance.csv': 'organization,event\na,ev-1\nx,ev-1\n' }),
      issue: {
        file: 'attendance.csv',
        line: 3,
        column: 'organization',
        reason: 'unknown organization "x" (not in organizations.csv)',
      },
    },
    {
      name: 'unknown organization in responses',
      files: bundle({ 'responses.csv': 'organization,wave,status\nx,pre,responded\n' }),
      issue: {
        file: 'responses.csv',
        line: 2,
        column: 'organization',
        reason: 'unknown organization "x" (not in organizations.csv)',
      },
    },
    {
      name: 'unknown wave in ties (waves.csv present)',
      files: bundle({ 'waves.csv': WAVES, 'ties.csv': 'source,target,wave\na,b,pre\na,c,mid\n' }),
      issue: { file: 'ties.csv', line: 3, column: 'wave', reason: 'unknown wave "mid" (not in waves.csv)' },
    },
    {
      name: 'unknown wave in responses (waves.csv present)',
      files: bundle({
        'waves.csv': WAVES,
        'responses.csv': 'organization,wave,status\na,post,missing\na,mid,missing\n',
      }),
      issue: {
        file: 'responses.csv',
        line: 3,
        column: 'wave',
        reason: 'unknown wave "mid" (not in waves.csv)',
      },
    },
    {
      name: 'unknown wave in responses (no waves.csv: waves come from ties.csv)',
      files: bundle({ 'responses.csv': 'organization,wave,status\na,pre,missing\na,mid,missing\n' }),
      issue: {
        file: 'responses.csv',
        line: 3,
        column: 'wave',
        reason: 'unknown wave "mid" (no tie in ties.csv has it, and there is no waves.csv)',
      },
    },
    {
      name: 'unknown event in attendance',
      files: bundle({ 'events.csv': EVENTS, 'attendance.csv': 'organization,event\na,ev-9\n' }),
      issue: {
        file: 'attendance.csv',
        line: 2,
        column: 'event',
        reason: 'unknown event "ev-9" (not in events.csv)',
      },
    },
    {
      name: 'attendance without events.csv',
      files: bundle({ 'attendance.csv': 'organization,event\na,ev-1\n' }),
      issue: {
        file: 'attendance.csv',
        reason: 'attendance.csv names events but the bundle has no events.csv',
      },
    },
    ...['0', '5', '2.5', 'high', '-1', '1e0'].map((level) => ({
      name: `level ${level}`,
      files: bundle({ 'ties.csv': `source,target,wave,level\na,b,pre,1\nb,c,pre,${level}\n` }),
      issue: {
        file: 'ties.csv',
        line: 3,
        column: 'level',
        reason: `level must be an integer from 1 to 4, not "${level}"`,
      },
    })),
    {
      name: 'self-tie',
      files: bundle({ 'ties.csv': 'source,target,wave\na,b,pre\nc,c,pre\n' }),
      issue: {
        file: 'ties.csv',
        line: 3,
        column: 'target',
        reason: 'self-tie: source and target are both "c"',
      },
    },
    ...['2019-02-30', '1900-02-29', '2019-13-01', '2019-3-1', '01/03/2019', '2019-03-01T00:00'].map(
      (date) => ({
        name: `bad wave date ${date}`,
        files: bundle({ 'waves.csv': `id,label,date\npre,Before,${date}\n` }),
        issue: {
          file: 'waves.csv',
          line: 2,
          column: 'date',
          reason: `date must be a real date written YYYY-MM-DD, not "${date}"`,
        },
      }),
    ),
    {
      name: 'empty wave date',
      files: bundle({ 'waves.csv': 'id,label,date\npre,Before,\n' }),
      issue: { file: 'waves.csv', line: 2, column: 'date', reason: 'date is empty; a value is required' },
    },
    {
      name: 'bad event date',
      files: bundle({ 'events.csv': 'id,name,date\nev-1,Meeting,2021-02-29\n' }),
      issue: {
        file: 'events.csv',
        line: 2,
        column: 'date',
        reason: 'date must be a real date written YYYY-MM-DD, not "2021-02-29"',
      },
    },
    {
      name: 'bad event end_date',
      files: bundle({ 'events.csv': 'id,name,date,end_date\nev-1,Meeting,2020-01-10,2020-04-31\n' }),
      issue: {
        file: 'events.csv',
        line: 2,
        column: 'end_date',
        reason: 'end_date must be a real date written YYYY-MM-DD, not "2020-04-31"',
      },
    },
    {
      name: 'end_date before date',
      files: bundle({ 'events.csv': 'id,name,date,end_date\nev-1,Meeting,2020-02-01,2020-01-31\n' }),
      issue: {
        file: 'events.csv',
        line: 2,
        column: 'end_date',
        reason: 'end_date 2020-01-31 is before date 2020-02-01',
      },
    },
    {
      name: 'bad response status',
      files: bundle({ 'responses.csv': 'organization,wave,status\na,pre,answered\n' }),
      issue: {
        file: 'responses.csv',
        line: 2,
        column: 'status',
        reason: 'status must be "responded" or "missing", not "answered"',
      },
    },
    {
      name: 'duplicate response',
      files: bundle({ 'responses.csv': 'organization,wave,status\na,pre,responded\na,pre,missing\n' }),
      issue: {
        file: 'responses.csv',
        line: 3,
        column: 'organization',
        reason: 'duplicate response of organization "a" in wave "pre" (first on line 2)',
      },
    },
    {
      // b's row is lost, but ties naming b are not flagged: the file is known to be incomplete.
      name: 'unclosed quote (reported on the line where its record starts)',
      files: bundle({ 'organizations.csv': 'id,name,kind\na,Alpha,ngo\nb,"Beta,institution\nc,Gamma,ngo\n' }),
      issue: {
        file: 'organizations.csv',
        line: 3,
        reason: 'a quoted field starting in this record is never closed (a closing " is missing)',
      },
    },
    {
      name: 'text after a closing quote',
      files: bundle({
        'organizations.csv': 'id,name,kind\na,Alpha,ngo\nb,"Beta"x,institution\nc,Gamma,ngo\n',
      }),
      issue: {
        file: 'organizations.csv',
        line: 3,
        reason: 'text follows the closing " of a quoted field; inside quotes, write a quote as ""',
      },
    },
    {
      name: 'quote inside an unquoted field',
      files: bundle({ 'organizations.csv': 'id,name,kind\na,Alpha,ngo\nb,Be"ta,institution\nc,Gamma,ngo\n' }),
      issue: {
        file: 'organizations.csv',
        line: 3,
        reason:
          'a " inside an unquoted field; put the whole field in double quotes and write the quote as ""',
      },
    },
    {
      // The misshapen row's id still counts as known, so the tie b→c is not a second problem.
      name: 'more fields than the header',
      files: bundle({
        'organizations.csv': 'id,name,kind\na,Alpha,ngo\nb,Beta, Ltd,institution\nc,Gamma,ngo\n',
      }),
      issue: {
        file: 'organizations.csv',
        line: 3,
        reason:
          'this row has 4 fields but the header has 3 (a value containing a comma must be in double quotes)',
      },
    },
    {
      name: 'fewer fields than the header',
      files: bundle({ 'ties.csv': 'source,target,wave\na,b,pre\nb,c\n' }),
      issue: { file: 'ties.csv', line: 3, reason: 'this row has 2 fields but the header has 3' },
    },
    ...['__proto__', 'constructor', 'prototype'].map((column) => ({
      name: `forbidden column name ${column}`,
      files: bundle({
        'organizations.csv': `id,name,kind,${column}\na,Alpha,ngo,x\nb,Beta,institution,y\nc,C,ngo,z\n`,
      }),
      issue: { file: 'organizations.csv', line: 1, column, reason: `column name "${column}" is not allowed` },
    })),
    {
      name: 'duplicate column name',
      files: bundle({ 'ties.csv': 'source,target,wave,note,note\na,b,pre,x,y\n' }),
      issue: {
        file: 'ties.csv',
        line: 1,
        column: 'note',
        reason: 'column "note" appears more than once in the header',
      },
    },
    {
      name: 'unnamed column holding values',
      files: bundle({ 'ties.csv': 'source,target,wave,\na,b,pre,\nb,c,pre,oops\n' }),
      issue: {
        file: 'ties.csv',
        line: 1,
        reason: 'column 4 has no name in the header but holds values (first on line 3)',
      },
    },
    {
      name: 'dataset.json that is not an object',
      files: bundle({ 'dataset.json': '["Demo", true]' }),
      issue: {
        file: 'dataset.json',
        reason: 'dataset.json must hold a JSON object: { "name": …, "synthetic": true/false }',
      },
    },
    {
      name: 'dataset.json with synthetic not a boolean',
      files: bundle({ 'dataset.json': '{ "name": "Demo", "synthetic": "yes" }' }),
      issue: { file: 'dataset.json', column: 'synthetic', reason: 'synthetic must be true or false' },
    },
    {
      name: 'dataset.json with an empty name',
      files: bundle({ 'dataset.json': '{ "name": "  ", "synthetic": false }' }),
      issue: { file: 'dataset.json', column: 'name', reason: 'name is empty' },
    },
  ];

  it.each(cases)('$name', ({ files, issue }) => {
    const error = failure(files);
    expect(error.issues).toStrictEqual([issue]);
    expect(error.message).toBe('The bundle has 1 problem');
  });

  it('dataset.json that is not JSON', () => {
    const issues = issuesOf(bundle({ 'dataset.json': '{ name: "Demo" }' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'dataset.json' });
    expect(issues[0]?.reason).toMatch(/^not valid JSON: /);
  });
});

describe('parseCsvBundle: several problems at once', () => {
  it('reports every problem of every file in one error, ordered by file and line', () => {
    const error = failure(fixture('broken'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('The bundle has 5 problems');
    expect(error.issues).toStrictEqual([
      { file: 'organizations.csv', line: 3, column: 'id', reason: 'duplicate id "a" (first on line 2)' },
      {
        file: 'organizations.csv',
        line: 3,
        column: 'kind',
        reason: 'kind must be "ngo" or "institution", not "charity"',
      },
      { file: 'ties.csv', line: 2, column: 'target', reason: 'self-tie: source and target are both "a"' },
      { file: 'ties.csv', line: 3, column: 'level', reason: 'level must be an integer from 1 to 4, not "9"' },
      {
        file: 'ties.csv',
        line: 3,
        column: 'target',
        reason: 'unknown organization "zz" (not in organizations.csv)',
      },
    ]);
  });

  it('keeps checking the rows before a malformed record', () => {
    const orgs = 'id,name,kind\na,Alpha,charity\nb,"Beta"x,ngo\n';
    expect(issuesOf(bundle({ 'organizations.csv': orgs }))).toStrictEqual([
      {
        file: 'organizations.csv',
        line: 2,
        column: 'kind',
        reason: 'kind must be "ngo" or "institution", not "charity"',
      },
      {
        file: 'organizations.csv',
        line: 3,
        reason: 'text follows the closing " of a quoted field; inside quotes, write a quote as ""',
      },
    ]);
  });

  it('lists at most MAX_ISSUES_PER_FILE issues per file but counts them all', () => {
    const rows = Array.from({ length: MAX_ISSUES_PER_FILE + 250 }, () => 'a,b,pre,9').join('\n');
    const error = failure(bundle({ 'ties.csv': `source,target,wave,level\n${rows}\n` }));
    expect(error.message).toBe(`The bundle has ${MAX_ISSUES_PER_FILE + 250} problems`);
    expect(error.issues).toHaveLength(MAX_ISSUES_PER_FILE + 1);
    expect(error.issues.at(-1)).toStrictEqual({
      file: 'ties.csv',
      reason: '250 more problems in this file not listed',
    });
  });
});

describe('parseCsvBundle: line numbers', () => {
  it('counts physical lines through a BOM, CRLF endings, blank lines and a quoted multi-line field', () => {
    const orgs =
      '\uFEFFid,name,kind\r\na,"Alpha\r\nsecond line\r\nthird line",ngo\r\n\r\nb,Beta,institution\r\nc,Gamma,charity\r\n';
    // 1 header, 2–4 a, 5 blank, 6 b, 7 c.
    expect(issuesOf(bundle({ 'organizations.csv': orgs }))).toStrictEqual([
      {
        file: 'organizations.csv',
        line: 7,
        column: 'kind',
        reason: 'kind must be "ngo" or "institution", not "charity"',
      },
    ]);
  });

  it('reads the BOM-prefixed header and normalizes CRLF inside quoted values', () => {
    const orgs = '\uFEFFid,name,kind\r\na,"Alpha\r\nline two",ngo\r\nb,Beta,institution\r\nc,Gamma,ngo\r\n';
    expect(parseCsvBundle(bundle({ 'organizations.csv': orgs })).organizations[0]).toStrictEqual({
      id: 'a',
      name: 'Alpha\nline two',
      kind: 'ngo',
      focus: [],
      extra: {},
    });
  });

  it('gives the header its own line when blank lines precede it', () => {
    expect(issuesOf(bundle({ 'ties.csv': '\n\nsource,target\na,b\n' }))).toStrictEqual([
      { file: 'ties.csv', line: 3, column: 'wave', reason: 'required column "wave" is missing' },
    ]);
  });

  it('reports an unclosed quote on the line its record starts, after multi-line records', () => {
    const orgs = 'id,name,kind\na,"two\nlines",ngo\n\nb,Beta,"institution\nc,Gamma,ngo\n';
    expect(issuesOf(bundle({ 'organizations.csv': orgs }))).toStrictEqual([
      {
        file: 'organizations.csv',
        line: 5,
        reason: 'a quoted field starting in this record is never closed (a closing " is missing)',
      },
    ]);
  });
});

describe('readCsvTable: row limit', () => {
  it('refuses a file with more rows than the limit, with a clear message', () => {
    const issues = new IssueList();
    const text = `source,target,wave\n${'a,b,pre\n'.repeat(1001)}`;
    const table = readCsvTable('ties.csv', text, issues, ['source'], 1000);
    expect(issues.toArray([])).toStrictEqual([
      { file: 'ties.csv', reason: 'the file has more than 1 000 rows, the most Köprü reads from one file' },
    ]);
    expect(table?.complete).toBe(false);
    expect(table?.rows).toEqual([]);
  });

  it('accepts a file with exactly the limit', () => {
    const issues = new IssueList();
    const table = readCsvTable('ties.csv', `source\n${'a\n'.repeat(1000)}`, issues, ['source'], 1000);
    expect(issues.count).toBe(0);
    expect(table?.rows).toHaveLength(1000);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2020-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2019-02-28', true],
    ['2019-02-30', false],
    ['2019-04-31', false],
    ['2019-12-31', true],
    ['2019-00-10', false],
    ['2019-01-00', false],
    ['20190101', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
