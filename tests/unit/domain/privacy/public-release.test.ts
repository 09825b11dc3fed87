/**
 * The public release's aggregation on a hand-checkable dataset (every expected number is counted by
 * hand in the comments), the rounding rule, the opt-in column, fresh ids, and a property: whatever
 * the data, published counts are multiples of 5, no category under 5 appears and no internal id,
 * private value or non-opted-in name is in the release.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPublicRelease,
  MIN_CELL_SIZE,
  releaseCounts,
  roundCount,
  type PublicRelease,
} from '../../../../server/domain/privacy/public-release.js';
import type { Dataset, Organization, Tie } from '../../../../server/domain/types.js';
import { ValidationError } from '../../../../server/errors.js';
import { newPublicId } from '../../../../server/files/public-releases.js';

function org(
  id: string,
  kind: 'ngo' | 'institution',
  city: string,
  group: string,
  optIn = false,
): Organization {
  return {
    id,
    name: `Name of ${id}`,
    kind,
    city,
    ...(kind === 'institution' ? { type: group } : {}),
    focus: kind === 'ngo' && group !== '' ? [group, 'relief'] : [],
    refugeeLed: false,
    extra: { public_name: optIn ? 'true' : 'false', email: `secret-${id}@x` },
  };
}

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

const ORGS: Organization[] = [
  // City A, institutions: 6 municipalities (kept), 2 schools + 2 clinics → "other" of 4 → hidden.
  ...range('m', 6).map((id) => org(id, 'institution', 'A', 'municipality', id === 'm1')),
  org('s1', 'institution', 'A', 'school', true),
  org('s2', 'institution', 'A', 'school'),
  org('c1', 'institution', 'A', 'clinic'),
  org('c2', 'institution', 'A', 'clinic'),
  // City A, NGOs: 8 with primary focus women (kept); 3 children + 2 without focus → "other" of 5 (kept).
  ...range('w', 8).map((id) => org(id, 'ngo', 'A', 'women', id === 'w1' || id === 'w2')),
  ...range('k', 3).map((id) => org(id, 'ngo', 'A', 'children', id === 'k1')),
  ...range('u', 2).map((id) => org(id, 'ngo', 'A', '')),
  // City B: 13 NGOs, women.
  ...range('b', 13).map((id) => org(id, 'ngo', 'B', 'women')),
];
// Opt-in written as the spreadsheet does.
(ORGS.find((o) => o.id === 'w2') as Organization).extra.public_name = 'DOĞRU';

function ties(wave: string, pairs: string[]): Tie[] {
  return pairs.map((pair) => {
    const [source = '', target = ''] = pair.split('-');
    return { source, target, wave, level: 2, extra: {} };
  });
}

const MW_PRE = ['m1-w1', 'm2-w2', 'm3-w3', 'm4-w4', 'm5-w5', 'm6-w6', 'm1-w7'];
const WW = ['w1-w2', 'w2-w3', 'w3-w4', 'w4-w5', 'w5-w6'];
const DATASET: Dataset = {
  info: { name: 'Hand-checked', synthetic: true },
  organizations: ORGS,
  waves: [
    { id: 'pre', label: 'Before', date: '2019-01-01' },
    { id: 'post', label: 'After', date: '2020-01-01' },
  ],
  ties: [
    ...ties('pre', [...MW_PRE, 'w1-m1', ...WW, 'm1-k1', 'm2-k2', 'm3-k3', 'm4-u1', 's1-w1', 'c1-m1']),
    ...ties('post', [...MW_PRE, 'm2-w8', ...WW, 'b1-b2', 'b2-b3', 'b3-b4', 'b4-b5', 'b5-b6', 'b6-b7']),
  ],
  events: [],
  attendance: [],
  responses: [],
};

function counterIds(): () => string {
  let n = 0;
  return () => `id${++n}`;
}

function build(dataset: Dataset = DATASET, newId = counterIds()): PublicRelease {
  return buildPublicRelease(dataset, { id: 'r1', publishedAt: '2026-01-01T00:00:00.000Z', newId });
}

describe('roundCount', () => {
  it('rounds to the nearest multiple of 5, halves up', () => {
    const table: [number, number][] = [
      [0, 0],
      [2, 0],
      [3, 5],
      [5, 5],
      [7, 5],
      [8, 10],
      [12, 10],
      [13, 15],
      [22, 20],
      [23, 25],
    ];
    for (const [n, rounded] of table) expect(roundCount(n), `roundCount(${n})`).toBe(rounded);
  });
});

describe('buildPublicRelease on a hand-checked dataset', () => {
  const release = build();
  const cell = (city: string, kind: string, group: string | null) => {
    const found = release.cells.find((c) => c.city === city && c.kind === kind && c.group === group);
    if (!found) throw new Error(`no cell ${city}/${kind}/${String(group)}`);
    return found;
  };

  it('keeps cells of 5 or more, merges smaller ones into "other", hides an "other" still under 5', () => {
    expect(release.cells.map((c) => [c.city, c.kind, c.group, c.merged, c.count])).toEqual([
      ['A', 'institution', 'municipality', false, 5], // 6 → 5
      ['A', 'ngo', 'women', false, 10], // 8 → 10
      ['A', 'ngo', null, true, 5], // 3 children + 2 unspecified = 5
      ['B', 'ngo', 'women', false, 15], // 13 → 15
    ]);
    // The schools and clinics (2 + 2 = 4) are nowhere: no institution "other" cell.
    expect(release.cells.some((c) => c.kind === 'institution' && c.merged)).toBe(false);
  });

  it('counts ties between cells per wave, once per pair, rounded, and suppresses those under 5', () => {
    const name = new Map(release.cells.map((c) => [c.id, `${c.city}/${c.group ?? 'other'}`]));
    const links = release.links.map((l) => [l.wave, name.get(l.source), name.get(l.target), l.ties]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['pre', 'A/municipality', 'A/women', 5], // 7 pairs (m1-w1 reported twice counts once)
        ['pre', 'A/women', 'A/women', 5], // 5 within
        ['post', 'A/municipality', 'A/women', 10], // 8
        ['post', 'A/women', 'A/women', 5],
        ['post', 'B/women', 'B/women', 5], // 6
      ]),
    );
    // municipality–other: 4 ties (suppressed); ties with the hidden schools and clinics are dropped.
    expect(links).toHaveLength(5);
  });

  it('publishes ties per cell and the change between waves from the rounded counts', () => {
    const summary = (c: ReturnType<typeof cell>) => [c.waves.map((w) => w.ties), c.changes[0]?.change];
    expect(summary(cell('A', 'institution', 'municipality'))).toEqual([[10, 10], 0]); // 11 → 10, 8 → 10
    expect(summary(cell('A', 'ngo', 'women'))).toEqual([[10, 15], 5]); // 12 → 10, 13 → 15
    expect(summary(cell('A', 'ngo', null))).toEqual([[null, null], null]); // 4, 0: suppressed
    expect(summary(cell('B', 'ngo', 'women'))).toEqual([[null, 5], null]); // 0, 6
    expect(cell('A', 'ngo', 'women').changes[0]).toMatchObject({ from: 'pre', to: 'post' });
  });

  it('names only organizations that opted in and are in a published cell', () => {
    expect(cell('A', 'institution', 'municipality').names.map((n) => n.name)).toEqual(['Name of m1']);
    expect(cell('A', 'ngo', 'women').names.map((n) => n.name)).toEqual(['Name of w1', 'Name of w2']);
    expect(cell('A', 'ngo', null).names.map((n) => n.name)).toEqual(['Name of k1']);
    expect(cell('B', 'ngo', 'women').names).toEqual([]);
    // s1 opted in but its cell is hidden.
    expect(JSON.stringify(release)).not.toContain('Name of s1');
  });

  it('lists an individual tie only when both ends opted in', () => {
    const nameOf = new Map(release.cells.flatMap((c) => c.names.map((n) => [n.id, n.name])));
    const named = release.namedTies
      .map((t) => [t.wave, [nameOf.get(t.source), nameOf.get(t.target)].sort()] as const)
      .sort((a, b) => (a[0] === b[0] ? String(a[1]).localeCompare(String(b[1])) : a[0] === 'pre' ? -1 : 1));
    expect(named).toEqual([
      ['pre', ['Name of k1', 'Name of m1']], // m1 and k1 both opted in, though their cells' link is suppressed
      ['pre', ['Name of m1', 'Name of w1']],
      ['pre', ['Name of w1', 'Name of w2']],
      ['post', ['Name of m1', 'Name of w1']],
      ['post', ['Name of w1', 'Name of w2']],
    ]);
    expect(releaseCounts(release)).toEqual({ cells: 4, links: 5, names: 4, namedTies: 5 });
  });

  it('contains no internal id, private value or non-opted-in name', () => {
    const text = JSON.stringify(release);
    for (const o of ORGS) {
      expect(text).not.toContain(`secret-${o.id}@`);
      expect(text).not.toMatch(new RegExp(`"${o.id}"`));
    }
    for (const id of ['m2', 'w3', 'b1', 'u1']) expect(text).not.toContain(`Name of ${id}"`);
    expect(text).not.toContain('refugee');
    expect(text).not.toContain('public_name');
  });

  it('gives every cell and name fresh random ids in each release', () => {
    const ids = (r: PublicRelease) => [
      ...r.cells.map((c) => c.id),
      ...r.cells.flatMap((c) => c.names.map((n) => n.id)),
    ];
    const first = ids(build(DATASET, newPublicId));
    const second = ids(build(DATASET, newPublicId));
    expect(new Set(first).size).toBe(first.length);
    expect(first.filter((id) => second.includes(id))).toEqual([]);
  });

  it('refuses an unreadable public_name, naming the organization and the column', () => {
    const bad: Dataset = {
      ...DATASET,
      organizations: ORGS.map((o) =>
        o.id === 'k2' ? { ...o, extra: { ...o.extra, public_name: 'maybe' } } : o,
      ),
    };
    expect(() => build(bad)).toThrow(ValidationError);
    try {
      build(bad);
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        {
          file: 'organizations.csv',
          column: 'public_name',
          reason: 'organization "k2": must be true or false, not "maybe"',
        },
      ]);
    }
  });
});

describe('buildPublicRelease on any dataset (property)', () => {
  const orgArb = fc.record({
    city: fc.constantFrom('A', 'B', 'C'),
    kind: fc.constantFrom('ngo' as const, 'institution' as const),
    group: fc.constantFrom('x', 'y', 'z', ''),
    optIn: fc.boolean(),
  });

  it('publishes only multiples of 5, no cell under 5, and no id or non-opted-in name', () => {
    fc.assert(
      fc.property(
        fc.array(orgArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(59), fc.nat(59), fc.boolean()), { maxLength: 200 }),
        (specs, pairs) => {
          const organizations = specs.map((s, i) => ({
            ...org(`ORG${i}X`, s.kind, s.city, s.group, s.optIn),
            name: `NAME${i}Q`,
          }));
          const n = organizations.length;
          const tieList: Tie[] = pairs
            .map(([a, b, pre]) => [a % n, b % n, pre] as const)
            .filter(([a, b]) => a !== b)
            .map(([a, b, pre]) => ({
              source: `ORG${a}X`,
              target: `ORG${b}X`,
              wave: pre ? 'pre' : 'post',
              level: 1,
              extra: {},
            }));
          const release = build({ ...DATASET, organizations, ties: tieList });
          const text = JSON.stringify(release);
          for (const c of release.cells) {
            expect(c.count % 5).toBe(0);
            expect(c.count).toBeGreaterThanOrEqual(MIN_CELL_SIZE);
            for (const w of c.waves) if (w.ties !== null) expect(w.ties % 5).toBe(0);
          }
          for (const l of release.links) {
            expect(l.ties % 5).toBe(0);
            expect(l.ties).toBeGreaterThanOrEqual(5);
          }
          expect(text).not.toMatch(/ORG\d+X/);
          specs.forEach((s, i) => {
            if (!s.optIn) expect(text).not.toContain(`"NAME${i}Q"`);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
