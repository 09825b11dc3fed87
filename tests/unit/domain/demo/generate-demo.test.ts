/**
 * The demo generator: deterministic, and calibrated as data/demo/README.md says (project size and
 * calendar, tie counts per wave, change between waves, meeting effect, survey reporting model).
 * Counts are recomputed here from the records, independently of `summarizeDemo`.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO_DATASET_NAME,
  generateDemo,
  summarizeDemo,
} from '../../../../server/domain/demo/generate-demo.js';
import { serializeCsvBundle } from '../../../../server/domain/io/csv-bundle-writer.js';
import type { Dataset } from '../../../../server/domain/types.js';

const demo = generateDemo(2019);

const INSTITUTION_TYPES = [
  'district_governorship',
  'metropolitan_municipality',
  'district_municipality',
  'provincial_migration_management',
  'social_service_centre',
  'employment_agency',
  'other',
];
const NGO_TYPES = ['association', 'foundation', 'cooperative', 'platform'];
const FOCUS = [
  'legal_aid',
  'women',
  'children',
  'health_psychosocial',
  'education',
  'livelihoods',
  'relief',
  'rights_advocacy',
];

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Undirected ties of a wave (a pair is tied if either side reported it). */
function undirected(dataset: Dataset, wave: string): Set<string> {
  return new Set(dataset.ties.filter((t) => t.wave === wave).map((t) => pairKey(t.source, t.target)));
}

function isolates(dataset: Dataset, wave: string): string[] {
  const touched = new Set(dataset.ties.filter((t) => t.wave === wave).flatMap((t) => [t.source, t.target]));
  return dataset.organizations.filter((o) => !touched.has(o.id)).map((o) => o.id);
}

function kindsOf(dataset: Dataset): Map<string, string> {
  return new Map(dataset.organizations.map((o) => [o.id, o.kind]));
}

function mixedCount(dataset: Dataset, pairs: Iterable<string>): number {
  const kinds = kindsOf(dataset);
  let count = 0;
  for (const pair of pairs) {
    const [a = '', b = ''] = pair.split('|');
    if (kinds.get(a) !== kinds.get(b)) count++;
  }
  return count;
}

function endOf(event: { date: string; endDate?: string }): string {
  return event.endDate ?? event.date;
}

describe('generateDemo determinism', () => {
  it('gives byte-identical files for the same seed', () => {
    expect(serializeCsvBundle(generateDemo(2019))).toEqual(serializeCsvBundle(demo));
    expect(serializeCsvBundle(generateDemo(7))).toEqual(serializeCsvBundle(generateDemo(7)));
  });

  it('gives different ties for a different seed', () => {
    const other = serializeCsvBundle(generateDemo(2020));
    const mine = serializeCsvBundle(demo);
    expect(other['ties.csv']).not.toEqual(mine['ties.csv']);
    expect(other['organizations.csv']).not.toEqual(mine['organizations.csv']);
  });

  it('defaults to seed 2019', () => {
    expect(serializeCsvBundle(generateDemo())).toEqual(serializeCsvBundle(demo));
  });

  it('rejects seeds that are not 32-bit unsigned integers', () => {
    expect(() => generateDemo(-1)).toThrow(RangeError);
    expect(() => generateDemo(1.5)).toThrow(RangeError);
    expect(() => generateDemo(2 ** 32)).toThrow(RangeError);
  });
});

describe('organizations', () => {
  const ngos = demo.organizations.filter((o) => o.kind === 'ngo');
  const institutions = demo.organizations.filter((o) => o.kind === 'institution');

  it('has 114 NGOs ngo-001…ngo-114 and 58 institutions inst-001…inst-058', () => {
    expect(ngos.map((o) => o.id)).toEqual(
      Array.from({ length: 114 }, (_, i) => `ngo-${String(i + 1).padStart(3, '0')}`),
    );
    expect(institutions.map((o) => o.id)).toEqual(
      Array.from({ length: 58 }, (_, i) => `inst-${String(i + 1).padStart(3, '0')}`),
    );
    expect(demo.organizations).toHaveLength(172);
  });

  it('splits them about 60/40 between Istanbul and Gaziantep', () => {
    const count = (list: typeof ngos, city: string) => list.filter((o) => o.city === city).length;
    expect(count(ngos, 'Istanbul')).toBe(68);
    expect(count(ngos, 'Gaziantep')).toBe(46);
    expect(count(institutions, 'Istanbul')).toBe(35);
    expect(count(institutions, 'Gaziantep')).toBe(23);
  });

  it('gives institutions plausible types', () => {
    const byType = new Map<string, number>();
    for (const o of institutions) byType.set(o.type ?? '', (byType.get(o.type ?? '') ?? 0) + 1);
    expect([...byType.keys()].every((t) => INSTITUTION_TYPES.includes(t))).toBe(true);
    expect(byType.get('metropolitan_municipality')).toBe(2);
    expect(byType.get('provincial_migration_management')).toBe(2);
    expect(byType.get('employment_agency')).toBe(2);
    expect(byType.get('district_governorship')).toBe(byType.get('district_municipality'));
    expect(byType.get('social_service_centre')).toBeGreaterThanOrEqual(4);
  });

  it('gives NGOs a type, 1–3 focus areas, a founding year, and ~15% refugee-led', () => {
    for (const o of ngos) {
      expect(NGO_TYPES).toContain(o.type);
      expect(o.focus.length).toBeGreaterThanOrEqual(1);
      expect(o.focus.length).toBeLessThanOrEqual(3);
      expect(new Set(o.focus).size).toBe(o.focus.length);
      for (const f of o.focus) expect(FOCUS).toContain(f);
      expect(Number(o.founded)).toBeGreaterThanOrEqual(1970);
      expect(Number(o.founded)).toBeLessThanOrEqual(2019);
      expect(o.district).toBeTruthy();
    }
    const refugeeLed = ngos.filter((o) => o.refugeeLed === true).length;
    expect(refugeeLed / ngos.length).toBeGreaterThan(0.1);
    expect(refugeeLed / ngos.length).toBeLessThan(0.2);
    for (const o of institutions) expect(o.focus).toEqual([]);
  });

  it('uses unique pseudonymous names that all end with "(demo)"', () => {
    const names = demo.organizations.map((o) => o.name);
    for (const name of names) expect(name.endsWith(' (demo)')).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((n) => n.includes('İstanbul'))).toBe(true);
    expect(names.some((n) => n.includes('Işık'))).toBe(true);
    for (const letter of ['İ', 'ı', 'ş', 'ğ', 'ç', 'ö', 'ü']) {
      expect(names.some((n) => n.includes(letter))).toBe(true);
    }
  });
});

describe('waves, events and attendance', () => {
  it('has the two waves', () => {
    expect(demo.waves.map(({ id, label, date }) => ({ id, label, date }))).toEqual([
      { id: 'pre', label: 'Before the consultation meetings', date: '2019-12-02' },
      { id: 'post', label: 'After the cooperation meeting', date: '2020-02-17' },
    ]);
  });

  it("uses the project's real event dates", () => {
    const ofType = (type: string) => demo.events.filter((e) => e.type === type);
    const ngoWorkshops = ofType('workshop').filter((e) => e.id.startsWith('ev-ngo-'));
    const instWorkshops = ofType('workshop').filter((e) => e.id.startsWith('ev-inst-'));
    // NGO needs workshops 21–27 Aug 2019; institution needs workshops 22–27 Aug 2019.
    expect(ngoWorkshops.map((e) => e.date).sort()[0]).toBe('2019-08-21');
    expect(ngoWorkshops.map(endOf).sort().at(-1)).toBe('2019-08-27');
    expect(instWorkshops.map((e) => e.date).sort()[0]).toBe('2019-08-22');
    expect(instWorkshops.map(endOf).sort().at(-1)).toBe('2019-08-27');
    for (const e of [...ngoWorkshops, ...instWorkshops]) {
      expect(e.date >= '2019-08-21' && endOf(e) <= '2019-08-27').toBe(true);
    }
    // Institution trainings from 30 Sep and 3 Oct 2019, two days each.
    const instTrainings = ofType('training').filter((e) => e.id.startsWith('ev-inst-'));
    expect(instTrainings.map((e) => [e.date, e.endDate]).sort()).toEqual([
      ['2019-09-30', '2019-10-01'],
      ['2019-10-03', '2019-10-04'],
    ]);
    expect(ofType('training').some((e) => e.id.startsWith('ev-ngo-'))).toBe(true);
    expect(
      ofType('network_meeting')
        .map((e) => e.date)
        .sort(),
    ).toEqual(['2019-12-10', '2019-12-24']);
    const consultations = ofType('consultation_meeting');
    expect(consultations.map((e) => e.date).sort()).toEqual(['2019-12-11', '2019-12-23']);
    expect(new Set(consultations.map((e) => e.city))).toEqual(new Set(['Istanbul', 'Gaziantep']));
    expect(ofType('cooperation_meeting').map((e) => [e.date, e.endDate])).toEqual([
      ['2020-01-22', '2020-01-23'],
    ]);
    expect(ofType('visit')).toHaveLength(1);
  });

  it('records attendance for every event, by the right kinds and cities', () => {
    const kinds = kindsOf(demo);
    const cityOf = new Map(demo.organizations.map((o) => [o.id, o.city]));
    for (const event of demo.events) {
      const present = demo.attendance.filter((a) => a.event === event.id).map((a) => a.organization);
      expect(present.length, event.id).toBeGreaterThan(0);
      const presentKinds = new Set(present.map((id) => kinds.get(id)));
      if (event.id.startsWith('ev-ngo-')) expect(presentKinds).toEqual(new Set(['ngo']));
      if (event.id.startsWith('ev-inst-')) expect(presentKinds).toEqual(new Set(['institution']));
      if (event.type === 'consultation_meeting' || event.type === 'cooperation_meeting') {
        expect(presentKinds).toEqual(new Set(['ngo', 'institution']));
      }
      if (event.type === 'consultation_meeting') {
        for (const id of present) expect(cityOf.get(id)).toBe(event.city);
        // A subset of the city's organizations, not all of them.
        const ofCity = demo.organizations.filter((o) => o.city === event.city).length;
        expect(present.length).toBeLessThan(ofCity);
      }
    }
    const attended = new Set(demo.attendance.map((a) => a.organization));
    expect(attended.size).toBe(172);
  });
});

describe('ties', () => {
  const ids = new Set(demo.organizations.map((o) => o.id));
  const pre = undirected(demo, 'pre');
  const post = undirected(demo, 'post');

  it('are well-formed reported rows', () => {
    const seen = new Set<string>();
    for (const t of demo.ties) {
      expect(t.source).not.toBe(t.target);
      expect(ids.has(t.source) && ids.has(t.target)).toBe(true);
      expect(['pre', 'post']).toContain(t.wave);
      expect(Number.isInteger(t.level) && t.level >= 1 && t.level <= 4).toBe(true);
      const key = `${t.source}>${t.target}@${t.wave}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('have about 400–420 undirected ties in pre and about 25% more in post', () => {
    expect(pre.size).toBeGreaterThanOrEqual(400);
    expect(pre.size).toBeLessThanOrEqual(420);
    expect(post.size / pre.size).toBeGreaterThanOrEqual(1.2);
    expect(post.size / pre.size).toBeLessThanOrEqual(1.3);
    const density = (2 * pre.size) / (172 * 171);
    expect(density).toBeCloseTo(0.028, 2);
  });

  it('drop 10–15% of the pre ties', () => {
    const removed = [...pre].filter((p) => !post.has(p)).length;
    expect(removed / pre.size).toBeGreaterThanOrEqual(0.1);
    expect(removed / pre.size).toBeLessThanOrEqual(0.15);
  });

  it('have NGO–institution ties as a minority that grows after the meetings', () => {
    const before = mixedCount(demo, pre);
    const after = mixedCount(demo, post);
    expect(before / pre.size).toBeLessThan(0.25);
    expect(after).toBeGreaterThan(before);
  });

  it('leave 5–8 NGOs isolated in pre, 2–4 of them still in post', () => {
    const isolatedPre = isolates(demo, 'pre');
    const isolatedPost = isolates(demo, 'post');
    expect(isolatedPre.length).toBeGreaterThanOrEqual(5);
    expect(isolatedPre.length).toBeLessThanOrEqual(8);
    expect(isolatedPre.every((id) => id.startsWith('ngo-'))).toBe(true);
    expect(isolatedPost.length).toBeGreaterThanOrEqual(2);
    expect(isolatedPost.length).toBeLessThanOrEqual(4);
    expect(isolatedPost.every((id) => isolatedPre.includes(id))).toBe(true);
  });

  it('are mostly levels 1–2 in pre', () => {
    const best = new Map<string, number>();
    for (const t of demo.ties.filter((x) => x.wave === 'pre')) {
      const key = pairKey(t.source, t.target);
      best.set(key, Math.max(best.get(key) ?? 0, t.level));
    }
    const low = [...best.values()].filter((level) => level <= 2).length;
    expect(low / best.size).toBeGreaterThan(0.6);
  });

  it('form more often between co-attendees of the consultation/cooperation meetings', () => {
    const meetings = new Set(
      demo.events
        .filter((e) => e.type === 'consultation_meeting' || e.type === 'cooperation_meeting')
        .map((e) => e.id),
    );
    const byEvent = new Map<string, string[]>();
    for (const a of demo.attendance) {
      if (meetings.has(a.event)) byEvent.set(a.event, [...(byEvent.get(a.event) ?? []), a.organization]);
    }
    const coAttendees = new Set<string>();
    for (const present of byEvent.values()) {
      for (const a of present) for (const b of present) if (a < b) coAttendees.add(pairKey(a, b));
    }
    const all = [...ids];
    const counts = { co: 0, coNew: 0, other: 0, otherNew: 0 };
    for (const a of all) {
      for (const b of all) {
        if (a >= b) continue;
        const key = pairKey(a, b);
        if (pre.has(key)) continue;
        const isNew = post.has(key) ? 1 : 0;
        if (coAttendees.has(key)) {
          counts.co++;
          counts.coNew += isNew;
        } else {
          counts.other++;
          counts.otherNew += isNew;
        }
      }
    }
    const coRate = counts.coNew / counts.co;
    const otherRate = counts.otherNew / counts.other;
    expect(coRate).toBeGreaterThan(otherRate);
    expect(coRate / otherRate).toBeGreaterThan(3);
    const summary = summarizeDemo(demo).meetingEffect;
    expect([summary.coAttendeePairs, summary.coAttendeeNewTies]).toEqual([counts.co, counts.coNew]);
    expect([summary.otherPairs, summary.otherNewTies]).toEqual([counts.other, counts.otherNew]);
  });
});

describe('survey reporting', () => {
  const answered = new Set(
    demo.responses.filter((r) => r.status === 'responded').map((r) => `${r.wave}|${r.organization}`),
  );

  it('has one response status per organization and wave, about 70% responded', () => {
    expect(demo.responses).toHaveLength(172 * 2);
    expect(new Set(demo.responses.map((r) => `${r.wave}|${r.organization}`)).size).toBe(344);
    for (const wave of ['pre', 'post']) {
      const share = demo.responses.filter((r) => r.wave === wave && r.status === 'responded').length / 172;
      expect(share).toBeGreaterThan(0.65);
      expect(share).toBeLessThan(0.75);
    }
  });

  it('only has ties reported by respondents of that wave', () => {
    for (const t of demo.ties) expect(answered.has(`${t.wave}|${t.source}`)).toBe(true);
  });

  it('has ties between two respondents reported by both about 60% of the time, levels within one', () => {
    for (const wave of ['pre', 'post']) {
      const rows = new Map(
        demo.ties.filter((t) => t.wave === wave).map((t) => [`${t.source}>${t.target}`, t.level]),
      );
      let between = 0;
      let both = 0;
      for (const pair of undirected(demo, wave)) {
        const [a = '', b = ''] = pair.split('|');
        if (!answered.has(`${wave}|${a}`) || !answered.has(`${wave}|${b}`)) continue;
        between++;
        const forward = rows.get(`${a}>${b}`);
        const backward = rows.get(`${b}>${a}`);
        if (forward === undefined || backward === undefined) continue;
        both++;
        expect(Math.abs(forward - backward)).toBeLessThanOrEqual(1);
      }
      expect(both / between).toBeGreaterThan(0.5);
      expect(both / between).toBeLessThan(0.7);
    }
  });
});

describe('dataset info', () => {
  it('says it is synthetic', () => {
    expect(demo.info.name).toBe(DEMO_DATASET_NAME);
    expect(demo.info.synthetic).toBe(true);
    expect(demo.info.description).toMatch(/synthetic/i);
  });
});

describe('other seeds', () => {
  it.each([1, 42, 123456])('seed %i stays within the calibrated ranges', (seed) => {
    const dataset = generateDemo(seed);
    const summary = summarizeDemo(dataset);
    const [pre, post] = summary.waves;
    expect(summary.ngos).toBe(114);
    expect(summary.institutions).toBe(58);
    expect(pre?.undirectedTies).toBeGreaterThanOrEqual(400);
    expect(pre?.undirectedTies).toBeLessThanOrEqual(420);
    expect((post?.undirectedTies ?? 0) / (pre?.undirectedTies ?? 1)).toBeGreaterThanOrEqual(1.2);
    expect((post?.undirectedTies ?? 0) / (pre?.undirectedTies ?? 1)).toBeLessThanOrEqual(1.3);
    expect(post?.ngoInstitutionTies).toBeGreaterThan(pre?.ngoInstitutionTies ?? 0);
    const e = summary.meetingEffect;
    expect(e.coAttendeeNewTies / e.coAttendeePairs).toBeGreaterThan((3 * e.otherNewTies) / e.otherPairs);
  });
});

describe('the public_name opt-in', () => {
  it('is true or false for every organization, true for a plausible minority', () => {
    const values = demo.organizations.map((o) => o.extra.public_name);
    expect(new Set(values)).toEqual(new Set(['true', 'false']));
    const optedIn = demo.organizations.filter((o) => o.extra.public_name === 'true');
    expect(optedIn).toHaveLength(44); // seed 2019, as data/demo/README.md says
    expect(optedIn.filter((o) => o.kind === 'institution')).toHaveLength(27);
    // Refugee-led NGOs rarely opt in (being listed can expose their people).
    expect(optedIn.filter((o) => o.refugeeLed === true).length).toBeLessThanOrEqual(3);
  });
});
