/**
 * The shared map layout and the node colours: one set of positions for every wave, the same every run,
 * inside the drawing, with organizations that have no tie in any wave lined up in the strip below.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { computeSharedLayout } from '../../../../server/domain/report/layout.js';
import { NGO_COLOUR, nodeCategories, OKABE_ITO } from '../../../../server/domain/report/palette.js';

function graph(edges: [string, string][]): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const [a, b] of edges) g.mergeEdge(a, b);
  return g;
}

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'lonely'];
const before = graph([
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'a'],
]);
// d, e, f are tied only in the later wave: they are laid out with the others, not in the strip.
const after = graph([
  ['a', 'b'],
  ['c', 'd'],
  ['d', 'e'],
  ['e', 'f'],
]);

describe('computeSharedLayout', () => {
  const layout = computeSharedLayout(IDS, [before, after], { iterations: 100 });

  it('places every organization inside the drawing', () => {
    expect([...layout.positions.keys()].sort()).toEqual([...IDS].sort());
    for (const { x, y } of layout.positions.values()) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(layout.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(layout.height);
    }
  });

  it('lines up organizations without any tie in a strip under the map', () => {
    expect(layout.unconnected).toEqual(['lonely']);
    expect(layout.stripTop).not.toBeNull();
    expect(layout.positions.get('lonely')!.y).toBeGreaterThan(layout.stripTop!);
    for (const id of IDS.filter((id) => id !== 'lonely')) {
      expect(layout.positions.get(id)!.y).toBeLessThan(layout.stripTop!);
    }
  });

  it('is deterministic and does not depend on the order of the ids', () => {
    const again = computeSharedLayout([...IDS].reverse(), [before, after], { iterations: 100 });
    expect([...again.positions].sort()).toEqual([...layout.positions].sort());
    expect(again.height).toBe(layout.height);
  });

  it('draws tied organizations closer than untied ones', () => {
    const distance = (u: string, v: string) => {
      const [p, q] = [layout.positions.get(u)!, layout.positions.get(v)!];
      return Math.hypot(p.x - q.x, p.y - q.y);
    };
    expect(distance('a', 'b')).toBeLessThan(distance('a', 'f'));
  });

  it('copes with no tie at all', () => {
    const empty = computeSharedLayout(['x', 'y'], [new Graph()]);
    expect(empty.unconnected).toEqual(['x', 'y']);
    expect(empty.positions.size).toBe(2);
  });
});

describe('nodeCategories', () => {
  it('gives NGOs one colour and the six most frequent institution types their own', () => {
    const institutions = ['t1', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 'other'].map((type) => ({
      kind: 'institution' as const,
      type,
    }));
    const { categories, colourOf, of } = nodeCategories([
      { kind: 'ngo' },
      { kind: 'ngo', type: 'association' },
      ...institutions,
      { kind: 'institution' },
    ]);
    expect(categories.map((c) => c.id)).toEqual([
      'ngo',
      'institution:t1',
      'institution:t2',
      'institution:t3',
      'institution:t4',
      'institution:t5',
      'institution:t6',
      'institution:other',
    ]);
    expect(categories.find((c) => c.id === 'institution:other')!.count).toBe(3);
    expect(colourOf({ kind: 'ngo' })).toBe(NGO_COLOUR);
    expect(of({ kind: 'institution', type: 't7' })).toBe('institution:other');
    const colours = categories.map((c) => c.colour);
    expect(new Set(colours).size).toBe(colours.length);
    for (const colour of colours) expect(Object.values(OKABE_ITO)).toContain(colour);
  });
});
