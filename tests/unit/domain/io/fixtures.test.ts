/**
 * Files written by other tools import to the expected graphs: NetworkX 2.8.8 (write_graphml,
 * write_gexf, static and dynamic), python-igraph 0.10.2 (write_graphml), hand-written Gephi 0.10
 * (dynamic GEXF 1.3, GraphML) and yEd shapes, an Excel (Turkish locale) CSV bundle and a roster +
 * edge list. How each fixture was made: tests/fixtures/formats/generate_fixtures.py and the
 * comments in the hand-written files. The karate club's metrics are compared with the values
 * NetworkX computed when it wrote the file (networkx-karate.expected.json).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseWave } from '../../../../server/domain/analysis/index.js';
import { parseDatasetFiles } from '../../../../server/domain/io/formats.js';
import type { Dataset } from '../../../../server/domain/types.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/formats');

function load(...names: string[]): { format: string; dataset: Dataset } {
  const files: Record<string, string> = {};
  for (const name of names) files[name] = readFileSync(join(FIXTURES, name), 'utf8');
  return parseDatasetFiles(files, { name: 'fixture' });
}

function folder(dir: string) {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(FIXTURES, dir)))
    files[name] = readFileSync(join(FIXTURES, dir, name), 'utf8');
  return parseDatasetFiles(files, { name: dir });
}

/** Ties per wave id, in wave order. */
function tiesPerWave(dataset: Dataset): Record<string, number> {
  return Object.fromEntries(
    dataset.waves.map((wave) => [wave.id, dataset.ties.filter((tie) => tie.wave === wave.id).length]),
  );
}

function tie(dataset: Dataset, source: string, target: string, wave: string) {
  return dataset.ties.find((t) => t.source === source && t.target === target && t.wave === wave);
}

const ORGANIZATIONS = ['ngo-1', 'ngo-2', 'ins-1', 'ngo-3'];

describe('NetworkX', () => {
  it('karate club GraphML: 34 organizations, 78 ties in one wave, the same metrics as NetworkX', () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'networkx-karate.expected.json'), 'utf8'));
    const { format, dataset } = load('networkx-karate.graphml');
    expect(format).toBe('graphml');
    expect(dataset.organizations).toHaveLength(expected.nodes);
    expect(dataset.waves).toStrictEqual([{ id: '1', label: '1', date: '' }]);
    expect(tiesPerWave(dataset)).toStrictEqual({ 1: expected.edges });
    // No `kind` in the file: every node is an NGO; `club` is kept as an extra attribute.
    expect(dataset.organizations[0]).toStrictEqual({
      id: '0',
      name: '0',
      kind: 'ngo',
      focus: [],
      extra: { club: expected.clubOfNode0 },
    });

    const result = analyseWave(dataset, {});
    expect(result.network.nodes).toBe(expected.nodes);
    expect(result.network.edges).toBe(expected.edges);
    expect(result.network.density).toBeCloseTo(expected.density, 12);
    expect(result.network.transitivity).toBeCloseTo(expected.transitivity, 12);
    expect(result.network.averageClustering).toBeCloseTo(expected.averageClustering, 12);
    for (const node of result.nodes) {
      expect(node.betweenness, node.id).toBeCloseTo(expected.betweenness[node.id], 12);
    }
  });

  it('two-wave MultiDiGraph GraphML: waves from the edge attribute, Köprü attributes mapped', () => {
    const { dataset } = load('networkx-waves.graphml');
    expect(dataset.info).toStrictEqual({ name: 'İki dalga (NetworkX)', synthetic: false });
    expect(dataset.organizations.map((o) => o.id)).toStrictEqual(ORGANIZATIONS);
    expect(dataset.organizations[0]).toStrictEqual({
      id: 'ngo-1',
      name: 'Göç Dayanışma Derneği',
      kind: 'ngo',
      city: 'Gaziantep',
      focus: ['protection', 'livelihoods'],
      refugeeLed: true, // NetworkX writes "True"
      founded: '2014',
      extra: {},
    });
    expect(dataset.organizations[2]?.kind).toBe('institution');
    expect(dataset.waves.map((w) => w.id)).toStrictEqual(['pre', 'post']);
    expect(tiesPerWave(dataset)).toStrictEqual({ pre: 3, post: 4 });
    // The same pair in both waves, with its level in each.
    expect(tie(dataset, 'ngo-1', 'ngo-2', 'pre')?.level).toBe(3);
    expect(tie(dataset, 'ngo-1', 'ngo-2', 'post')?.level).toBe(4);
  });

  it('two-wave GEXF 1.2 (static, wave as an edge attribute): the same graph as its GraphML', () => {
    const gexf = load('networkx-waves.gexf').dataset;
    const graphml = load('networkx-waves.graphml').dataset;
    expect(gexf.organizations).toStrictEqual(graphml.organizations);
    expect(gexf.waves).toStrictEqual(graphml.waves);
    expect(
      gexf.ties.map(({ source, target, wave, level }) => ({ source, target, wave, level })),
    ).toStrictEqual(graphml.ties.map(({ source, target, wave, level }) => ({ source, target, wave, level })));
    // A MultiDiGraph's edge keys come along as an extra attribute.
    expect(gexf.ties[0]?.extra).toStrictEqual({ networkx_key: '0' });
  });

  it('dynamic GEXF (edge start/end, timeformat date): one wave per spell start, edges in the waves they span', () => {
    const { dataset } = load('networkx-dynamic.gexf');
    expect(dataset.waves).toStrictEqual([
      { id: '2019-03-01', label: '2019-03-01', date: '2019-03-01' },
      { id: '2021-06-15', label: '2021-06-15', date: '2021-06-15' },
    ]);
    expect(tiesPerWave(dataset)).toStrictEqual({ '2019-03-01': 2, '2021-06-15': 1 });
    expect(tie(dataset, 'ngo-1', 'ngo-2', '2019-03-01')).toBeDefined();
    expect(tie(dataset, 'ngo-1', 'ngo-2', '2021-06-15')).toBeUndefined(); // its spell ends the day before
    expect(tie(dataset, 'ngo-3', 'ins-1', '2021-06-15')).toBeDefined();
    expect(dataset.organizations[1]?.name).toBe('Kadın Dayanışma Vakfı');
  });
});

describe('igraph', () => {
  it('directed GraphML with an `id` vertex attribute: ids from it, waves and levels from edges', () => {
    const { dataset } = load('igraph-waves.graphml');
    expect(dataset.organizations.map((o) => o.id)).toStrictEqual(ORGANIZATIONS);
    expect(dataset.organizations[3]).toStrictEqual({
      id: 'ngo-3',
      name: 'Suriyeli Öğrenciler Platformu',
      kind: 'ngo',
      city: 'Gaziantep',
      focus: [],
      extra: {},
    });
    expect(tiesPerWave(dataset)).toStrictEqual({ pre: 3, post: 4 });
    // igraph writes levels as doubles ("3"): read as integers.
    expect(tie(dataset, 'ngo-3', 'ins-1', 'post')?.level).toBe(2);
  });

  it('GraphML without `id`: igraph node ids, the vertex name as the name', () => {
    const { dataset } = load('igraph-ring.graphml');
    expect(dataset.organizations.map((o) => [o.id, o.name])).toStrictEqual([
      ['n0', 'A'],
      ['n1', 'B'],
      ['n2', 'C'],
      ['n3', 'D'],
      ['n4', 'E'],
    ]);
    expect(tiesPerWave(dataset)).toStrictEqual({ 1: 5 });
  });
});

describe('Gephi and yEd', () => {
  it('dynamic GEXF 1.3 with spells and a dynamic weight: waves from spell starts, levels per wave', () => {
    const { format, dataset } = load('gephi-dynamic.gexf');
    expect(format).toBe('gexf');
    expect(dataset.info).toStrictEqual({
      name: 'Gaziantep cooperation (Gephi)',
      synthetic: false,
      description: 'Two waves of a cooperation survey',
    });
    expect(dataset.waves.map((w) => [w.id, w.date])).toStrictEqual([
      ['2019-03-01', '2019-03-01'],
      ['2021-06-15', '2021-06-15'],
    ]);
    // Edge 3 has no time (every wave); edge 4 two point spells (each wave); edges 1 and 2 one each.
    expect(tiesPerWave(dataset)).toStrictEqual({ '2019-03-01': 4, '2021-06-15': 4 });
    expect(tie(dataset, 'n1', 'n2', '2019-03-01')?.level).toBe(2);
    expect(tie(dataset, 'n1', 'n2', '2021-06-15')?.level).toBe(4);
    expect(tie(dataset, 'n4', 'n2', '2021-06-15')?.level).toBe(3);
    expect(tie(dataset, 'n3', 'n1', '2021-06-15')).toBeUndefined();
    // Attribute defaults apply; viz elements are ignored; unknown attributes go to extra by title.
    expect(dataset.organizations.map((o) => [o.name, o.kind, o.city])).toStrictEqual([
      ['Göç Dayanışma Derneği', 'ngo', 'Gaziantep'],
      ['Şahinbey Belediyesi', 'institution', 'Gaziantep'],
      ['Kadın Dayanışma Vakfı', 'ngo', 'İstanbul'],
      ['Suriyeli Öğrenciler Platformu', 'ngo', 'Gaziantep'],
    ]);
    expect(dataset.organizations[0]?.extra).toStrictEqual({ 'Modularity Class': '0' });
  });

  it('Gephi GraphML: label as name, weights as levels, layout and colour as extras', () => {
    const { dataset } = load('gephi.graphml');
    expect(dataset.organizations[0]).toStrictEqual({
      id: 'ngo-1',
      name: 'Göç Dayanışma Derneği',
      kind: 'ngo',
      focus: [],
      extra: { r: '153', g: '0', b: '255', x: '-12.5', y: '40.1', size: '10.0' },
    });
    expect(dataset.ties).toStrictEqual([
      { source: 'ngo-1', target: 'ins-1', wave: '1', level: 2, extra: { 'Edge Label': 'protokol' } },
      { source: 'ngo-2', target: 'ngo-1', wave: '1', level: 1, extra: { 'Edge Label': '' } },
    ]);
  });

  it('yEd GraphML: node labels from the graphics, graphics keys ignored', () => {
    const { dataset } = load('yed.graphml');
    expect(dataset.organizations.map((o) => [o.id, o.name, o.kind])).toStrictEqual([
      ['n0', 'Göç Derneği', 'ngo'],
      ['n1', 'İl Göç İdaresi', 'ngo'],
      ['n2', 'Kadın Vakfı', 'ngo'],
    ]);
    expect(dataset.organizations[0]?.extra).toStrictEqual({
      url: '',
      description: 'Sığınmacılarla çalışıyor',
    });
    expect(dataset.ties.map((t) => [t.source, t.target, t.extra.description])).toStrictEqual([
      ['n0', 'n1', ''],
      ['n2', 'n0', 'ortak eğitim'],
    ]);
  });
});

describe('spreadsheets', () => {
  it('an Excel (Turkish) bundle: BOM, ";", CRLF, NFD text, DD.MM.YYYY dates, DOĞRU/YANLIŞ', () => {
    const { format, dataset } = folder('excel-turkish');
    expect(format).toBe('csv-bundle');
    expect(dataset.organizations).toStrictEqual([
      {
        id: 'şahinbey-1',
        name: 'Şahinbey Belediyesi',
        kind: 'institution',
        city: 'Gaziantep',
        focus: [],
        extra: {},
      },
      {
        id: 'ngo-1',
        name: 'Göç Dayanışma Derneği',
        kind: 'ngo',
        city: 'İstanbul',
        focus: [],
        refugeeLed: true,
        extra: {},
      },
      {
        id: 'ngo-2',
        name: 'Kadın; Çocuk Vakfı',
        kind: 'ngo',
        city: 'Gaziantep',
        focus: [],
        refugeeLed: false,
        extra: {},
      },
    ]);
    expect(dataset.waves).toStrictEqual([
      { id: 'pre', label: 'Önce', date: '2019-03-01' },
      { id: 'post', label: 'Sonra', date: '2021-06-15' },
    ]);
    // ties.csv writes the id composed (NFC), organizations.csv decomposed (NFD): they match.
    expect(dataset.ties[0]).toStrictEqual({
      source: 'ngo-1',
      target: 'şahinbey-1',
      wave: 'pre',
      level: 2,
      extra: {},
    });
  });

  it('a roster + edge list without kind or wave: NGOs, one wave, label as name', () => {
    const { format, dataset } = folder('roster');
    expect(format).toBe('edge-list');
    expect(dataset.organizations[0]).toStrictEqual({
      id: 'a',
      name: 'Alpha',
      kind: 'ngo',
      city: 'Gaziantep',
      focus: [],
      extra: {},
    });
    expect(dataset.waves).toStrictEqual([{ id: '1', label: '1', date: '' }]);
    expect(dataset.ties.map((t) => [t.source, t.target, t.level, t.extra])).toStrictEqual([
      ['a', 'b', 1, { weight_note: 'strong' }],
      ['b', 'c', 1, { weight_note: '' }],
      ['c', 'a', 1, { weight_note: '' }],
    ]);
  });
});
