import { describe, expect, it } from 'vitest';
import {
  findIsolated,
  type IntroductionSuggestion,
  type IsolatedOrganization,
} from '../../../../server/domain/isolation/index.js';
import type { Dataset } from '../../../../server/domain/types.js';
import { makeDataset, type OrgSpec } from './dataset.js';

function organization(dataset: Dataset, id: string, maxSuggestions = 3): IsolatedOrganization {
  const found = findIsolated(dataset, { wave: 'w1', maxSuggestions }).organizations.find((o) => o.id === id);
  if (!found) throw new Error(`${id} is not listed`);
  return found;
}
const ids = (suggestions: IntroductionSuggestion[]): string[] => suggestions.map((s) => s.id);
const reasonCodes = (suggestion: IntroductionSuggestion | undefined): string[] =>
  suggestion?.reasons.map((r) => r.code) ?? [];

describe('suggestions: shared partners (Adamic–Adar)', () => {
  // ngo-9 works with three NGOs of a group that includes an institution, but not with the institution.
  const dataset = makeDataset({
    organizations: [
      { id: 'inst-a', name: 'Gaziantep Municipality' },
      { id: 'ngo-1', name: 'Hayat Derneği' },
      { id: 'ngo-2', name: 'Umut Vakfı' },
      { id: 'ngo-3', name: 'Köprü Derneği' },
      { id: 'ngo-4', name: 'Dayanışma Ağı' },
      { id: 'ngo-9', name: 'Özgür Eğitim' },
    ],
    ties: [
      ['inst-a', 'ngo-1'],
      ['inst-a', 'ngo-2'],
      ['inst-a', 'ngo-3'],
      ['ngo-1', 'ngo-2'],
      ['ngo-1', 'ngo-3'],
      ['ngo-2', 'ngo-3'],
      ['ngo-1', 'ngo-4'],
      ['ngo-9', 'ngo-1'],
      ['ngo-9', 'ngo-2'],
      ['ngo-9', 'ngo-3'],
    ],
  });

  it('suggests the institution its partners work with, scored by the Adamic–Adar index', () => {
    const [top, ...rest] = organization(dataset, 'ngo-9').suggestions;
    expect(top?.id).toBe('inst-a');
    // Shared partners ngo-2 and ngo-3 have 4 ties each, ngo-1 has 5.
    expect(top?.score).toBeCloseTo(2 / Math.log(4) + 1 / Math.log(5), 4);
    expect(reasonCodes(top)).toEqual(['first_institution_tie', 'shared_partners']);
    expect(top?.reasons[1]?.text).toEqual({
      en: 'They have 3 partners in common: Köprü Derneği, Umut Vakfı and Hayat Derneği',
      tr: 'İkisinin de işbirliği yaptığı 3 kuruluş var: Köprü Derneği, Umut Vakfı ve Hayat Derneği',
    });
    expect(top?.text).toEqual({
      en:
        'Introduce Özgür Eğitim to Gaziantep Municipality because it would be Özgür Eğitim’s first tie to a ' +
        'public institution; they have 3 partners in common: Köprü Derneği, Umut Vakfı and Hayat Derneği.',
      tr:
        'Özgür Eğitim ile Gaziantep Municipality tanıştırılabilir, çünkü bu, Özgür Eğitim için bir kamu kurumu ' +
        'ile ilk işbirliği bağı olur; ikisinin de işbirliği yaptığı 3 kuruluş var: Köprü Derneği, Umut Vakfı ve ' +
        'Hayat Derneği.',
    });
    // ngo-4 shares only ngo-1 (5 ties).
    expect(rest.map((s) => [s.id, s.score])).toEqual([['ngo-4', Math.round((1 / Math.log(5)) * 1e4) / 1e4]]);
  });

  it('never suggests existing partners or the organization itself', () => {
    for (const org of findIsolated(dataset, { wave: 'w1', maxSuggestions: 10 }).organizations) {
      const partners = dataset.ties
        .filter((t) => t.source === org.id || t.target === org.id)
        .flatMap((t) => [t.source, t.target]);
      expect(ids(org.suggestions)).not.toContain(org.id);
      for (const partner of partners) expect(ids(org.suggestions)).not.toContain(partner);
    }
  });

  it('honours maxSuggestions, 0 included', () => {
    expect(organization(dataset, 'ngo-9', 1).suggestions).toHaveLength(1);
    expect(organization(dataset, 'ngo-9', 0).suggestions).toEqual([]);
  });
});

describe('suggestions: an NGO without institution ties', () => {
  const people: OrgSpec[] = [
    { id: 'ngo-f', name: 'Focal', city: 'Van', focus: ['legal aid'] },
    { id: 'ngo-p1', name: 'Partner One' },
    { id: 'ngo-p2', name: 'Partner Two' },
    { id: 'ngo-rival', name: 'Rival', city: 'Van', focus: ['legal aid'] },
    { id: 'inst-van', name: 'Van Governorate', city: 'VAN' },
    { id: 'inst-far', name: 'Kars Municipality', city: 'Kars' },
  ];

  it('puts a plausible institution first even when an NGO scores higher', () => {
    const dataset = makeDataset({
      organizations: people,
      ties: [
        ['ngo-f', 'ngo-p1'],
        ['ngo-f', 'ngo-p2'],
        ['ngo-rival', 'ngo-p1'],
        ['ngo-rival', 'ngo-p2'],
      ],
    });
    const [first, second, ...rest] = organization(dataset, 'ngo-f').suggestions;
    expect(first?.id).toBe('inst-van');
    expect(first?.score).toBe(1);
    expect(reasonCodes(first)).toEqual(['first_institution_tie', 'same_city']);
    expect(first?.reasons[0]?.text.en).toBe('It would be Focal’s first tie to a public institution');
    expect(second?.id).toBe('ngo-rival');
    expect(second?.score).toBeCloseTo(2 / Math.log(2) + 2, 4);
    expect(reasonCodes(second)).toEqual(['shared_partners', 'same_city', 'shared_focus']);
    // Kars Municipality has nothing in common with Focal: never suggested without a reason.
    expect(ids(rest)).not.toContain('inst-far');
  });

  it('falls back to ranking by score when no institution is plausible', () => {
    const dataset = makeDataset({
      organizations: people.filter((p) => p.id !== 'inst-van'),
      ties: [
        ['ngo-f', 'ngo-p1'],
        ['ngo-rival', 'ngo-p1'],
      ],
    });
    expect(ids(organization(dataset, 'ngo-f').suggestions)).toEqual(['ngo-rival']);
  });

  it('ranks by score alone for an NGO that already works with an institution', () => {
    const dataset = makeDataset({
      organizations: people,
      ties: [
        ['ngo-f', 'inst-far'],
        ['ngo-rival', 'inst-far'],
      ],
    });
    const suggestions = organization(dataset, 'ngo-f').suggestions;
    expect(ids(suggestions)).toEqual(['ngo-rival', 'inst-van']);
    expect(suggestions.flatMap(reasonCodes)).not.toContain('first_institution_tie');
  });

  it('prefers the same-city institution that already works with many NGOs of its field', () => {
    const legalAid = Array.from({ length: 6 }, (_, i): OrgSpec => ({
      id: `ngo-la${i}`,
      focus: i === 0 ? ['Legal aid', 'health'] : ['legal_aid'],
    }));
    const dataset = makeDataset({
      organizations: [
        { id: 'ngo-new', name: 'Newcomer', city: 'Ankara', focus: ['Legal aid'] },
        { id: 'inst-bar', name: 'Ankara Bar Association', city: 'ankara' },
        { id: 'inst-one', name: 'Ankara Governorate', city: 'Ankara' },
        { id: 'ngo-hl', name: 'Health Only', focus: ['health'] },
        ...legalAid,
      ],
      ties: [
        ...legalAid.map((ngo): [string, string] => ['inst-bar', ngo.id]),
        ['inst-bar', 'ngo-hl'],
        ['inst-one', 'ngo-la0'],
      ],
    });
    const [top, second] = organization(dataset, 'ngo-new').suggestions;
    expect(top?.id).toBe('inst-bar');
    expect(top?.score).toBeCloseTo(Math.log(7) + 1, 4);
    expect(top?.reasons.find((r) => r.code === 'institution_reach')?.text).toEqual({
      en: 'Ankara Bar Association already works with 6 NGOs focused on legal aid',
      tr: 'Ankara Bar Association halihazırda hukuki yardım alanında çalışan 6 STK ile işbirliği yapıyor',
    });
    expect(second?.id).toBe('inst-one');
    expect(second?.score).toBeCloseTo(Math.log(2) + 1, 4);
  });

  it('tells an institution which NGOs of its partners’ field it could reach', () => {
    const dataset = makeDataset({
      organizations: [
        { id: 'inst-x', name: 'Directorate', city: 'Hatay' },
        { id: 'ngo-a', focus: ['education'] },
        { id: 'ngo-lone', name: 'Lone School', city: 'Mersin', focus: ['education'] },
      ],
      ties: [['inst-x', 'ngo-a']],
    });
    // The institution is a pendant; Lone School shares no place, only the field of the institution's partner.
    const suggestion = organization(dataset, 'inst-x').suggestions.find((s) => s.id === 'ngo-lone');
    expect(suggestion?.score).toBeCloseTo(Math.log(2), 4);
    expect(suggestion?.reasons[0]?.text.en).toBe('Directorate already works with 1 NGO focused on education');
  });
});

describe('suggestions: isolates, by place, field and events attended together', () => {
  const events = [
    { id: 'e1', name: 'Legal aid consultation', date: '2019-12-11', type: 'consultation_meeting' },
    { id: 'e2', name: 'Data workshop', date: '2020-02-03', type: 'workshop' },
    { id: 'e3', name: 'Spring coordination', date: '2020-03-01', type: 'Cooperation Meeting' },
  ];
  const dataset = makeDataset({
    organizations: [
      { id: 'a', name: 'Alpha', city: 'Şanlıurfa', focus: ['Child protection', 'health'] },
      { id: 'b', name: 'Beta' },
      { id: 'c', name: 'Gamma' },
      { id: 'd', name: 'Delta' },
      { id: 'e', name: 'Epsilon', city: 'ŞANLIURFA' },
      { id: 'f', name: 'Phi', focus: ['child_protection', 'HEALTH'] },
      { id: 'g', name: 'Nobody' },
    ],
    events,
    attendance: [
      ['a', 'e1'],
      ['a', 'e2'],
      ['a', 'e3'],
      ['b', 'e1'],
      ['c', 'e2'],
      ['d', 'e1'],
      ['d', 'e2'],
      ['d', 'e3'],
    ],
  });
  const suggestions = organization(dataset, 'a', 10).suggestions;
  const get = (id: string) => suggestions.find((s) => s.id === id);

  it('scores every kind of evidence as documented', () => {
    expect(suggestions.map((s) => [s.id, s.score])).toEqual([
      ['d', 2], // 1 + 0.5 + 1, capped at 2
      ['b', 1], // consultation meeting
      ['e', 1], // same city, however it is spelled
      ['f', 1], // shared focus, however it is spelled
      ['c', 0.5], // workshop
    ]);
    expect(ids(suggestions)).not.toContain('g');
  });

  it('dates a single shared event in each language', () => {
    expect(get('b')?.reasons[0]?.text).toEqual({
      en: 'Both attended the consultation meeting “Legal aid consultation” on 11 Dec 2019',
      tr: 'İkisi de 11 Ara 2019 tarihli danışma toplantısına katıldı: “Legal aid consultation”',
    });
    expect(get('c')?.reasons[0]?.text.tr).toBe(
      'İkisi de 3 Şub 2020 tarihli çalıştaya katıldı: “Data workshop”',
    );
  });

  it('lists several shared events, meetings and the most recent first', () => {
    expect(get('d')?.reasons[0]?.text).toEqual({
      en:
        'Both attended 3 events: the cooperation meeting “Spring coordination” on 1 Mar 2020, ' +
        'the consultation meeting “Legal aid consultation” on 11 Dec 2019 and 1 more',
      tr:
        'İkisi de 3 etkinliğe katıldı: 1 Mar 2020 tarihli “Spring coordination” (işbirliği toplantısı), ' +
        '11 Ara 2019 tarihli “Legal aid consultation” (danışma toplantısı) ve 1 etkinlik daha',
    });
  });

  it('names the city and the shared fields as the focal organization writes them', () => {
    expect(get('e')?.reasons[0]?.text).toEqual({
      en: 'Both are in Şanlıurfa',
      tr: 'İkisi de aynı şehirde: Şanlıurfa',
    });
    expect(get('f')?.reasons[0]?.text).toEqual({
      en: 'Both work on Child protection and health',
      tr: 'İkisi de aynı alanlarda çalışıyor: Child protection ve health',
    });
  });

  it('is deterministic: equal scores are ordered by id, and a rerun gives the same result', () => {
    expect(findIsolated(dataset, { wave: 'w1', maxSuggestions: 10 })).toEqual(
      findIsolated(dataset, { wave: 'w1', maxSuggestions: 10 }),
    );
    expect(ids(suggestions.filter((s) => s.score === 1))).toEqual(['b', 'e', 'f']);
  });
});
