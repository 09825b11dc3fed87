import { describe, expect, it } from 'vitest';
import { computeEiIndex } from '../../../../server/domain/metrics/ei-index.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases, mismatches } from './reference.js';
import { graphOf, PATH_4 } from './tiny.js';

const KINDS = {
  a: { kind: 'ngo' },
  b: { kind: 'ngo' },
  c: { kind: 'institution' },
  d: { kind: 'institution' },
};

describe('computeEiIndex', () => {
  it('is (E − I)/(E + I) by kind, and per group', () => {
    // a–b internal (ngo), b–c external, c–d internal (institution): (1 − 2)/3.
    // ngo: E 1 (b–c), I 1 (a–b) → 0; institution likewise.
    const result = computeEiIndex(graphOf(PATH_4, { nodes: KINDS }));
    expect(result).toEqual({ eiIndex: -1 / 3, external: 1, internal: 2, groups: { institution: 0, ngo: 0 } });
  });

  it('groups by another attribute and leaves out organizations without a value', () => {
    // city: a Hatay, b Hatay, c Kilis, d unknown → a–b internal, b–c external, c–d not counted → 0.
    const nodes = { a: { city: 'Hatay' }, b: { city: 'Hatay' }, c: { city: 'Kilis' }, d: { city: '' } };
    const result = computeEiIndex(graphOf(PATH_4, { nodes }), { groupBy: 'city' });
    expect(result.eiIndex).toBe(0);
    expect(result.groups).toEqual({ Hatay: 0, Kilis: 1 });
  });

  it('counts every arc in directed mode', () => {
    // a⇄c across kinds (2 external), a→b inside (1 internal): (2 − 1)/3.
    const graph = graphOf(
      [
        ['a', 'c'],
        ['c', 'a'],
        ['a', 'b'],
      ],
      { directed: true, nodes: KINDS },
    );
    expect(computeEiIndex(graph).eiIndex).toBeCloseTo(1 / 3, 12);
  });

  it('is null when no tie is counted, and null for a group without ties', () => {
    const result = computeEiIndex(graphOf([['a', 'b']], { nodes: KINDS }));
    expect(result.groups).toEqual({ institution: null, ngo: -1 });
    expect(computeEiIndex(graphOf([], { nodes: KINDS })).eiIndex).toBeNull();
    expect(computeEiIndex(graphOf([])).eiIndex).toBeNull();
  });

  it.each(loadCases())('matches the reference on $name', ({ graph, reference }) => {
    const result = computeEiIndex(graph, { groupBy: reference.groupBy });
    expect(
      mismatches({ eiIndex: result.eiIndex }, { eiIndex: reference.network['eiIndex'] as number | null }),
    ).toEqual([]);
    expect(mismatches(result.groups, reference.groups.eiIndex)).toEqual([]);
  });

  it('rejects an unknown groupBy attribute, naming the field', () => {
    const graph = graphOf(PATH_4, { nodes: KINDS });
    expect(() => computeEiIndex(graph, { groupBy: 'sector' })).toThrow(ValidationError);
    expect(() => computeEiIndex(graph, { groupBy: 'sector' })).toThrow(/groupBy.*sector/);
    expect(() => computeEiIndex(graph, { groupBy: 'sector' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ column: 'groupBy' })] }),
    );
  });

  it('rejects a list-valued attribute such as focus', () => {
    const graph = graphOf([['a', 'b']], { nodes: { a: { focus: ['health'] }, b: { focus: [] } } });
    expect(() => computeEiIndex(graph, { groupBy: 'focus' })).toThrow(ValidationError);
  });
});
