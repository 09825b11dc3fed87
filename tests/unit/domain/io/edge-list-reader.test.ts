/**
 * The roster + edge-list pair: the documented defaults (name from label or id, kind ngo, one wave)
 * and the bundle's rules with the files' own names in every issue.
 */
import { describe, expect, it } from 'vitest';
import { parseEdgeList } from '../../../../server/domain/io/edge-list-reader.js';
import { ValidationError } from '../../../../server/errors.js';

describe('parseEdgeList', () => {
  it('defaults: name = id, kind = ngo, one wave "1", level 1', () => {
    const dataset = parseEdgeList({
      nodes: { name: 'people.csv', text: 'id\nx\ny\n' },
      edges: { name: 'links.csv', text: 'source,target\nx,y\n' },
    });
    expect(dataset.organizations).toStrictEqual([
      { id: 'x', name: 'x', kind: 'ngo', focus: [], extra: {} },
      { id: 'y', name: 'y', kind: 'ngo', focus: [], extra: {} },
    ]);
    expect(dataset.waves).toStrictEqual([{ id: '1', label: '1', date: '' }]);
    expect(dataset.ties).toStrictEqual([{ source: 'x', target: 'y', wave: '1', level: 1, extra: {} }]);
  });

  it('every bundle column when given, waves.csv and dataset.json too', () => {
    const dataset = parseEdgeList({
      nodes: { name: 'n.csv', text: 'id;name;kind;city\nx;İks;institution;Kilis\ny;Ye;ngo;\n' },
      edges: { name: 'e.csv', text: 'source,target,wave,level\nx,y,post,2\ny,x,pre,4\n' },
      waves: { name: 'waves.csv', text: 'id,label,date\npost,After,2021-01-01\npre,Before,2020-01-01\n' },
      info: { name: 'dataset.json', text: '{"name": "Çift", "synthetic": true}' },
    });
    expect(dataset.info).toStrictEqual({ name: 'Çift', synthetic: true });
    expect(dataset.organizations[0]).toStrictEqual({
      id: 'x',
      name: 'İks',
      kind: 'institution',
      city: 'Kilis',
      focus: [],
      extra: {},
    });
    expect(dataset.waves.map((w) => w.id)).toStrictEqual(['pre', 'post']);
    expect(dataset.ties.map((t) => [t.wave, t.level])).toStrictEqual([
      ['post', 2],
      ['pre', 4],
    ]);
  });

  it('reports problems in the files’ own names', () => {
    let error: unknown;
    try {
      parseEdgeList({
        nodes: { name: 'people.csv', text: 'name\nx\n' },
        edges: { name: 'links.csv', text: 'source,target,level\nx,q,5\n' },
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('The roster and edge list have 2 problems');
    expect((error as ValidationError).issues).toStrictEqual([
      { file: 'people.csv', line: 1, column: 'id', reason: 'required column "id" is missing' },
      {
        file: 'links.csv',
        line: 2,
        column: 'level',
        reason: 'level must be an integer from 1 to 4, not "5"',
      },
    ]);
  });
});
