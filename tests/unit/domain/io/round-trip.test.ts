/**
 * Export → import gives the same dataset, for every format Köprü reads back: GEXF and GraphML
 * (organizations with every attribute, waves with labels, dates and descriptions, ties with their
 * level and extra attributes in each wave), JSON and the CSV bundle (everything, events, attendance
 * and survey responses included). Datasets: the hand-written valid-small bundle, the no-waves
 * bundle (undated waves), the synthetic demo, and one made of awkward text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvBundle } from '../../../../server/domain/io/csv-bundle-reader.js';
import {
  parseDatasetFiles,
  serializeDataset,
  type ExportFormat,
} from '../../../../server/domain/io/formats.js';
import type { Dataset, Tie } from '../../../../server/domain/types.js';

const ROOT = join(import.meta.dirname, '../../../..');

function bundle(dir: string): Dataset {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir))
    if (/\.(csv|json)$/.test(name)) files[name] = readFileSync(join(dir, name), 'utf8');
  return parseCsvBundle(files, 'bundle');
}

const awkward: Dataset = {
  info: { name: 'Tırnak "quotes" & <angles>', synthetic: true, description: 'two\nlines' },
  organizations: [
    {
      id: 'a&b',
      name: 'Line one\nline two, "quoted" <tag> & more',
      kind: 'ngo',
      type: 'association',
      city: 'İzmir',
      district: 'Çiğli',
      focus: ['women', 'children'],
      refugeeLed: false,
      founded: '2001',
      extra: { website: 'https://example.org/?a=1&b=2', 'note with space': 'ğüşiöç ĞÜŞİÖÇ' },
    },
    { id: 'c<d', name: 'Ç', kind: 'institution', focus: [], extra: { website: '', 'note with space': '' } },
    { id: 'e', name: '=SUM(A1)', kind: 'ngo', focus: [], extra: { website: 'x', 'note with space': '' } },
  ],
  waves: [
    { id: 'w 1', label: 'Wave "one"', date: '2020-01-31', description: 'first & <only>' },
    { id: 'w2', label: 'İkinci', date: '2020-02-01' },
  ],
  ties: [
    { source: 'a&b', target: 'c<d', wave: 'w 1', level: 4, extra: { how: 'meeting\nand call' } },
    { source: 'c<d', target: 'a&b', wave: 'w 1', level: 1, extra: { how: '' } },
    { source: 'a&b', target: 'c<d', wave: 'w2', level: 2, extra: { how: 'e-mail' } },
    { source: 'e', target: 'a&b', wave: 'w2', level: 3, extra: { how: '' } },
  ],
  events: [],
  attendance: [],
  responses: [],
};

const DATASETS: [string, () => Dataset][] = [
  ['valid-small', () => bundle(join(ROOT, 'tests/fixtures/bundles/valid-small'))],
  ['no-waves (undated)', () => bundle(join(ROOT, 'tests/fixtures/bundles/no-waves'))],
  ['demo', () => bundle(join(ROOT, 'data/demo'))],
  ['awkward text', () => awkward],
];

function roundTrip(dataset: Dataset, format: ExportFormat, name: string): Dataset {
  const output = serializeDataset(dataset, format);
  const files = output.kind === 'file' ? { [name]: output.text } : output.files;
  return parseDatasetFiles(files, { name: dataset.info.name }).dataset;
}

const key = (tie: Tie) => `${tie.wave}\u0000${tie.source}\u0000${tie.target}`;
const sortTies = (ties: readonly Tie[]) =>
  [...ties].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

describe.each(DATASETS)('%s', (_, make) => {
  const dataset = make();

  it.each([
    ['gexf', 'export.gexf'],
    ['graphml', 'export.graphml'],
  ] as const)('%s: the same organizations, waves and ties', (format, name) => {
    const back = roundTrip(dataset, format, name);
    expect(back.info).toStrictEqual(dataset.info);
    expect(back.organizations).toStrictEqual(dataset.organizations);
    // Waves without ties have no edge to travel on; every wave of these datasets has ties.
    expect(back.waves).toStrictEqual(dataset.waves);
    expect(sortTies(back.ties)).toStrictEqual(sortTies(dataset.ties));
    // Graph formats have no place for these; they are not invented either.
    expect([back.events, back.attendance, back.responses]).toStrictEqual([[], [], []]);
  });

  it('json: the same dataset, record for record', () => {
    expect(roundTrip(dataset, 'json', 'export.json')).toStrictEqual(dataset);
  });

  it('csv: the same dataset, record for record', () => {
    expect(roundTrip(dataset, 'csv', 'unused')).toStrictEqual(dataset);
  });
});

describe('GEXF for Gephi', () => {
  const dataset = bundle(join(ROOT, 'tests/fixtures/bundles/valid-small'));
  const output = serializeDataset(dataset, 'gexf');
  const text = output.kind === 'file' ? output.text : '';

  it('is a dynamic GEXF 1.3 graph with date spells, one wave to the day before the next', () => {
    expect(text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(text).toContain('version="1.3"');
    expect(text).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date">');
    expect(text).toContain('<attributes class="edge" mode="dynamic">');
    // valid-small: pre 2019-03-01, post 2021-06-15.
    expect(text).toContain('<spell start="2019-03-01" end="2021-06-14"/>');
    expect(text).toContain('<spell start="2021-06-15" end="2021-06-15"/>');
    expect(text).toContain('<attvalue for="weight" value="3" start="2019-03-01" end="2021-06-14"/>');
  });

  it('falls back to integer time when a wave has no date', () => {
    const undated = serializeDataset(bundle(join(ROOT, 'tests/fixtures/bundles/no-waves')), 'gexf');
    const gexf = undated.kind === 'file' ? undated.text : '';
    expect(gexf).toContain('timeformat="integer"');
    expect(gexf).toContain('<spell start="1" end="1"/>');
  });

  it('is the same text for the same dataset', () => {
    const again = serializeDataset(dataset, 'gexf');
    expect(again.kind === 'file' ? again.text : '').toBe(text);
  });
});
