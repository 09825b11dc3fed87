/**
 * The shared map layout and the node colours: one set of positions for every wave, the same every run,
 * inside the drawing, with organizations that have no tie in any wave lined up in the strip below.
 */
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { computeSharedLayout } from '../../../../server/domain/report/layout.js';
import { categoryColors } from '../../../../client/src/sigma/palette';
import { NEUTRAL, NGO_COLOUR, OKABE_ITO } from '../../../../server/domain/palette.js';
import { nodeCategories } from '../../../../server/domain/report/palette.js';

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
  it('gives fixed types their colour, the most frequent other type the spare hue, the rest "other"', () => {
    const institutions = [
      'district_governorship',
      'social_service_centre',
      't1',
      't1',
      't2',
      't3',
      'other',
    ].map((type) => ({ kind: 'institution' as const, type }));
    const { categories, colourOf, of } = nodeCategories([
      { kind: 'ngo' },
      { kind: 'ngo', type: 'association' },
      ...institutions,
      { kind: 'institution' },
    ]);
    expect(categories.map((c) => [c.id, c.colour, c.count])).toEqual([
      ['ngo', NGO_COLOUR, 2],
      ['institution:t1', OKABE_ITO.yellow, 2],
      ['institution:district_governorship', OKABE_ITO.bluishGreen, 1],
      ['institution:social_service_centre', OKABE_ITO.vermillion, 1],
      // t2, t3, "other" and the institution without a type
      ['institution:other', NEUTRAL, 4],
    ]);
    expect(colourOf({ kind: 'ngo' })).toBe(NGO_COLOUR);
    expect(of({ kind: 'institution', type: 't3' })).toBe('institution:other');
  });

  it('colours each institution type as the map does', () => {
    const types = [
      'metropolitan_municipality',
      'employment_agency',
      'district_municipality',
      'custom',
      'custom',
    ];
    const { colourOf } = nodeCategories([
      { kind: 'ngo' },
      ...types.map((type) => ({ kind: 'institution' as const, type })),
    ]);
    // The map's "colour by type" ranks types outside the fixed list by count, as the report does.
    const map = categoryColors(
      'type',
      ['ngo', ...new Set(types)].map((t) => (t === 'ngo' ? t : `institution:${t}`)),
    );
    for (const type of types)
      expect(colourOf({ kind: 'institution', type })).toBe(map.get(`institution:${type}`));
    expect(map.get('ngo')).toBe(colourOf({ kind: 'ngo' }));
  });
});
