import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../../../server/errors.js';
import { findIsolated, type IsolatedOrganization } from '../../../../server/domain/isolation/index.js';
import type { AnalysisMode, Dataset } from '../../../../server/domain/types.js';
import { computeKCore } from '../../../../server/domain/metrics/k-core.js';
import { makeDataset } from './dataset.js';
import { reference, undirected } from './reference.js';

/**
 * A core K4 (inst-a, ngo-1, ngo-2, ngo-3) with ngo-9 tied to three of its NGOs (core 3, no
 * institution), a tree hanging off it (ngo-4 – ngo-5), a separate pair (ngo-6 – ngo-7) and two
 * isolates (ngo-8, inst-b).
 */
const BASE = makeDataset({
  organizations: [
    { id: 'inst-a', name: 'Gaziantep Municipality', city: 'Gaziantep', type: 'municipality' },
    { id: 'inst-b', name: 'Migration Directorate', city: 'Gaziantep' },
    { id: 'ngo-1', name: 'Hayat Derneği', city: 'Gaziantep', focus: ['legal aid'] },
    { id: 'ngo-2', name: 'Umut Vakfı', focus: ['health'] },
    { id: 'ngo-3', name: 'Köprü Derneği', focus: ['legal aid', 'health'] },
    { id: 'ngo-4', name: 'Dayanışma Ağı' },
    { id: 'ngo-5', name: 'Ekmek ve Gül' },
    { id: 'ngo-6', name: 'Zeytin Dalı' },
    { id: 'ngo-7', name: 'Yarın Kadın' },
    { id: 'ngo-8', name: 'Çınar Derneği', city: 'Gaziantep', focus: ['health'] },
    { id: 'ngo-9', name: 'Özgür Eğitim' },
  ],
  ties: [
    ['inst-a', 'ngo-1'],
    ['inst-a', 'ngo-2'],
    ['ngo-3', 'inst-a'],
    ['ngo-1', 'ngo-2'],
    ['ngo-1', 'ngo-3'],
    ['ngo-2', 'ngo-3'],
    ['ngo-4', 'ngo-1'],
    ['ngo-4', 'ngo-5'],
    ['ngo-6', 'ngo-7'],
    ['ngo-9', 'ngo-1'],
    ['ngo-9', 'ngo-2'],
    ['ngo-9', 'ngo-3'],
    // The second wave has a single tie.
    ['ngo-1', 'ngo-2', 'w2'],
  ],
});

const byId = (organizations: IsolatedOrganization[]): Map<string, IsolatedOrganization> =>
  new Map(organizations.map((org) => [org.id, org]));
const codes = (org: IsolatedOrganization | undefined): string[] => org?.reasons.map((r) => r.code) ?? [];

describe('findIsolated: reasons', () => {
  const result = findIsolated(BASE, { wave: 'w1' });
  const listed = byId(result.organizations);

  it('lists exactly the organizations with a reason, each with the reasons that apply', () => {
    expect(result.wave).toBe('w1');
    expect(result.mode).toBe('undirected');
    expect(Object.fromEntries([...listed].map(([id, org]) => [id, codes(org)]))).toEqual({
      'inst-b': ['isolate'],
      'ngo-8': ['isolate', 'no_institution_tie'],
      'ngo-5': ['pendant', 'no_institution_tie', 'lowest_k_core'],
      'ngo-6': ['pendant', 'no_institution_tie', 'outside_largest_component', 'lowest_k_core'],
      'ngo-7': ['pendant', 'no_institution_tie', 'outside_largest_component', 'lowest_k_core'],
      'ngo-4': ['no_institution_tie', 'lowest_k_core'],
      'ngo-9': ['no_institution_tie'],
    });
  });

  it('does not list well-connected organizations with an institution tie', () => {
    for (const id of ['inst-a', 'ngo-1', 'ngo-2', 'ngo-3']) expect(listed.has(id)).toBe(false);
  });

  it('sorts by fewest ties (isolates first), then by name in Turkish order', () => {
    expect(result.organizations.map((o) => [o.degree, o.name])).toEqual([
      [0, 'Çınar Derneği'],
      [0, 'Migration Directorate'],
      [1, 'Ekmek ve Gül'],
      [1, 'Yarın Kadın'],
      [1, 'Zeytin Dalı'],
      [2, 'Dayanışma Ağı'],
      [3, 'Özgür Eğitim'],
    ]);
  });

  it('carries the organization record and its degree', () => {
    expect(listed.get('ngo-8')).toMatchObject({
      name: 'Çınar Derneği',
      kind: 'ngo',
      city: 'Gaziantep',
      type: null,
      focus: ['health'],
      degree: 0,
    });
    expect(listed.get('inst-b')).toMatchObject({ kind: 'institution', city: 'Gaziantep', degree: 0 });
  });

  it('explains each reason with the concrete names and numbers, in English and Turkish', () => {
    const text = (id: string, code: string) => listed.get(id)?.reasons.find((r) => r.code === code)?.text;
    expect(text('ngo-8', 'isolate')).toEqual({
      en: 'Has no cooperation tie in this wave',
      tr: 'Bu dönemde hiçbir işbirliği bağı yok',
    });
    expect(text('ngo-5', 'pendant')).toEqual({
      en: 'Has only one cooperation tie in this wave, with Dayanışma Ağı',
      tr: 'Bu dönemde yalnızca bir işbirliği bağı var: Dayanışma Ağı',
    });
    expect(text('ngo-9', 'no_institution_tie')?.en).toBe(
      'Has no tie to any public institution in this wave: all 3 of its ties are with NGOs',
    );
    expect(text('ngo-9', 'no_institution_tie')?.tr).toBe(
      'Bu dönemde hiçbir kamu kurumuyla bağı yok: 3 bağının hepsi STK’larla',
    );
    expect(text('ngo-6', 'outside_largest_component')?.en).toContain('main network of 7 organizations');
    expect(text('ngo-6', 'outside_largest_component')?.en).toContain('separate group of 2');
    expect(text('ngo-6', 'outside_largest_component')?.tr).toContain('7 kuruluşluk ana ağa');
    expect(text('ngo-4', 'lowest_k_core')?.en).toContain('at least 2 ties within the group');
    expect(text('ngo-4', 'lowest_k_core')?.en).toContain('every member has at least 3');
    expect(text('ngo-4', 'lowest_k_core')?.tr).toContain('en az 2 bağı');
  });

  it('defaults to the last wave', () => {
    const last = findIsolated(BASE);
    expect(last.wave).toBe('w2');
    // Only ngo-1 and ngo-2 are tied in w2: every other organization is an isolate there.
    expect(last.organizations.filter((o) => codes(o).includes('isolate'))).toHaveLength(9);
  });

  it('lists only the requested kinds', () => {
    const ngos = findIsolated(BASE, { wave: 'w1', kinds: ['ngo'] });
    expect(ngos.organizations.every((o) => o.kind === 'ngo')).toBe(true);
    expect(ngos.organizations.some((o) => o.id === 'ngo-8')).toBe(true);
    const institutions = findIsolated(BASE, { wave: 'w1', kinds: ['institution'] });
    expect(institutions.organizations.map((o) => o.id)).toEqual(['inst-b']);
  });
});

describe('findIsolated: the core numbers behind lowest_k_core', () => {
  // `lowest_k_core` trusts the metrics module's core numbers: check them on our NetworkX fixture too.
  for (const [name, ref] of Object.entries(reference.graphs)) {
    it(`match NetworkX core_number on "${name}"`, () => {
      expect(computeKCore(undirected(ref.nodes, ref.edges))).toEqual(ref.coreNumber);
    });
  }
});

describe('findIsolated: when a reason does not apply', () => {
  it('singles out no component when the largest size is shared', () => {
    const dataset = makeDataset({
      organizations: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      ties: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
    const result = findIsolated(dataset, { wave: 'w1' });
    expect(result.organizations.flatMap(codes)).not.toContain('outside_largest_component');
  });

  it('flags no NGO for missing institution ties when the dataset has no institution', () => {
    const dataset = makeDataset({ organizations: [{ id: 'a' }, { id: 'b' }], ties: [['a', 'b']] });
    expect(findIsolated(dataset, { wave: 'w1' }).organizations.flatMap(codes)).toEqual([
      'pendant',
      'pendant',
    ]);
  });

  it('flags no shell when every non-isolate has the same core number', () => {
    const ring = ['a', 'b', 'c', 'd', 'e'];
    const dataset = makeDataset({
      organizations: ring.map((id) => ({ id })),
      ties: ring.map((id, i): [string, string] => [id, ring[(i + 1) % ring.length] as string]),
    });
    expect(findIsolated(dataset, { wave: 'w1' }).organizations).toEqual([]);
  });

  it('flags the outermost shell when it is above 1 but below the maximum', () => {
    // K4 a–d plus e tied to a and b: e has core number 2, the others 3, and nobody has core number 1.
    const k4 = ['a', 'b', 'c', 'd'];
    const dataset = makeDataset({
      organizations: [...k4, 'e'].map((id) => ({ id })),
      ties: [
        ...k4.flatMap((x, i) => k4.slice(i + 1).map((y): [string, string] => [x, y])),
        ['e', 'a'],
        ['e', 'b'],
      ],
    });
    const [only, ...rest] = findIsolated(dataset, { wave: 'w1' }).organizations;
    expect(rest).toEqual([]);
    expect(only?.id).toBe('e');
    expect(codes(only)).toEqual(['lowest_k_core']);
    expect(only?.reasons[0]?.text.en).toContain('at least 3 ties within the group');
  });

  it('gives an isolate no component or shell reason', () => {
    const result = findIsolated(BASE, { wave: 'w1' });
    const isolate = result.organizations.find((o) => o.id === 'inst-b');
    expect(codes(isolate)).toEqual(['isolate']);
  });
});

describe('findIsolated: modes', () => {
  const oneSided = makeDataset({
    organizations: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'inst-x' }],
    ties: [
      ['a', 'b'],
      ['b', 'a'],
      ['c', 'a'],
      ['c', 'inst-x'],
    ],
  });

  it('ignores direction in directed mode', () => {
    const undirected = findIsolated(BASE, { wave: 'w1' });
    const directed = findIsolated(BASE, { wave: 'w1', mode: 'directed' });
    expect(directed.mode).toBe('directed');
    expect(directed.organizations).toEqual(undirected.organizations);
  });

  it('counts only confirmed ties in reciprocated mode, and says how many were one-sided', () => {
    const result = findIsolated(oneSided, { wave: 'w1', mode: 'reciprocated' });
    const c = result.organizations.find((o) => o.id === 'c');
    expect(c?.degree).toBe(0);
    expect(c?.reasons[0]).toEqual({
      code: 'isolate',
      text: {
        en: 'Has no cooperation tie confirmed by both sides in this wave (2 more ties were reported by one side only)',
        tr: 'Bu dönemde iki tarafın da bildirdiği hiçbir işbirliği bağı yok (2 bağı daha yalnızca bir taraf bildirdi)',
      },
    });
  });

  it('never suggests an organization with a one-sided tie, even when it does not count as a tie', () => {
    const result = findIsolated(oneSided, { wave: 'w1', mode: 'reciprocated' });
    const c = result.organizations.find((o) => o.id === 'c');
    expect(c?.suggestions.map((s) => s.id)).not.toContain('a');
    expect(c?.suggestions.map((s) => s.id)).not.toContain('inst-x');
  });
});

describe('findIsolated: edge cases and errors', () => {
  it('returns nothing for a dataset without organizations', () => {
    expect(findIsolated(makeDataset({ organizations: [] }), { wave: 'w1' })).toEqual({
      wave: 'w1',
      mode: 'undirected',
      organizations: [],
    });
  });

  it('lists a single organization as an isolate with no one to introduce it to', () => {
    const result = findIsolated(makeDataset({ organizations: [{ id: 'solo', city: 'Van' }] }), {
      wave: 'w1',
    });
    expect(result.organizations).toHaveLength(1);
    expect(codes(result.organizations[0])).toEqual(['isolate']);
    expect(result.organizations[0]?.suggestions).toEqual([]);
  });

  it('throws NotFoundError naming the known waves for an unknown wave', () => {
    expect(() => findIsolated(BASE, { wave: 'w9' })).toThrow(NotFoundError);
    expect(() => findIsolated(BASE, { wave: 'w9' })).toThrow(/w9.*w1, w2/);
  });

  it('throws NotFoundError when there is no wave to default to', () => {
    const empty = makeDataset({ organizations: [], waves: [] });
    expect(() => findIsolated(empty)).toThrow(NotFoundError);
  });

  it('rejects invalid options with every problem listed', () => {
    const call = () =>
      findIsolated(BASE, {
        wave: 'w1',
        maxSuggestions: -1,
        mode: 'sideways' as AnalysisMode,
        kinds: ['company' as 'ngo'],
      });
    expect(call).toThrow(ValidationError);
    try {
      call();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.column)).toEqual([
        'mode',
        'maxSuggestions',
        'kinds',
      ]);
    }
    expect(() => findIsolated(BASE, { wave: 'w1', maxSuggestions: 1.5 })).toThrow(ValidationError);
  });
});

// Random small datasets: the invariants hold whatever the ties, places, fields and events.
const MODES: AnalysisMode[] = ['undirected', 'directed', 'reciprocated'];
const arbitraryDataset: fc.Arbitrary<Dataset> = fc
  .integer({ min: 1, max: 9 })
  .chain((n) => {
    const id = fc.integer({ min: 0, max: n - 1 }).map((i) => `o${i}`);
    return fc.record({
      organizations: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            id: fc.constant(`o${i}`),
            name: fc.constantFrom('Ada', 'Bora', 'Cem', 'Çağ', 'Deniz'),
            kind: fc.constantFrom('ngo' as const, 'institution' as const),
            city: fc.constantFrom('Van', 'Muş', 'van '),
            focus: fc.subarray(['health', 'legal aid', 'education']),
          }),
        ),
      ),
      ties: fc.array(fc.tuple(id, id, fc.constantFrom('w1', 'w2')), { maxLength: 20 }),
      attendance: fc.array(fc.tuple(id, fc.constantFrom('e1', 'e2', 'e3')), { maxLength: 12 }),
    });
  })
  .map((spec) =>
    makeDataset({
      organizations: spec.organizations,
      ties: spec.ties.filter(([a, b]) => a !== b),
      events: [
        { id: 'e1', name: 'Consultation', date: '2019-12-11', type: 'consultation_meeting' },
        { id: 'e2', name: 'Workshop', date: '2020-02-03', type: 'workshop' },
        { id: 'e3', name: 'Visit', date: '2020-02-03' },
      ],
      attendance: spec.attendance,
    }),
  );

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('findIsolated: invariants on random datasets', () => {
  it('never suggests the organization itself or anyone it has a tie with in the wave', () => {
    fc.assert(
      fc.property(
        arbitraryDataset,
        fc.constantFrom(...MODES),
        fc.integer({ min: 0, max: 4 }),
        (dataset, mode, max) => {
          const result = findIsolated(dataset, { wave: 'w1', mode, maxSuggestions: max });
          for (const org of result.organizations) {
            const tied = new Set(
              dataset.ties
                .filter((t) => t.wave === 'w1' && (t.source === org.id || t.target === org.id))
                .flatMap((t) => [t.source, t.target]),
            );
            expect(org.reasons.length).toBeGreaterThan(0);
            expect(org.suggestions.length).toBeLessThanOrEqual(max);
            for (const suggestion of org.suggestions) {
              expect(suggestion.id).not.toBe(org.id);
              expect(tied.has(suggestion.id)).toBe(false);
              expect(suggestion.score).toBeGreaterThan(0);
              expect(suggestion.reasons.length).toBeGreaterThan(0);
            }
          }
        },
      ),
    );
  });

  it('ranks by score, then id, apart from an institution moved first for an NGO without one', () => {
    fc.assert(
      fc.property(arbitraryDataset, fc.constantFrom(...MODES), (dataset, mode) => {
        for (const org of findIsolated(dataset, { wave: 'w1', mode, maxSuggestions: 5 }).organizations) {
          const moved =
            codes(org).includes('no_institution_tie') && org.suggestions[0]?.kind === 'institution';
          const ranked = moved ? org.suggestions.slice(1) : org.suggestions;
          for (let i = 1; i < ranked.length; i += 1) {
            const [a, b] = [ranked[i - 1], ranked[i]] as [(typeof ranked)[0], (typeof ranked)[0]];
            expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
          }
        }
      }),
    );
  });

  it('lists every isolate, and flags isolates and pendants by their degree', () => {
    fc.assert(
      fc.property(arbitraryDataset, (dataset) => {
        const result = findIsolated(dataset, { wave: 'w1' });
        const listed = new Set(result.organizations.map((o) => o.id));
        const tied = new Set(
          dataset.ties.filter((t) => t.wave === 'w1').flatMap((t) => [t.source, t.target]),
        );
        for (const org of dataset.organizations) if (!tied.has(org.id)) expect(listed.has(org.id)).toBe(true);
        for (const org of result.organizations) {
          expect(codes(org).includes('isolate')).toBe(org.degree === 0);
          expect(codes(org).includes('pendant')).toBe(org.degree === 1);
        }
      }),
    );
  });

  it('gives the same result whatever the order of the input records', () => {
    fc.assert(
      fc.property(arbitraryDataset, fc.constantFrom(...MODES), fc.integer(), (dataset, mode, seed) => {
        const reordered: Dataset = {
          ...dataset,
          organizations: shuffled(dataset.organizations, seed),
          ties: shuffled(dataset.ties, seed + 1),
          events: shuffled(dataset.events, seed + 2),
          attendance: shuffled(dataset.attendance, seed + 3),
        };
        expect(findIsolated(reordered, { wave: 'w1', mode })).toEqual(
          findIsolated(dataset, { wave: 'w1', mode }),
        );
      }),
    );
  });
});
