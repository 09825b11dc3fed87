/**
 * GraphML reader: what a file means (keys, defaults, graph info, waves from edge attributes, the
 * level rule) and one test per kind of problem, each with file, line and reason. The files of other
 * tools are in fixtures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseGraphml } from '../../../../server/domain/io/graphml-reader.js';
import { ValidationError, type InputIssue } from '../../../../server/errors.js';

function graphml(keys: string, body: string, edgedefault = 'directed'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
${keys}
<graph edgedefault="${edgedefault}">
${body}
</graph>
</graphml>
`;
}

const NODES = '<node id="a"/>\n<node id="b"/>\n<node id="c"/>';

function issues(text: string): InputIssue[] {
  try {
    parseGraphml('g.graphml', text);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseGraphml', () => {
  it('reads graph info, key defaults, and waves with labels, dates and descriptions from edges', () => {
    const dataset = parseGraphml(
      'g.graphml',
      graphml(
        `<key id="gn" for="graph" attr.name="name" attr.type="string"/>
<key id="gs" for="graph" attr.name="synthetic" attr.type="boolean"/>
<key id="k" for="node" attr.name="kind" attr.type="string"><default>institution</default></key>
<key id="w" for="edge" attr.name="wave" attr.type="string"/>
<key id="wl" for="edge" attr.name="wave_label" attr.type="string"/>
<key id="wd" for="edge" attr.name="wave_date" attr.type="string"/>
<key id="wx" for="edge" attr.name="wave_description" attr.type="string"/>
<key id="n" for="all" attr.name="note" attr.type="string"/>`,
        `<data key="gn">Ağ</data><data key="gs">true</data>
<node id="a"><data key="k">ngo</data></node>
<node id="b"/>
<edge source="b" target="a"><data key="w">post</data><data key="wl">After</data><data key="wd">2021-01-01</data></edge>
<edge source="a" target="b"><data key="w">pre</data><data key="wd">2020-01-01</data><data key="wx">first</data><data key="n">x</data></edge>`,
      ),
    );
    expect(dataset.info).toStrictEqual({ name: 'Ağ', synthetic: true });
    expect(dataset.organizations.map((o) => [o.id, o.kind, o.extra])).toStrictEqual([
      ['a', 'ngo', { note: '' }],
      ['b', 'institution', { note: '' }],
    ]);
    // Ordered by date, not by first appearance.
    expect(dataset.waves).toStrictEqual([
      { id: 'pre', label: 'pre', date: '2020-01-01', description: 'first' },
      { id: 'post', label: 'After', date: '2021-01-01' },
    ]);
    expect(dataset.ties.map((t) => [t.wave, t.extra])).toStrictEqual([
      ['post', { note: '' }],
      ['pre', { note: 'x' }],
    ]);
  });

  it('wave ids that are dates date their waves', () => {
    const dataset = parseGraphml(
      'g.graphml',
      graphml(
        '<key id="w" for="edge" attr.name="wave" attr.type="string"/>',
        `${NODES}\n<edge source="a" target="b"><data key="w">2021-05-01</data></edge>\n<edge source="b" target="c"><data key="w">2020-05-01</data></edge>`,
      ),
    );
    expect(dataset.waves.map((w) => [w.id, w.date])).toStrictEqual([
      ['2020-05-01', '2020-05-01'],
      ['2021-05-01', '2021-05-01'],
    ]);
  });

  it('levels: the level attribute; else integer weights 1–4; else 1 with the weight kept', () => {
    const withWeights = (weights: string[], extraKey = '') =>
      parseGraphml(
        'g.graphml',
        graphml(
          `<key id="w" for="edge" attr.name="weight" attr.type="double"/>${extraKey}`,
          `${NODES}\n${weights
            .map((w, i) => `<edge source="${'abc'[i]}" target="${'bca'[i]}"><data key="w">${w}</data></edge>`)
            .join('\n')}`,
        ),
      ).ties.map((t) => [t.level, t.extra]);
    expect(withWeights(['2.0', '4', '1.0'])).toStrictEqual([
      [2, {}],
      [4, {}],
      [1, {}],
    ]);
    expect(withWeights(['2.0', '0.5', '1'])).toStrictEqual([
      [1, { weight: '2.0' }],
      [1, { weight: '0.5' }],
      [1, { weight: '1' }],
    ]);
  });

  it('undirected edges are one tie each, source → target as written', () => {
    const dataset = parseGraphml(
      'g.graphml',
      graphml('', `${NODES}\n<edge source="b" target="a"/>`, 'undirected'),
    );
    expect(dataset.ties.map((t) => [t.source, t.target])).toStrictEqual([['b', 'a']]);
  });
});

describe('parseGraphml: problems', () => {
  it('an unknown node in an edge, a self-loop, an undeclared data key', () => {
    expect(
      issues(
        graphml(
          '',
          `${NODES}\n<edge source="a" target="zz"/>\n<edge source="b" target="b"/>\n<node id="d"><data key="nokey">1</data></node>`,
        ),
      ),
    ).toStrictEqual([
      {
        file: 'g.graphml',
        line: 8,
        column: 'target',
        reason: 'unknown organization "zz" (not in g.graphml)',
      },
      { file: 'g.graphml', line: 9, column: 'target', reason: 'self-tie: source and target are both "b"' },
      { file: 'g.graphml', line: 10, reason: '<data key="nokey"> names no declared <key>' },
    ]);
  });

  it('a bad kind and level, on the lines of their node and edge', () => {
    expect(
      issues(
        graphml(
          '<key id="k" for="node" attr.name="kind" attr.type="string"/><key id="l" for="edge" attr.name="level" attr.type="int"/>',
          `<node id="a"><data key="k">ngo</data></node>\n<node id="b"><data key="k">company</data></node>\n<edge source="a" target="b"><data key="l">7</data></edge>`,
        ),
      ),
    ).toStrictEqual([
      {
        file: 'g.graphml',
        line: 6,
        column: 'kind',
        reason: 'kind must be "ngo" or "institution", not "company"',
      },
      {
        file: 'g.graphml',
        line: 7,
        column: 'level',
        reason: 'level must be an integer from 1 to 4, not "7"',
      },
    ]);
  });

  it('waves that disagree on their label, or are dated only in part', () => {
    expect(
      issues(
        graphml(
          '<key id="w" for="edge" attr.name="wave"/><key id="l" for="edge" attr.name="wave_label"/><key id="d" for="edge" attr.name="wave_date"/>',
          `${NODES}
<edge source="a" target="b"><data key="w">pre</data><data key="l">Önce</data><data key="d">2020-01-01</data></edge>
<edge source="b" target="c"><data key="w">pre</data><data key="l">Before</data></edge>
<edge source="c" target="a"><data key="w">post</data></edge>`,
        ),
      ),
    ).toStrictEqual([
      {
        file: 'g.graphml',
        line: 9,
        column: 'wave_label',
        reason: 'wave "pre" has label "Before" here but "Önce" on line 8',
      },
      {
        file: 'g.graphml',
        line: 10,
        column: 'wave_date',
        reason: 'wave "post" has no date while other waves have one; give every wave a date or none',
      },
    ]);
  });

  it('a file that is not GraphML, a nested graph, a hyperedge, broken XML', () => {
    expect(issues('<gexf version="1.3"/>')).toStrictEqual([
      {
        file: 'g.graphml',
        line: 1,
        reason: 'this is not a GraphML file: its root element is <gexf>, not <graphml>',
      },
    ]);
    expect(issues(graphml('', '<node id="a"><graph edgedefault="directed"/></node>'))).toStrictEqual([
      {
        file: 'g.graphml',
        line: 5,
        reason: 'nested or multiple graphs are not supported; Köprü reads one flat graph per file',
      },
    ]);
    expect(issues(graphml('', `${NODES}\n<hyperedge><endpoint node="a"/></hyperedge>`))).toStrictEqual([
      {
        file: 'g.graphml',
        line: 8,
        reason: 'hyperedges are not supported; Köprü reads ties between two organizations',
      },
    ]);
    expect(issues('<graphml>\n<graph>\n<node id="a">\n</graph></graphml>')).toStrictEqual([
      {
        file: 'g.graphml',
        line: 4,
        reason: 'the file is not well-formed XML: unexpected close tag',
      },
    ]);
  });

  it('refuses __proto__ and constructor as attribute names', () => {
    expect(
      issues(
        graphml(
          '<key id="p" for="edge" attr.name="constructor"/>',
          `${NODES}\n<edge source="a" target="b"/>`,
        ),
      ),
    ).toStrictEqual([
      {
        file: 'g.graphml',
        line: 3,
        column: 'constructor',
        reason: 'column name "constructor" is not allowed',
      },
    ]);
  });
});
