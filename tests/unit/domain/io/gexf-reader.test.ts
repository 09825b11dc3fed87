/**
 * GEXF reader: time (spells, GEXF 1.2 open bounds, 1.3 intervals and timestamps, integer time),
 * waves from a `wave` attribute or from spell starts, values at a wave's time, dataset info from
 * <meta>, and one test per kind of problem with file, line and reason. Files of other tools are in
 * fixtures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseGexf } from '../../../../server/domain/io/gexf-reader.js';
import type { Dataset } from '../../../../server/domain/types.js';
import { ValidationError, type InputIssue } from '../../../../server/errors.js';

function gexf(graph: string, body: string, meta = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
${meta}
<graph defaultedgetype="directed" ${graph}>
${body}
</graph>
</gexf>
`;
}

const NODES = '<nodes><node id="a" label="A"/><node id="b" label="B"/><node id="c" label="C"/></nodes>';

function issues(text: string): InputIssue[] {
  try {
    parseGexf('g.gexf', text);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const perWave = (dataset: Dataset) =>
  dataset.waves.map((wave) => [
    wave.id,
    dataset.ties.filter((t) => t.wave === wave.id).map((t) => `${t.source}${t.target}${t.level}`),
  ]);

describe('parseGexf: time', () => {
  it('integer spells: each start a wave, undated, in time order', () => {
    const dataset = parseGexf(
      'g.gexf',
      gexf(
        'mode="dynamic" timeformat="integer"',
        `${NODES}<edges>
<edge source="a" target="b"><spells><spell start="2" end="3"/></spells></edge>
<edge source="b" target="c" start="1" end="1"/>
<edge source="c" target="a"/>
</edges>`,
      ),
    );
    expect(dataset.waves).toStrictEqual([
      { id: '1', label: '1', date: '' },
      { id: '2', label: '2', date: '' },
    ]);
    expect(perWave(dataset)).toStrictEqual([
      ['1', ['bc1', 'ca1']],
      ['2', ['ab1', 'ca1']],
    ]);
  });

  it('GEXF 1.2 open bounds and 1.3 intervals and timestamps', () => {
    const dataset = parseGexf(
      'g.gexf',
      gexf(
        'mode="dynamic" timeformat="double"',
        `${NODES}<edges>
<edge source="a" target="b" startopen="1.0" end="3.0"/>
<edge source="b" target="c" intervals="&lt;[1.0, 1.0]; (2.0, 3.0]&gt;"/>
<edge source="c" target="a" timestamps="&lt;[3.0]&gt;"/>
</edges>`,
      ),
    );
    // Starts: 1.0 (a spell start, though open for a→b), 2.0 (open), 3.0.
    expect(perWave(dataset)).toStrictEqual([
      ['1.0', ['bc1']],
      ['2.0', ['ab1']],
      ['3.0', ['ab1', 'bc1', 'ca1']],
    ]);
  });

  it('values at each wave: dynamic attvalues whose interval holds the wave, else static, else default', () => {
    const dataset = parseGexf(
      'g.gexf',
      gexf(
        'mode="dynamic" timeformat="date"',
        `<attributes class="edge" mode="dynamic">
  <attribute id="0" title="level" type="integer"><default>1</default></attribute>
  <attribute id="1" title="how" type="string"/>
</attributes>
<attributes class="node"><attribute id="k" title="kind" type="string"/></attributes>
<nodes>
  <node id="a" label="A"><attvalues><attvalue for="k" value="institution" start="2019-01-01" end="2019-12-31"/><attvalue for="k" value="ngo" start="2020-01-01"/></attvalues></node>
  <node id="b" label="B"><attvalues><attvalue for="k" value="ngo"/></attvalues></node>
</nodes>
<edges>
  <edge source="a" target="b">
    <attvalues>
      <attvalue for="0" value="3" start="2020-01-01" end="2020-12-31"/>
      <attvalue for="1" value="calls"/>
    </attvalues>
    <spells><spell start="2019-06-01" end="2019-12-31"/><spell start="2020-06-01" end="2020-12-31"/></spells>
  </edge>
</edges>`,
      ),
    );
    expect(dataset.waves.map((w) => w.date)).toStrictEqual(['2019-06-01', '2020-06-01']);
    expect(dataset.ties.map((t) => [t.wave, t.level, t.extra])).toStrictEqual([
      ['2019-06-01', 1, { how: 'calls' }],
      ['2020-06-01', 3, { how: 'calls' }],
    ]);
    // A node's dynamic value: the latest.
    expect(dataset.organizations[0]?.kind).toBe('ngo');
  });

  it('a static `wave` attribute dates its wave by the edge spell', () => {
    const dataset = parseGexf(
      'g.gexf',
      gexf(
        'mode="dynamic" timeformat="date"',
        `<attributes class="edge"><attribute id="w" title="wave" type="string"/></attributes>${NODES}<edges>
<edge source="a" target="b" start="2021-05-01" end="2021-05-01"><attvalues><attvalue for="w" value="post"/></attvalues></edge>
<edge source="b" target="a" start="2020-05-01" end="2020-05-01"><attvalues><attvalue for="w" value="pre"/></attvalues></edge>
</edges>`,
      ),
    );
    expect(dataset.waves).toStrictEqual([
      { id: 'pre', label: 'pre', date: '2020-05-01' },
      { id: 'post', label: 'post', date: '2021-05-01' },
    ]);
  });
});

describe('parseGexf: dataset info', () => {
  it('our export: the name on the first line of the description, synthetic as a keyword', () => {
    const dataset = parseGexf(
      'g.gexf',
      gexf(
        '',
        `${NODES}<edges/>`,
        '<meta><creator>Köprü</creator><keywords>synthetic</keywords><description>Adı\nAçıklama\nikinci satır</description></meta>',
      ),
    );
    expect(dataset.info).toStrictEqual({
      name: 'Adı',
      synthetic: true,
      description: 'Açıklama\nikinci satır',
    });
    // A static graph without edges is one wave in which everyone is isolated.
    expect(dataset.waves).toStrictEqual([{ id: '1', label: '1', date: '' }]);
  });

  it("without a name: NetworkX's graph name, else the default", () => {
    expect(parseGexf('g.gexf', gexf('name="Ağ"', `${NODES}<edges/>`)).info.name).toBe('Ağ');
    expect(parseGexf('g.gexf', gexf('', `${NODES}<edges/>`), 'varsayılan').info.name).toBe('varsayılan');
  });
});

describe('parseGexf: problems', () => {
  it('a time that is not a date, an undeclared attribute, an edge without a target', () => {
    expect(
      issues(
        gexf(
          'mode="dynamic" timeformat="date"',
          `${NODES}<edges>
<edge source="a" target="b" start="2020-13-01"/>
<edge source="a"><attvalues><attvalue for="x" value="1"/></attvalues></edge>
</edges>`,
        ),
      ),
    ).toStrictEqual([
      {
        file: 'g.gexf',
        line: 6,
        column: 'start',
        reason: 'start "2020-13-01" is not a date (timeformat="date")',
      },
      { file: 'g.gexf', line: 7, reason: 'an <edge> needs both a source and a target' },
      { file: 'g.gexf', line: 7, reason: '<attvalue for="x"> names no declared edge attribute' },
      { file: 'g.gexf', line: 7, column: 'target', reason: 'target is empty; a value is required' },
    ]);
  });

  it('hierarchical graphs and files that are not GEXF', () => {
    expect(
      issues(gexf('', '<nodes><node id="a"><nodes><node id="b"/></nodes></node></nodes>')),
    ).toStrictEqual([
      {
        file: 'g.gexf',
        line: 5,
        reason: 'hierarchical GEXF (nodes inside nodes) is not supported; Köprü reads a flat graph',
      },
    ]);
    expect(issues('<graphml/>')).toStrictEqual([
      {
        file: 'g.gexf',
        line: 1,
        reason: 'this is not a GEXF file: its root element is <graphml>, not <gexf>',
      },
    ]);
    expect(issues('')).toStrictEqual([
      {
        file: 'g.gexf',
        line: 1,
        reason: 'the file is not well-formed XML: document must contain a root element',
      },
    ]);
  });
});
