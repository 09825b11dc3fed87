/**
 * Recognising a set of files (names → format and roles), the encoding check, and the export
 * formats that are not read back: Pajek .net and UCINET DL, checked line by line on a tiny dataset.
 */
import { describe, expect, it } from 'vitest';
import {
  detectSource,
  encodingIssues,
  parseDatasetFiles,
  serializeDataset,
} from '../../../../server/domain/io/formats.js';
import { serializeDl } from '../../../../server/domain/io/dl-writer.js';
import { serializePajek } from '../../../../server/domain/io/pajek-writer.js';
import { ValidationError } from '../../../../server/errors.js';
import type { Dataset } from '../../../../server/domain/types.js';

const ORGS = 'id,name,kind\na,Alpha,ngo\nb,Beta,institution\n';
const TIES = 'source,target,wave\na,b,pre\n';

function failure(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('detectSource', () => {
  it('a bundle by organizations.csv, folders in the names ignored', () => {
    const source = detectSource({
      'my bundle/organizations.csv': ORGS,
      'my bundle/ties.csv': TIES,
      'x.txt': '',
    });
    expect(source.format).toBe('csv-bundle');
    if (source.format === 'csv-bundle') expect(source.files['ties.csv']).toBe(TIES);
  });

  it('nodes.csv + edges.csv, with waves.csv and dataset.json', () => {
    const source = detectSource({
      'edges.csv': TIES,
      'nodes.csv': ORGS,
      'waves.csv': 'w',
      'dataset.json': '{}',
    });
    expect(source).toMatchObject({
      format: 'edge-list',
      input: {
        nodes: { name: 'nodes.csv' },
        edges: { name: 'edges.csv' },
        waves: { name: 'waves.csv' },
        info: { name: 'dataset.json' },
      },
    });
  });

  it('any two CSV files: the edge list is the one with source and target, in either order', () => {
    for (const files of [
      { 'kurumlar.csv': ORGS, 'iliskiler.csv': TIES },
      { 'iliskiler.csv': TIES, 'kurumlar.csv': ORGS },
    ]) {
      expect(detectSource(files)).toMatchObject({
        format: 'edge-list',
        input: { nodes: { name: 'kurumlar.csv' }, edges: { name: 'iliskiler.csv' } },
      });
    }
    expect(detectSource({ 'a.csv': ORGS, 'b.csv': 'source;target\na;b\n' })).toMatchObject({
      input: { edges: { name: 'b.csv' } },
    });
  });

  it('single files by extension, .xml by its root element', () => {
    expect(detectSource({ 'x.GEXF': '' }).format).toBe('gexf');
    expect(detectSource({ 'x.graphml': '' }).format).toBe('graphml');
    expect(detectSource({ 'x.json': '' }).format).toBe('json');
    expect(detectSource({ 'x.xml': '<?xml version="1.0"?>\n<graphml xmlns="…">' }).format).toBe('graphml');
    expect(detectSource({ 'x.xml': '<gexf version="1.3">' }).format).toBe('gexf');
  });

  it('a forced format must fit the files', () => {
    expect(detectSource({ 'data.txt': '<gexf/>' }, 'gexf').format).toBe('gexf');
    expect(failure(() => detectSource({ 'a.gexf': '', 'b.gexf': '' }, 'gexf')).message).toBe(
      'Cannot tell the format of a.gexf, b.gexf: gexf is a single file',
    );
  });

  it('refuses what fits no format, and two files with one name', () => {
    expect(failure(() => detectSource({ 'notes.txt': '' })).issues).toStrictEqual([
      {
        reason:
          'expected a CSV bundle (organizations.csv, ties.csv, …), a roster + edge list (two CSV files), or one .gexf, .graphml or .json file',
      },
    ]);
    expect(failure(() => detectSource({ 'a/ties.csv': '', 'b/ties.csv': '' })).issues).toStrictEqual([
      { reason: 'two files are named ties.csv' },
    ]);
    expect(failure(() => detectSource({ 'a.csv': ORGS, 'b.csv': ORGS })).issues).toStrictEqual([
      { reason: 'neither CSV file has the source and target columns of an edge list' },
    ]);
  });
});

describe('encodingIssues', () => {
  it('names the file and line of the first replacement character', () => {
    expect(encodingIssues({ 'x/a.csv': 'ok\nok\nb\uFFFDd\n\uFFFD', 'b.csv': 'fine' })).toStrictEqual([
      {
        file: 'a.csv',
        line: 3,
        reason:
          'the file is not valid UTF-8 text (mixed or legacy encoding, e.g. Latin-1 or Windows-1254); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and import again',
      },
    ]);
  });
});

describe('parseDatasetFiles', () => {
  it('returns the format with the dataset, named by the option when the files do not name it', () => {
    const { format, dataset } = parseDatasetFiles(
      { 'organizations.csv': ORGS, 'ties.csv': TIES },
      { name: 'Adı' },
    );
    expect(format).toBe('csv-bundle');
    expect(dataset.info.name).toBe('Adı');
  });
});

const tiny: Dataset = {
  info: { name: 'tiny', synthetic: false },
  organizations: [
    { id: 'a', name: 'A', kind: 'ngo', focus: [], extra: {} },
    { id: 'b c', name: 'B', kind: 'institution', focus: [], extra: {} },
    { id: 'd"e', name: 'D', kind: 'ngo', focus: [], extra: {} },
  ],
  waves: [
    { id: 'pre', label: 'Pre', date: '2020-01-01' },
    { id: 'post', label: 'Post', date: '2021-01-01' },
  ],
  ties: [
    { source: 'a', target: 'b c', wave: 'pre', level: 2, extra: {} },
    { source: 'b c', target: 'd"e', wave: 'post', level: 4, extra: {} },
    { source: 'a', target: 'b c', wave: 'post', level: 1, extra: {} },
  ],
  events: [],
  attendance: [],
  responses: [],
};

describe('Pajek', () => {
  it('vertices labelled by id, each wave a relation, levels as arc values', () => {
    expect(serializePajek(tiny)).toBe(
      [
        '*Vertices 3',
        '1 "a"',
        '2 "b c"',
        `3 "d'e"`,
        '*Arcs :1 "pre"',
        '1 2 2',
        '*Arcs :2 "post"',
        '2 3 4',
        '1 2 1',
        '',
      ].join('\n'),
    );
  });

  it('one wave as a plain *Arcs section', () => {
    expect(serializePajek(tiny, 'post').split('\n').slice(4)).toStrictEqual(['*Arcs', '2 3 4', '1 2 1', '']);
  });
});

describe('UCINET DL', () => {
  it('full matrices, one per wave, rows = reporting organization, cells = level', () => {
    expect(serializeDl(tiny)).toBe(
      [
        'dl n=3 nm=2',
        'format = fullmatrix',
        'labels:',
        `a,"b c","d'e"`,
        'matrix labels:',
        'pre,post',
        'data:',
        '0 2 0',
        '0 0 0',
        '0 0 0',
        '0 1 0',
        '0 0 4',
        '0 0 0',
        '',
      ].join('\n'),
    );
  });

  it('one wave: nm=1', () => {
    expect(serializeDl(tiny, 'pre').split('\n')[0]).toBe('dl n=3 nm=1');
  });
});

describe('serializeDataset', () => {
  it('refuses a wave the dataset does not have', () => {
    expect(failure(() => serializeDataset(tiny, 'pajek', { wave: 'mid' })).message).toBe(
      'No wave "mid"; the waves are pre, post',
    );
  });

  it('csv is a folder of files, the rest one file', () => {
    expect(serializeDataset(tiny, 'csv').kind).toBe('folder');
    for (const format of ['gexf', 'graphml', 'json', 'pajek', 'dl'] as const) {
      expect(serializeDataset(tiny, format).kind).toBe('file');
    }
  });
});
