/** The public map's model: which wave's ties and changes it shows, and the view switch. */
import { describe, expect, it } from 'vitest';
import {
  cellPositions,
  cellSize,
  isPublicView,
  publicWaveModel,
  type PublicCell,
  type PublicRelease,
} from '../../../../../client/src/core/public-view';

function cell(
  id: string,
  ties: [number | null, number | null],
  change: number | null,
  names: string[] = [],
): PublicCell {
  return {
    id,
    city: 'A',
    kind: 'ngo',
    group: id,
    merged: false,
    count: 10,
    names: names.map((name, i) => ({ id: `${id}-n${i}`, name })),
    waves: [
      { wave: 'pre', ties: ties[0] },
      { wave: 'post', ties: ties[1] },
    ],
    changes: [{ from: 'pre', to: 'post', change }],
  };
}

const RELEASE: PublicRelease = {
  type: 'kopru-public-release',
  version: 1,
  id: 'r',
  publishedAt: '2026-01-01T00:00:00.000Z',
  dataset: { name: 'd', synthetic: true },
  rules: { minCellSize: 5, roundingBase: 5 },
  waves: [
    { id: 'pre', label: 'Before', date: '2019-01-01' },
    { id: 'post', label: 'After', date: '2020-01-01' },
  ],
  cells: [cell('c1', [10, 15], 5, ['Alpha']), cell('c2', [null, 5], null, ['Beta']), cell('c3', [5, 5], 0)],
  links: [
    { source: 'c1', target: 'c2', wave: 'post', ties: 5 },
    { source: 'c1', target: 'c1', wave: 'post', ties: 10 },
    { source: 'c1', target: 'c3', wave: 'pre', ties: 5 },
  ],
  namedTies: [{ source: 'c1-n0', target: 'c2-n0', wave: 'post' }],
};

describe('publicWaveModel', () => {
  it('shows the first wave without change and only its ties', () => {
    const model = publicWaveModel(RELEASE, 'pre');
    expect(model.previous).toBeNull();
    expect(model.nodes.map((n) => [n.id, n.ties, n.change])).toEqual([
      ['c1', 10, null],
      ['c2', null, null],
      ['c3', 5, null],
    ]);
    expect(model.edges.map((e) => [e.source, e.target, e.ties])).toEqual([['c1', 'c3', 5]]);
    expect(model.within.size).toBe(0);
    expect(model.namedTies).toEqual([]);
  });

  it('shows the later wave with the change per category, loops apart, and named ties', () => {
    const model = publicWaveModel(RELEASE, 'post');
    expect(model.previous).toBe('pre');
    expect(model.nodes.map((n) => [n.id, n.ties, n.change])).toEqual([
      ['c1', 15, 5],
      ['c2', 5, null],
      ['c3', 5, 0],
    ]);
    expect(model.edges.map((e) => [e.source, e.target, e.ties])).toEqual([['c1', 'c2', 5]]);
    expect([...model.within]).toEqual([['c1', 10]]);
    expect(model.namedTies.map((t) => [t.source.name, t.target.name])).toEqual([['Alpha', 'Beta']]);
  });

  it('sizes cells by area and places them the same way for every wave and every call', () => {
    expect(cellSize(25)).toBeCloseTo(4 + 2.5 * 5);
    const pre = publicWaveModel(RELEASE, 'pre').nodes.map((n) => [n.x, n.y]);
    const post = publicWaveModel(RELEASE, 'post').nodes.map((n) => [n.x, n.y]);
    expect(post).toEqual(pre);
    expect(pre.flat().every(Number.isFinite)).toBe(true);
    expect(new Set(pre.map((p) => p.join(','))).size).toBe(3);
    expect([...cellPositions(RELEASE)]).toEqual([...cellPositions(RELEASE)]);
  });
});

describe('isPublicView', () => {
  const anonymous = { role: 'public', mode: 'accounts' };
  it('previews the public map with ?view=public, whoever asks', () => {
    expect(isPublicView(null, '?view=public')).toBe(true);
    expect(isPublicView({ role: 'analyst', mode: 'accounts' }, '?view=public&lang=tr')).toBe(true);
    expect(isPublicView(null, '?view=map')).toBe(false);
  });
  it('shows anonymous visitors of a Köprü with accounts the public map, unless they asked to sign in', () => {
    expect(isPublicView(anonymous, '')).toBe(true);
    expect(isPublicView(anonymous, '?signin')).toBe(false);
  });
  it('opens the app for signed-in users, local mode and an unknown session', () => {
    expect(isPublicView({ role: 'analyst', mode: 'accounts' }, '')).toBe(false);
    expect(isPublicView({ role: 'coordinator', mode: 'local' }, '')).toBe(false);
    expect(isPublicView({ role: 'public', mode: 'local' }, '')).toBe(false);
    expect(isPublicView(null, '')).toBe(false);
  });
});
