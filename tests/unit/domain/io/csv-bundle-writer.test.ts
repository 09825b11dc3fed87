/**
 * The CSV bundle writer: exact contract headers, RFC 4180 quoting, extra columns, optional files,
 * and round trips — through csv-parse (the text parses back to the same cells) and through the
 * bundle reader (the files parse back to the same Dataset).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../server/domain/demo/generate-demo.js';
import { parseCsvBundle } from '../../../../server/domain/io/csv-bundle-reader.js';
import { serializeCsvBundle } from '../../../../server/domain/io/csv-bundle-writer.js';
import type { Dataset } from '../../../../server/domain/types.js';

const tricky: Dataset = {
  info: { name: 'Tiny "test", bundle', synthetic: false },
  organizations: [
    {
      id: 'a',
      name: 'Bread, Roses and "Solidarity" Association (demo)',
      kind: 'ngo',
      type: 'association',
      city: 'Istanbul',
      district: 'Küçükçekmece',
      focus: ['women', 'livelihoods'],
      refugeeLed: true,
      founded: '2014',
      extra: { languages: 'ar;tr' },
    },
    {
      id: 'b',
      name: 'Işık Kadın Dayanışma Derneği (demo)',
      kind: 'ngo',
      focus: [],
      refugeeLed: false,
      extra: { website: 'https://example.org/a,b' },
    },
    {
      id: 'c',
      name: 'İstanbul Provincial\nMigration Office (demo)',
      kind: 'institution',
      type: 'provincial_migration_management',
      focus: [],
      // A key that collides with a contract column must not produce a second `name` column.
      extra: { name: 'ignored' },
    },
  ],
  waves: [{ id: 'w1', label: 'First, "early" wave', date: '2019-12-02' }],
  ties: [
    { source: 'a', target: 'b', wave: 'w1', level: 2, extra: { note: 'met at, "the" workshop' } },
    { source: 'b', target: 'c', wave: 'w1', level: 4, extra: {} },
  ],
  events: [
    {
      id: 'e1',
      name: 'Workshop, day 1',
      date: '2019-08-21',
      endDate: '2019-08-22',
      type: 'workshop',
      city: 'Istanbul',
    },
    { id: 'e2', name: 'Visit', date: '2020-02-05' },
  ],
  attendance: [{ organization: 'a', event: 'e1' }],
  responses: [
    { organization: 'a', wave: 'w1', status: 'responded' },
    { organization: 'c', wave: 'w1', status: 'missing' },
  ],
};

function rows(text: string | undefined): string[][] {
  expect(text).toBeDefined();
  return parse(text ?? '', { relax_column_count: false }) as string[][];
}

describe('serializeCsvBundle', () => {
  const files = serializeCsvBundle(tricky);

  it('writes the contract columns in order, then extra columns', () => {
    expect(rows(files['organizations.csv'])[0]).toEqual([
      'id',
      'name',
      'kind',
      'type',
      'city',
      'district',
      'focus',
      'refugee_led',
      'founded',
      'languages',
      'website',
    ]);
    expect(rows(files['waves.csv'])[0]).toEqual(['id', 'label', 'date', 'description']);
    expect(rows(files['ties.csv'])[0]).toEqual(['source', 'target', 'wave', 'level', 'note']);
    expect(rows(files['events.csv'])[0]).toEqual(['id', 'name', 'type', 'date', 'end_date', 'city']);
    expect(rows(files['attendance.csv'])[0]).toEqual(['organization', 'event']);
    expect(rows(files['responses.csv'])[0]).toEqual(['organization', 'wave', 'status']);
  });

  it('parses back (csv-parse) to the same cells', () => {
    expect(rows(files['organizations.csv']).slice(1)).toEqual([
      [
        'a',
        'Bread, Roses and "Solidarity" Association (demo)',
        'ngo',
        'association',
        'Istanbul',
        'Küçükçekmece',
        'women;livelihoods',
        'true',
        '2014',
        'ar;tr',
        '',
      ],
      [
        'b',
        'Işık Kadın Dayanışma Derneği (demo)',
        'ngo',
        '',
        '',
        '',
        '',
        'false',
        '',
        '',
        'https://example.org/a,b',
      ],
      [
        'c',
        'İstanbul Provincial\nMigration Office (demo)',
        'institution',
        'provincial_migration_management',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
    expect(rows(files['waves.csv']).slice(1)).toEqual([['w1', 'First, "early" wave', '2019-12-02', '']]);
    expect(rows(files['ties.csv']).slice(1)).toEqual([
      ['a', 'b', 'w1', '2', 'met at, "the" workshop'],
      ['b', 'c', 'w1', '4', ''],
    ]);
    expect(rows(files['events.csv']).slice(1)).toEqual([
      ['e1', 'Workshop, day 1', 'workshop', '2019-08-21', '2019-08-22', 'Istanbul'],
      ['e2', 'Visit', '', '2020-02-05', '', ''],
    ]);
    expect(rows(files['attendance.csv']).slice(1)).toEqual([['a', 'e1']]);
    expect(rows(files['responses.csv']).slice(1)).toEqual([
      ['a', 'w1', 'responded'],
      ['c', 'w1', 'missing'],
    ]);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180), and only those', () => {
    const text = files['organizations.csv'] ?? '';
    expect(text).toContain('a,"Bread, Roses and ""Solidarity"" Association (demo)",ngo,');
    expect(text).toContain('b,Işık Kadın Dayanışma Derneği (demo),ngo,');
    expect(text).toContain('"İstanbul Provincial\nMigration Office (demo)"');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
  });

  it('writes dataset.json with name, synthetic and description', () => {
    expect(JSON.parse(files['dataset.json'] ?? '')).toEqual({
      name: 'Tiny "test", bundle',
      synthetic: false,
    });
    const demo = JSON.parse(serializeCsvBundle(generateDemo(1))['dataset.json'] ?? '') as Record<
      string,
      unknown
    >;
    expect(Object.keys(demo)).toEqual(['name', 'synthetic', 'description']);
    expect(demo['synthetic']).toBe(true);
  });

  it('leaves out optional files that would have no rows', () => {
    const bare = serializeCsvBundle({ ...tricky, waves: [], events: [], attendance: [], responses: [] });
    expect(Object.keys(bare).sort()).toEqual(['dataset.json', 'organizations.csv', 'ties.csv']);
    const noTies = serializeCsvBundle({ ...tricky, ties: [] });
    expect(noTies['ties.csv']).toBe('source,target,wave,level\n');
  });

  it('is deterministic', () => {
    expect(serializeCsvBundle(tricky)).toEqual(files);
  });
});

describe('round trip through the bundle reader', () => {
  it('gives back the demo dataset exactly', () => {
    const demo = generateDemo(2019);
    expect(parseCsvBundle(serializeCsvBundle(demo), 'demo')).toEqual(demo);
  });

  it('gives back the tricky names, levels and extra columns', () => {
    const back = parseCsvBundle(serializeCsvBundle(tricky), 'tiny');
    expect(back.organizations.map((o) => o.name)).toEqual(tricky.organizations.map((o) => o.name));
    expect(back.organizations[0]?.focus).toEqual(['women', 'livelihoods']);
    expect(back.organizations[0]?.refugeeLed).toBe(true);
    expect(back.organizations[1]?.extra['website']).toBe('https://example.org/a,b');
    expect(back.ties.map((t) => [t.source, t.target, t.level, t.extra['note']])).toEqual([
      ['a', 'b', 2, 'met at, "the" workshop'],
      ['b', 'c', 4, ''],
    ]);
    expect(back.info).toEqual(tricky.info);
  });
});
