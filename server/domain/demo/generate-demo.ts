/**
 * Generates the Köprü demo dataset: a SYNTHETIC cooperation network of 114 NGOs and 58 public
 * institutions in Istanbul and Gaziantep, surveyed before (`pre`) and after (`post`) the NGO–institution
 * consultation and cooperation meetings of a 2019–2020 EU-funded project. Only the network's size and
 * the project calendar are real; every organization, attribute, attendance and tie is invented.
 *
 * The model, in order (data/demo/README.md gives the numbers):
 * 1. Organizations with homophily-relevant attributes (city, district, focus, refugee-led) and a latent
 *    "engagement" that makes the same organizations attend more, answer more and cooperate more.
 * 2. Attendance of the project's events; engagement and earlier attendance drive later attendance.
 * 3. A true `pre` network drawn by weighted sampling without replacement (exponential races,
 *    Efraimidis & Spirakis 2006) over pair weights encoding homophily by city, focus and district
 *    (McPherson, Smith-Lovin & Cook 2001), with NGO–institution ties a minority.
 * 4. A true `post` network: some ties dropped (weak ones first), persisting ties strengthened, new ties
 *    several times likelier between co-attendees of the consultation/cooperation meetings.
 * 5. A roster survey per wave: only respondents report; a tie between two respondents is reported by
 *    both with probability 0.6; ties between two non-respondents are invisible (Kossinets 2006).
 *    Tie counts are calibrated on what the survey shows (the undirected union of reports), because that
 *    is what every analysis sees.
 *
 * Deterministic: the only source of randomness is pure-rand's xoroshiro128+ seeded with `seed`, split
 * into one independent stream (jump) per step so that changing one step leaves the others unchanged.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import type {
  Attendance,
  Dataset,
  Organization,
  OrganizationKind,
  ProjectEvent,
  SurveyResponse,
  Tie,
  Wave,
} from '../types.js';
import {
  CITIES,
  CITY_IN_NAMES,
  FOCUS_THEMES,
  NGO_DISTRICT_WEIGHTS,
  NGO_FOCUS_AREAS,
  NGO_FORMS,
  REFUGEE_LED_QUALIFIERS,
  TURKISH_NGO_NAMES,
  DEMO_SUFFIX,
  composeNgoName,
  institutionRoster,
  type City,
  type FocusArea,
  type InstitutionType,
  type NgoType,
} from './names.js';

export const DEMO_DEFAULT_SEED = 2019;

export const DEMO_DATASET_NAME =
  'Köprü demo — synthetic NGO–institution cooperation network (Istanbul & Gaziantep, 2019–2020)';

/**
 * Every calibration target of the generator, in one place so the README, the tests and the code agree.
 * Ranges are drawn per seed; fixed numbers hold for every seed.
 */
export const DEMO_CALIBRATION = {
  ngos: { Istanbul: 68, Gaziantep: 46 },
  /** Institutions per city follow from the roster in names.ts: Istanbul 35, Gaziantep 23. */
  institutions: 58,
  refugeeLedNgos: 17,
  /** Share of NGOs of each type (association, foundation, cooperative, platform). */
  ngoTypeWeights: { association: 66, foundation: 14, cooperative: 10, platform: 10 },
  /** Relative chances of an NGO having 1, 2 or 3 focus areas. */
  focusCountWeights: [35, 40, 25],
  respondents: { ngo: 86, institution: 34 },
  /** Respondents of `pre` who do not answer `post`, replaced by as many `pre` non-respondents. */
  respondentTurnover: { ngo: 13, institution: 5 },
  /** Probability that a tie between two respondents is reported by both. */
  bothReportProbability: 0.6,
  /** Probability that the second reporter gives one level less than the first. */
  partnerLowerLevelProbability: 0.3,
  /** Undirected ties visible in `pre` (union of reports), drawn uniformly in this range. */
  preTies: [402, 418] as const,
  /** `post` visible ties as a multiple of `pre` visible ties. */
  postGrowth: [1.22, 1.28] as const,
  /** Share of visible `pre` ties that are not visible in `post`. */
  removedShare: [0.11, 0.14] as const,
  /** NGOs with no tie in `pre`; the first `stayIsolated` of them also have none in `post`. */
  preIsolatedNgos: 6,
  stayIsolatedNgos: 3,
  /** New-tie weight multiplier for pairs that co-attended a consultation or the cooperation meeting. */
  meetingTieBoost: 4,
  /** New-tie weight multiplier for pairs that co-attended only a network meeting or the visit. */
  otherMeetingTieBoost: 2.5,
} as const;

// ---------------------------------------------------------------------------------------------------
// Random streams

/** pure-rand generator with the few draws the model needs; mutates its generator in place. */
class Rng {
  private constructor(private readonly gen: JumpableRandomGenerator) {}

  static fromSeed(seed: number): Rng {
    const gen = xoroshiro128plus(seed);
    // xoroshiro's first outputs from a small integer seed are correlated with the seed; burn them.
    for (let i = 0; i < 64; i++) gen.next();
    return new Rng(gen);
  }

  /** An independent stream 2^64 steps ahead; the parent jumps too so the next fork differs. */
  fork(): Rng {
    this.gen.jump();
    return new Rng(this.gen.clone());
  }

  float(): number {
    return uniformFloat64(this.gen);
  }

  int(from: number, to: number): number {
    return uniformInt(this.gen, from, to);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  uniform(from: number, to: number): number {
    return from + (to - from) * this.float();
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u1 = 1 - this.float();
    const u2 = this.float();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const sample = this.weightedSample(items, weight, 1)[0];
    if (sample === undefined) throw new RangeError('weighted pick with no positive weight');
    return sample;
  }

  /** Exponential race key: sorting ascending by it samples without replacement proportionally to w. */
  raceKey(weight: number): number {
    return -Math.log(1 - this.float()) / weight;
  }

  /** `k` items without replacement, proportionally to `weight` (zero-weight items are never drawn). */
  weightedSample<T>(items: readonly T[], weight: (item: T) => number, k: number): T[] {
    const keyed: Array<{ item: T; key: number }> = [];
    for (const item of items) {
      const w = weight(item);
      const key = this.raceKey(w);
      if (w > 0) keyed.push({ item, key });
    }
    keyed.sort((a, b) => a.key - b.key);
    return keyed.slice(0, k).map((entry) => entry.item);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** Index drawn from relative weights. */
  category(weights: readonly number[]): number {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let u = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] ?? 0;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }
}

// ---------------------------------------------------------------------------------------------------
// Organizations

interface Node {
  index: number;
  id: string;
  kind: OrganizationKind;
  city: City;
  district: string | undefined;
  focus: ReadonlySet<FocusArea>;
  refugeeLed: boolean;
  institutionType: InstitutionType | undefined;
  /** Latent activity: scales attendance, response and tie propensity. Mean about 1. */
  engagement: number;
  org: Organization;
}

const INSTITUTION_ENGAGEMENT: Record<InstitutionType, number> = {
  metropolitan_municipality: 2.2,
  provincial_migration_management: 2.5,
  employment_agency: 1.3,
  district_governorship: 1.2,
  district_municipality: 1.1,
  social_service_centre: 1.0,
  other: 0.7,
};

const FOCUS_WEIGHTS: Record<FocusArea, number> = {
  women: 18,
  children: 14,
  legal_aid: 10,
  health_psychosocial: 12,
  education: 12,
  livelihoods: 10,
  relief: 14,
  rights_advocacy: 10,
};

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

function foundedYear(rng: Rng, type: NgoType, refugeeLed: boolean): number {
  // Most refugee-serving NGOs date from the Syrian displacement (2012 onwards); older ones re-focused.
  if (refugeeLed) return rng.int(2013, 2018);
  switch (type) {
    case 'foundation':
      return rng.chance(0.5) ? rng.int(1975, 2005) : rng.int(2006, 2016);
    case 'cooperative':
      return rng.int(2014, 2019);
    case 'platform':
      return rng.int(2015, 2019);
    case 'association':
      return rng.chance(0.6) ? rng.int(2012, 2019) : rng.int(1988, 2011);
  }
}

function ngoLanguages(rng: Rng, refugeeLed: boolean): string {
  if (refugeeLed) return rng.chance(0.7) ? 'ar;tr' : 'ar;tr;en';
  return ['tr', 'tr;ar', 'tr;en', 'tr;ar;en'][rng.category([55, 28, 10, 7])] ?? 'tr';
}

function buildOrganizations(rng: Rng): Node[] {
  const nodes: Node[] = [];
  const usedNames = new Set<string>();
  const cal = DEMO_CALIBRATION;
  const ngoCities: City[] = CITIES.flatMap((city) => Array.from({ length: cal.ngos[city] }, () => city));
  const ngoIndexes = ngoCities.map((_, i) => i);
  const refugeeLed = new Set(rng.weightedSample(ngoIndexes, () => 1, cal.refugeeLedNgos));
  const turkishNamed = new Map(
    rng
      .weightedSample(
        ngoIndexes.filter((i) => !refugeeLed.has(i)),
        () => 1,
        TURKISH_NGO_NAMES.length,
      )
      .map((ngoIndex, k) => [ngoIndex, TURKISH_NGO_NAMES[k]] as const),
  );
  const ngoTypes = Object.keys(cal.ngoTypeWeights) as NgoType[];

  ngoCities.forEach((city, i) => {
    const named = turkishNamed.get(i);
    const isRefugeeLed = refugeeLed.has(i);
    const type =
      named?.type ?? ngoTypes[rng.category(ngoTypes.map((t) => cal.ngoTypeWeights[t]))] ?? 'association';
    const districts = NGO_DISTRICT_WEIGHTS[city];
    const district = districts[rng.category(districts.map(([, w]) => w))]?.[0] ?? districts[0]?.[0] ?? '';
    // Cooperatives are livelihood cooperatives and platforms advocacy networks: the main focus follows.
    const mainFocus: FocusArea =
      named?.focus ??
      (type === 'cooperative'
        ? 'livelihoods'
        : type === 'platform' && rng.chance(0.6)
          ? 'rights_advocacy'
          : rng.weighted(NGO_FOCUS_AREAS, (f) => FOCUS_WEIGHTS[f]));
    const focusCount = 1 + rng.category(cal.focusCountWeights);
    const others = rng.weightedSample(
      NGO_FOCUS_AREAS.filter((f) => f !== mainFocus),
      (f) => FOCUS_WEIGHTS[f],
      focusCount - 1,
    );
    const focus = [mainFocus, ...others];

    let name: string;
    if (named) {
      name = named.name + DEMO_SUFFIX;
    } else {
      name = uniqueNgoName(rng, usedNames, { city, district, mainFocus, type, refugeeLed: isRefugeeLed });
    }
    usedNames.add(name);

    const engagement =
      Math.exp(0.55 * rng.normal()) * (type === 'platform' ? 1.5 : 1) * (isRefugeeLed ? 0.8 : 1);
    const id = `ngo-${pad(i + 1)}`;
    nodes.push({
      index: nodes.length,
      id,
      kind: 'ngo',
      city,
      district,
      focus: new Set(focus),
      refugeeLed: isRefugeeLed,
      institutionType: undefined,
      engagement,
      org: {
        id,
        name,
        kind: 'ngo',
        type,
        city,
        district,
        focus,
        refugeeLed: isRefugeeLed,
        founded: String(foundedYear(rng, type, isRefugeeLed)),
        extra: { languages: ngoLanguages(rng, isRefugeeLed) },
      },
    });
  });

  institutionRoster().forEach((seat, k) => {
    const id = `inst-${pad(k + 1)}`;
    const engagement = INSTITUTION_ENGAGEMENT[seat.type] * Math.exp(0.3 * rng.normal());
    // Founding years of real public bodies would be real facts about them: left blank on purpose.
    const org: Organization = {
      id,
      name: seat.name,
      kind: 'institution',
      type: seat.type,
      city: seat.city,
      ...(seat.district === undefined ? {} : { district: seat.district }),
      focus: [],
      extra: { languages: seat.type === 'provincial_migration_management' ? 'tr;ar;en' : 'tr' },
    };
    nodes.push({
      index: nodes.length,
      id,
      kind: 'institution',
      city: seat.city,
      district: seat.district,
      focus: new Set(),
      refugeeLed: false,
      institutionType: seat.type,
      engagement,
      org,
    });
  });
  return nodes;
}

/**
 * The `public_name` opt-in (a name may appear in the public map): a plausible minority. Public bodies
 * opt in most often, busy NGOs more than quiet ones, refugee-led NGOs rarely (being listed can expose
 * their people). About a quarter of the demo opts in; the names stay invented, like every demo name.
 */
function choosePublicNames(nodes: readonly Node[], rng: Rng): void {
  for (const node of nodes) {
    const p =
      node.kind === 'institution' ? 0.45 : node.refugeeLed ? 0.05 : Math.min(0.4, 0.15 * node.engagement);
    node.org.extra.public_name = rng.chance(p) ? 'true' : 'false';
  }
}

function uniqueNgoName(
  rng: Rng,
  used: ReadonlySet<string>,
  p: { city: City; district: string; mainFocus: FocusArea; type: NgoType; refugeeLed: boolean },
): string {
  for (let attempt = 0; attempt < 40; attempt++) {
    const place = rng.chance(0.3) ? CITY_IN_NAMES[p.city] : p.district;
    const theme = rng.pick(FOCUS_THEMES[p.mainFocus]);
    // "Refugee Refugee Rights" reads as a typo: never repeat a word of the theme in the qualifier.
    const qualifiers = REFUGEE_LED_QUALIFIERS.filter(
      (q) => !q.split(' ').some((word) => theme.includes(word)),
    );
    const qualifier = p.refugeeLed && qualifiers.length > 0 ? rng.pick(qualifiers) : undefined;
    const name = composeNgoName({
      place,
      ...(qualifier === undefined ? {} : { qualifier }),
      theme,
      form: rng.pick(NGO_FORMS[p.type]),
    });
    if (!used.has(name)) return name;
  }
  // Practically unreachable with the variants available; still never produce a duplicate name.
  for (let n = 2; ; n++) {
    const name = composeNgoName({
      place: `${p.district} ${n}`,
      theme: FOCUS_THEMES[p.mainFocus][0] ?? 'Solidarity',
      form: NGO_FORMS[p.type][0] ?? 'Association',
    });
    if (!used.has(name)) return name;
  }
}

// ---------------------------------------------------------------------------------------------------
// Events and attendance

type Audience = 'ngo' | 'institution' | 'both';

interface EventPlan {
  event: ProjectEvent;
  audience: Audience;
  cities: readonly City[];
  /** Base attendance probability per kind, before engagement and earlier attendance. */
  base: Record<OrganizationKind, number>;
  /** Events whose attendees are likelier to come to this one (and by how much). */
  after?: { events: readonly string[]; boost: number };
  /** Events the NGOs that stay isolated never attend: their absence is why they stay isolated. */
  networking: boolean;
}

/**
 * The project calendar. Dates given by the project: needs workshops (NGOs 21–27 Aug 2019, institutions
 * 22–27 Aug), institution trainings (30 Sep and 3 Oct 2019, 2 days each), network meetings (10 and 24 Dec
 * 2019), consultation meetings (11 and 23 Dec 2019), cooperation meeting (22–23 Jan 2020). The split of a
 * date range between the two cities, which city came first, and the dates of the NGO capacity trainings
 * and of the good-practice visit are assumptions of the demo.
 */
const EVENT_PLANS: readonly EventPlan[] = [
  plan({
    id: 'ev-ngo-workshop-ist',
    name: 'NGO needs assessment workshop — Istanbul',
    type: 'workshop',
    date: '2019-08-21',
    cities: ['Istanbul'],
    base: { ngo: 0.55, institution: 0 },
  }),
  plan({
    id: 'ev-inst-workshop-ist',
    name: 'Public institution needs assessment workshop — Istanbul',
    type: 'workshop',
    date: '2019-08-22',
    cities: ['Istanbul'],
    base: { ngo: 0, institution: 0.65 },
  }),
  plan({
    id: 'ev-ngo-workshop-gaz',
    name: 'NGO needs assessment workshop — Gaziantep',
    type: 'workshop',
    date: '2019-08-26',
    endDate: '2019-08-27',
    cities: ['Gaziantep'],
    base: { ngo: 0.55, institution: 0 },
  }),
  plan({
    id: 'ev-inst-workshop-gaz',
    name: 'Public institution needs assessment workshop — Gaziantep',
    type: 'workshop',
    date: '2019-08-27',
    cities: ['Gaziantep'],
    base: { ngo: 0, institution: 0.65 },
  }),
  plan({
    id: 'ev-inst-training-ist',
    name: 'Public institution training on cooperation with NGOs — Istanbul',
    type: 'training',
    date: '2019-09-30',
    endDate: '2019-10-01',
    cities: ['Istanbul'],
    base: { ngo: 0, institution: 0.5 },
    after: { events: ['ev-inst-workshop-ist'], boost: 1.4 },
  }),
  plan({
    id: 'ev-inst-training-gaz',
    name: 'Public institution training on cooperation with NGOs — Gaziantep',
    type: 'training',
    date: '2019-10-03',
    endDate: '2019-10-04',
    cities: ['Gaziantep'],
    base: { ngo: 0, institution: 0.5 },
    after: { events: ['ev-inst-workshop-gaz'], boost: 1.4 },
  }),
  plan({
    id: 'ev-ngo-training-ist',
    name: 'NGO capacity-building training — Istanbul',
    type: 'training',
    date: '2019-10-22',
    endDate: '2019-10-24',
    cities: ['Istanbul'],
    base: { ngo: 0.45, institution: 0 },
    after: { events: ['ev-ngo-workshop-ist'], boost: 1.4 },
  }),
  plan({
    id: 'ev-ngo-training-gaz',
    name: 'NGO capacity-building training — Gaziantep',
    type: 'training',
    date: '2019-11-05',
    endDate: '2019-11-07',
    cities: ['Gaziantep'],
    base: { ngo: 0.45, institution: 0 },
    after: { events: ['ev-ngo-workshop-gaz'], boost: 1.4 },
  }),
  plan({
    id: 'ev-ngo-network-ist',
    name: 'NGO network meeting — Istanbul',
    type: 'network_meeting',
    date: '2019-12-10',
    cities: ['Istanbul'],
    base: { ngo: 0.45, institution: 0 },
    after: { events: ['ev-ngo-training-ist'], boost: 1.5 },
    networking: true,
  }),
  plan({
    id: 'ev-consultation-ist',
    name: 'NGO–public institution consultation meeting — Istanbul',
    type: 'consultation_meeting',
    date: '2019-12-11',
    cities: ['Istanbul'],
    base: { ngo: 0.4, institution: 0.5 },
    after: { events: ['ev-ngo-network-ist', 'ev-inst-training-ist'], boost: 1.5 },
    networking: true,
  }),
  plan({
    id: 'ev-consultation-gaz',
    name: 'NGO–public institution consultation meeting — Gaziantep',
    type: 'consultation_meeting',
    date: '2019-12-23',
    cities: ['Gaziantep'],
    base: { ngo: 0.4, institution: 0.5 },
    after: { events: ['ev-ngo-training-gaz', 'ev-inst-training-gaz'], boost: 1.5 },
    networking: true,
  }),
  plan({
    id: 'ev-ngo-network-gaz',
    name: 'NGO network meeting — Gaziantep',
    type: 'network_meeting',
    date: '2019-12-24',
    cities: ['Gaziantep'],
    base: { ngo: 0.45, institution: 0 },
    after: { events: ['ev-consultation-gaz'], boost: 1.5 },
    networking: true,
  }),
  plan({
    id: 'ev-cooperation-meeting',
    name: 'NGO–public institution cooperation meeting (Istanbul and Gaziantep participants)',
    type: 'cooperation_meeting',
    date: '2020-01-22',
    endDate: '2020-01-23',
    venue: 'Istanbul',
    cities: ['Istanbul', 'Gaziantep'],
    base: { ngo: 0.15, institution: 0.25 },
    after: { events: ['ev-consultation-ist', 'ev-consultation-gaz'], boost: 2.4 },
    networking: true,
  }),
  plan({
    id: 'ev-good-practice-visit',
    name: 'Good-practice visit — Gaziantep',
    type: 'visit',
    date: '2020-02-05',
    endDate: '2020-02-06',
    venue: 'Gaziantep',
    cities: ['Istanbul', 'Gaziantep'],
    base: { ngo: 0.06, institution: 0.08 },
    after: { events: ['ev-cooperation-meeting'], boost: 3 },
    networking: true,
  }),
];

function plan(p: {
  id: string;
  name: string;
  type: string;
  date: string;
  endDate?: string;
  /** Where the event took place; defaults to the only city of single-city events. */
  venue?: City;
  /** Whose organizations were invited. */
  cities: readonly City[];
  base: Record<OrganizationKind, number>;
  after?: EventPlan['after'];
  networking?: boolean;
}): EventPlan {
  const audience: Audience =
    p.base.ngo > 0 && p.base.institution > 0 ? 'both' : p.base.ngo > 0 ? 'ngo' : 'institution';
  const event: ProjectEvent = {
    id: p.id,
    name: p.name,
    date: p.date,
    type: p.type,
    city: p.venue ?? p.cities[0] ?? 'Istanbul',
    ...(p.endDate === undefined ? {} : { endDate: p.endDate }),
  };
  return {
    event,
    audience,
    cities: p.cities,
    base: p.base,
    ...(p.after === undefined ? {} : { after: p.after }),
    networking: p.networking ?? false,
  };
}

/** Event types whose co-attendance the `post` network responds to most (the "meeting effect"). */
export const MEETING_EVENT_TYPES: readonly string[] = ['consultation_meeting', 'cooperation_meeting'];

interface Isolation {
  /** NGOs with no tie in `pre`. */
  pre: ReadonlySet<number>;
  /** The subset of `pre` that also has no tie in `post`. */
  stay: ReadonlySet<number>;
}

function chooseIsolates(nodes: readonly Node[], rng: Rng): Isolation {
  const ngos = nodes.filter((n) => n.kind === 'ngo');
  // Peripheral NGOs are the weakly engaged ones, refugee-led NGOs over-represented among them.
  const pre = rng.weightedSample(
    ngos,
    (n) => (1 / n.engagement) ** 2 * (n.refugeeLed ? 2 : 1),
    DEMO_CALIBRATION.preIsolatedNgos,
  );
  const stay = pre.slice(0, DEMO_CALIBRATION.stayIsolatedNgos);
  return { pre: new Set(pre.map((n) => n.index)), stay: new Set(stay.map((n) => n.index)) };
}

function buildAttendance(nodes: readonly Node[], isolation: Isolation, rng: Rng): Map<string, Set<number>> {
  const attendees = new Map<string, Set<number>>();
  for (const p of EVENT_PLANS) {
    const present = new Set<number>();
    for (const node of nodes) {
      if (!p.cities.includes(node.city)) continue;
      if (p.audience !== 'both' && p.audience !== node.kind) continue;
      if (p.networking && isolation.stay.has(node.index)) continue;
      const earlier = p.after?.events.some((e) => attendees.get(e)?.has(node.index)) ?? false;
      const boost = earlier ? (p.after?.boost ?? 1) : 1;
      const probability = Math.min(0.95, p.base[node.kind] * Math.sqrt(node.engagement) * boost);
      if (rng.chance(probability)) present.add(node.index);
    }
    // The NGOs that leave isolation do so through the consultation meeting of their city.
    if (p.event.type === 'consultation_meeting') {
      for (const index of isolation.pre) {
        const node = nodes[index];
        if (node && !isolation.stay.has(index) && p.cities.includes(node.city)) present.add(index);
      }
    }
    attendees.set(p.event.id, present);
  }
  // The project reached every organization: whoever attended nothing came to their city's first workshop.
  for (const node of nodes) {
    const any = [...attendees.values()].some((set) => set.has(node.index));
    if (any) continue;
    const fallback = EVENT_PLANS.find((p) => p.audience === node.kind && p.cities.includes(node.city));
    if (fallback) attendees.get(fallback.event.id)?.add(node.index);
  }
  return attendees;
}

// ---------------------------------------------------------------------------------------------------
// Responses

interface Respondents {
  pre: ReadonlySet<number>;
  post: ReadonlySet<number>;
}

function chooseRespondents(
  nodes: readonly Node[],
  meetingAttendees: ReadonlySet<number>,
  rng: Rng,
): Respondents {
  const pre = new Set<number>();
  const post = new Set<number>();
  for (const kind of ['ngo', 'institution'] as const) {
    const ofKind = nodes.filter((n) => n.kind === kind);
    const chosen = rng.weightedSample(ofKind, (n) => n.engagement, DEMO_CALIBRATION.respondents[kind]);
    const preSet = new Set(chosen.map((n) => n.index));
    // Panel attrition: the less engaged drop out, meeting participants are likelier to join in `post`.
    const boost = (n: Node) => n.engagement * (meetingAttendees.has(n.index) ? 2 : 1);
    const turnover = DEMO_CALIBRATION.respondentTurnover[kind];
    const leaving = new Set(rng.weightedSample(chosen, (n) => 1 / boost(n), turnover).map((n) => n.index));
    const joining = rng.weightedSample(
      ofKind.filter((n) => !preSet.has(n.index)),
      boost,
      turnover,
    );
    for (const index of preSet) {
      pre.add(index);
      if (!leaving.has(index)) post.add(index);
    }
    for (const n of joining) post.add(n.index);
  }
  return { pre, post };
}

// ---------------------------------------------------------------------------------------------------
// Networks

/** True network of one wave: pair key → level (1–4). */
type Network = Map<number, number>;

function pairKey(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}

function pairOf(key: number, n: number): [number, number] {
  return [Math.floor(key / n), key % n];
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** NGO focus areas that a given institution type works with most (drives cross-kind homophily). */
const INSTITUTION_FOCUS: Partial<Record<InstitutionType, readonly FocusArea[]>> = {
  provincial_migration_management: ['legal_aid', 'rights_advocacy'],
  employment_agency: ['livelihoods', 'education'],
  social_service_centre: ['women', 'children', 'health_psychosocial'],
  district_municipality: ['relief', 'women', 'children'],
  district_governorship: ['relief', 'education'],
  metropolitan_municipality: ['relief', 'livelihoods'],
};

/** Relative propensity of a tie between two organizations before the meetings. */
function pairWeight(a: Node, b: Node): number {
  let w = a.engagement * b.engagement;
  if (a.city !== b.city) {
    // Cross-city ties exist mostly through platforms and province-level bodies.
    const bridging = [a, b].some(
      (n) => n.institutionType === 'provincial_migration_management' || n.org.type === 'platform',
    );
    w *= bridging ? 0.15 : 0.04;
  }
  const sameDistrict = a.district !== undefined && a.district === b.district;
  if (a.kind === 'ngo' && b.kind === 'ngo') {
    const overlap = jaccard(a.focus, b.focus);
    w *= (overlap === 0 ? 0.5 : 1 + 5 * overlap) * (sameDistrict ? 1.6 : 1);
    if (a.refugeeLed && b.refugeeLed) w *= 3;
  } else if (a.kind === 'institution' && b.kind === 'institution') {
    const provincial = a.district === undefined || b.district === undefined;
    w *= 1.1 * (sameDistrict ? 4 : 1) * (provincial ? 1.5 : 1);
  } else {
    const ngo = a.kind === 'ngo' ? a : b;
    const inst = a.kind === 'ngo' ? b : a;
    const served = INSTITUTION_FOCUS[inst.institutionType ?? 'other'] ?? [];
    const fit = served.some((f) => ngo.focus.has(f)) ? 2 : 1;
    const local = sameDistrict ? 2.5 : inst.district === undefined ? 1.2 : 0.6;
    w *= 0.2 * fit * local * (ngo.refugeeLed ? 0.6 : 1);
  }
  return w;
}

function drawLevel(rng: Rng, weights: readonly number[]): number {
  return 1 + rng.category(weights);
}

function preLevel(rng: Rng, a: Node, b: Node): number {
  if (a.kind !== b.kind) return drawLevel(rng, [60, 30, 8, 2]);
  if (a.kind === 'institution' && a.district !== undefined && a.district === b.district) {
    return drawLevel(rng, [25, 40, 25, 10]);
  }
  return drawLevel(rng, [45, 35, 15, 5]);
}

interface NetworkContext {
  nodes: readonly Node[];
  isolation: Isolation;
  respondents: Respondents;
  /** Pairs that co-attended a consultation or the cooperation meeting. */
  meetingPairs: ReadonlySet<number>;
  /** Pairs that co-attended a network meeting or the visit (and not one of the above). */
  otherMeetingPairs: ReadonlySet<number>;
}

/** A tie is visible in a wave when at least one side answered the survey of that wave. */
function visible(key: number, n: number, answered: ReadonlySet<number>): boolean {
  const [a, b] = pairOf(key, n);
  return answered.has(a) || answered.has(b);
}

function visibleDegrees(network: Network, n: number, answered: ReadonlySet<number>): number[] {
  const degree = new Array<number>(n).fill(0);
  for (const key of network.keys()) {
    if (!visible(key, n, answered)) continue;
    const [a, b] = pairOf(key, n);
    degree[a] = (degree[a] ?? 0) + 1;
    degree[b] = (degree[b] ?? 0) + 1;
  }
  return degree;
}

function node(nodes: readonly Node[], index: number): Node {
  const found = nodes[index];
  if (!found) throw new RangeError(`no organization at index ${index}`);
  return found;
}

/**
 * Gives `index` one visible tie, drawn among `candidates` by `weight`, unless it has one already.
 * Used so that only the designated NGOs are isolates: anybody else could otherwise end up isolated by
 * chance, which would blur the isolation story the demo tells.
 */
function ensureVisibleTie(
  ctx: NetworkContext,
  network: Network,
  degree: number[],
  answered: ReadonlySet<number>,
  index: number,
  candidates: readonly number[],
  weight: (a: Node, b: Node) => number,
  level: (a: Node, b: Node) => number,
  rng: Rng,
): void {
  if ((degree[index] ?? 0) > 0) return;
  const n = ctx.nodes.length;
  const me = node(ctx.nodes, index);
  const options = candidates.filter(
    (j) => j !== index && !network.has(pairKey(index, j, n)) && (answered.has(index) || answered.has(j)),
  );
  if (options.length === 0) return;
  const partner = rng.weighted(options, (j) => weight(me, node(ctx.nodes, j)));
  network.set(pairKey(index, partner, n), level(me, node(ctx.nodes, partner)));
  degree[index] = (degree[index] ?? 0) + 1;
  degree[partner] = (degree[partner] ?? 0) + 1;
}

function buildPreNetwork(ctx: NetworkContext, rng: Rng): Network {
  const { nodes, isolation } = ctx;
  const n = nodes.length;
  const answered = ctx.respondents.pre;
  const target = rng.int(DEMO_CALIBRATION.preTies[0], DEMO_CALIBRATION.preTies[1]);
  const network: Network = new Map();
  const eligible = nodes.filter((x) => !isolation.pre.has(x.index)).map((x) => x.index);
  const degree = new Array<number>(n).fill(0);

  for (const index of rng.shuffle(eligible)) {
    ensureVisibleTie(
      ctx,
      network,
      degree,
      answered,
      index,
      eligible,
      pairWeight,
      (a, b) => preLevel(rng, a, b),
      rng,
    );
  }
  let shown = [...network.keys()].filter((key) => visible(key, n, answered)).length;

  const race: Array<{ key: number; order: number }> = [];
  for (let ai = 0; ai < eligible.length; ai++) {
    for (let bi = ai + 1; bi < eligible.length; bi++) {
      const a = node(nodes, eligible[ai] ?? 0);
      const b = node(nodes, eligible[bi] ?? 0);
      race.push({ key: pairKey(a.index, b.index, n), order: rng.raceKey(pairWeight(a, b)) });
    }
  }
  race.sort((x, y) => x.order - y.order);
  for (const { key } of race) {
    if (shown >= target) break;
    if (network.has(key)) continue;
    const [a, b] = pairOf(key, n);
    network.set(key, preLevel(rng, node(nodes, a), node(nodes, b)));
    if (visible(key, n, answered)) shown++;
  }
  return network;
}

function postPairWeight(
  ctx: NetworkContext,
  preNeighbours: ReadonlyArray<ReadonlySet<number>>,
  a: Node,
  b: Node,
): number {
  const n = ctx.nodes.length;
  const key = pairKey(a.index, b.index, n);
  const cal = DEMO_CALIBRATION;
  let w = pairWeight(a, b);
  if (ctx.meetingPairs.has(key)) w *= cal.meetingTieBoost;
  else if (ctx.otherMeetingPairs.has(key)) w *= cal.otherMeetingTieBoost;
  // The project's aim: NGOs and institutions meeting each other.
  if (a.kind !== b.kind) w *= 3;
  // Triadic closure: partners of partners meet through them.
  if (hasCommonNeighbour(preNeighbours, a.index, b.index)) w *= 1.8;
  return w;
}

function neighbours(network: Network, n: number): Array<Set<number>> {
  const sets = Array.from({ length: n }, () => new Set<number>());
  for (const key of network.keys()) {
    const [a, b] = pairOf(key, n);
    sets[a]?.add(b);
    sets[b]?.add(a);
  }
  return sets;
}

function hasCommonNeighbour(sets: ReadonlyArray<ReadonlySet<number>>, a: number, b: number): boolean {
  const of = sets[b];
  for (const c of sets[a] ?? []) if (of?.has(c)) return true;
  return false;
}

function newLevel(rng: Rng, meeting: boolean): number {
  return drawLevel(rng, meeting ? [45, 40, 12, 3] : [60, 30, 8, 2]);
}

function evolveNetwork(ctx: NetworkContext, pre: Network, rng: Rng): Network {
  const { nodes, isolation, respondents } = ctx;
  const n = nodes.length;
  const cal = DEMO_CALIBRATION;
  const preShown = [...pre.keys()].filter((key) => visible(key, n, respondents.pre));
  const targetRemoved = Math.round(preShown.length * rng.uniform(cal.removedShare[0], cal.removedShare[1]));
  const targetPost = Math.round(preShown.length * rng.uniform(cal.postGrowth[0], cal.postGrowth[1]));

  // Ties that vanish from view because neither side answers `post` count as removed already.
  const hiddenInPost = preShown.filter((key) => !visible(key, n, respondents.post));
  const toDrop = Math.max(0, targetRemoved - hiddenInPost.length);

  const post: Network = new Map(pre);
  // Ties nobody could see in `pre` churn like the rest; they only matter if someone answers in `post`.
  // Done before counting degrees, which must describe what `post` will show.
  for (const key of pre.keys()) {
    if (!visible(key, n, respondents.pre) && rng.chance(0.12)) post.delete(key);
  }
  const degree = visibleDegrees(post, n, respondents.post);
  const dropCandidates = preShown
    .filter((key) => visible(key, n, respondents.post))
    .map((key) => {
      const level = pre.get(key) ?? 1;
      const weight = ([3, 1.5, 0.6, 0.3][level - 1] ?? 0.3) * (ctx.meetingPairs.has(key) ? 0.35 : 1);
      return { key, order: rng.raceKey(weight) };
    })
    .sort((x, y) => x.order - y.order);
  let dropped = 0;
  for (const { key } of dropCandidates) {
    if (dropped >= toDrop) break;
    const [a, b] = pairOf(key, n);
    // Never make an organization an isolate by dropping its last tie: isolates are designated.
    if ((degree[a] ?? 0) <= 1 || (degree[b] ?? 0) <= 1) continue;
    post.delete(key);
    degree[a] = (degree[a] ?? 0) - 1;
    degree[b] = (degree[b] ?? 0) - 1;
    dropped++;
  }

  // Persisting ties tend to strengthen, more so between organizations that met at the meetings.
  for (const [key, level] of post) {
    const up = ctx.meetingPairs.has(key) ? 0.5 : 0.3;
    const u = rng.float();
    if (u < up) post.set(key, Math.min(4, level + 1));
    else if (u > 0.95) post.set(key, Math.max(1, level - 1));
  }

  const open = nodes.filter((x) => !isolation.stay.has(x.index)).map((x) => x.index);
  const preNeighbours = neighbours(pre, n);
  // A dropped tie does not come back within the same few weeks.
  const weight = (a: Node, b: Node) =>
    pre.has(pairKey(a.index, b.index, n)) ? 0 : postPairWeight(ctx, preNeighbours, a, b);
  const meetingLevel = () => newLevel(rng, true);
  const otherLevel = (a: Node, b: Node) => newLevel(rng, ctx.meetingPairs.has(pairKey(a.index, b.index, n)));

  // NGOs leaving isolation first meet someone at their consultation meeting, an institution if possible.
  for (const index of isolation.pre) {
    if (isolation.stay.has(index)) continue;
    const met = open.filter((j) => ctx.meetingPairs.has(pairKey(index, j, n)));
    const institutions = met.filter((j) => node(nodes, j).kind === 'institution');
    const candidates = institutions.length > 0 ? institutions : met.length > 0 ? met : open;
    ensureVisibleTie(ctx, post, degree, respondents.post, index, candidates, weight, meetingLevel, rng);
  }
  for (const index of rng.shuffle(open)) {
    ensureVisibleTie(ctx, post, degree, respondents.post, index, open, weight, otherLevel, rng);
  }

  let shown = [...post.keys()].filter((key) => visible(key, n, respondents.post)).length;
  const race: Array<{ key: number; order: number }> = [];
  for (let ai = 0; ai < open.length; ai++) {
    for (let bi = ai + 1; bi < open.length; bi++) {
      const a = node(nodes, open[ai] ?? 0);
      const b = node(nodes, open[bi] ?? 0);
      const key = pairKey(a.index, b.index, n);
      if (pre.has(key) || post.has(key)) continue;
      race.push({ key, order: rng.raceKey(postPairWeight(ctx, preNeighbours, a, b)) });
    }
  }
  race.sort((x, y) => x.order - y.order);
  for (const { key } of race) {
    if (shown >= targetPost) break;
    post.set(key, newLevel(rng, ctx.meetingPairs.has(key)));
    if (visible(key, n, respondents.post)) shown++;
  }
  return post;
}

/** Rows of one wave's survey: who reported which tie, at which level. */
function reportTies(
  ctx: NetworkContext,
  wave: string,
  network: Network,
  answered: ReadonlySet<number>,
  rng: Rng,
): Tie[] {
  const { nodes } = ctx;
  const n = nodes.length;
  const cal = DEMO_CALIBRATION;
  const rows: Tie[] = [];
  const row = (from: number, to: number, level: number): Tie => ({
    source: node(nodes, from).id,
    target: node(nodes, to).id,
    wave,
    level,
    extra: {},
  });
  for (const key of [...network.keys()].sort((x, y) => x - y)) {
    const level = network.get(key) ?? 1;
    const [a, b] = pairOf(key, n);
    const aAnswered = answered.has(a);
    const bAnswered = answered.has(b);
    if (aAnswered && bAnswered) {
      const [first, second] = rng.chance(0.5) ? [a, b] : [b, a];
      rows.push(row(first, second, level));
      if (rng.chance(cal.bothReportProbability)) {
        // The partner's account may be one level lower, never higher: the visible level stays the true one.
        const lower = level > 1 && rng.chance(cal.partnerLowerLevelProbability);
        rows.push(row(second, first, lower ? level - 1 : level));
      }
    } else if (aAnswered) {
      rows.push(row(a, b, level));
    } else if (bAnswered) {
      rows.push(row(b, a, level));
    }
  }
  return rows;
}

function coAttendingPairs(
  attendees: ReadonlyMap<string, ReadonlySet<number>>,
  eventIds: readonly string[],
  n: number,
): Set<number> {
  const pairs = new Set<number>();
  for (const id of eventIds) {
    const present = [...(attendees.get(id) ?? [])].sort((x, y) => x - y);
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) pairs.add(pairKey(present[i] ?? 0, present[j] ?? 0, n));
    }
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------------
// Public API

export const DEMO_WAVES: readonly Wave[] = [
  {
    id: 'pre',
    label: 'Before the consultation meetings',
    date: '2019-12-02',
    description:
      'Synthetic network survey before the NGO–institution consultation meetings (11 and 23 Dec 2019).',
  },
  {
    id: 'post',
    label: 'After the cooperation meeting',
    date: '2020-02-17',
    description:
      'Synthetic network survey after the cooperation meeting (22–23 Jan 2020) and the good-practice visit.',
  },
];

function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to ${0xffffffff}, got ${seed}`);
  }
}

/**
 * The synthetic demo dataset for `seed` (default 2019, the seed of data/demo). Pure and deterministic:
 * the same seed always yields the same records in the same order, hence byte-identical CSV files.
 * @param seed integer from 0 to 2^32−1
 */
export function generateDemo(seed: number = DEMO_DEFAULT_SEED): Dataset {
  assertSeed(seed);
  const root = Rng.fromSeed(seed);
  const streams = {
    organizations: root.fork(),
    isolates: root.fork(),
    attendance: root.fork(),
    responses: root.fork(),
    pre: root.fork(),
    post: root.fork(),
    reports: root.fork(),
    // Forked last so that adding it left every other stream, and so the rest of the demo, unchanged.
    publicNames: root.fork(),
  };
  const nodes = buildOrganizations(streams.organizations);
  choosePublicNames(nodes, streams.publicNames);
  const n = nodes.length;
  const isolation = chooseIsolates(nodes, streams.isolates);
  const attendees = buildAttendance(nodes, isolation, streams.attendance);

  const meetingIds = EVENT_PLANS.filter((p) => MEETING_EVENT_TYPES.includes(p.event.type ?? '')).map(
    (p) => p.event.id,
  );
  const otherIds = EVENT_PLANS.filter(
    (p) => p.event.type === 'network_meeting' || p.event.type === 'visit',
  ).map((p) => p.event.id);
  const meetingPairs = coAttendingPairs(attendees, meetingIds, n);
  const otherMeetingPairs = coAttendingPairs(attendees, otherIds, n);
  for (const key of meetingPairs) otherMeetingPairs.delete(key);
  const meetingAttendees = new Set(meetingIds.flatMap((id) => [...(attendees.get(id) ?? [])]));

  const respondents = chooseRespondents(nodes, meetingAttendees, streams.responses);
  const ctx: NetworkContext = { nodes, isolation, respondents, meetingPairs, otherMeetingPairs };
  const pre = buildPreNetwork(ctx, streams.pre);
  const post = evolveNetwork(ctx, pre, streams.post);
  const ties = [
    ...reportTies(ctx, 'pre', pre, respondents.pre, streams.reports),
    ...reportTies(ctx, 'post', post, respondents.post, streams.reports),
  ].sort((x, y) => compareTies(x, y));

  const attendance: Attendance[] = EVENT_PLANS.flatMap((p) =>
    [...(attendees.get(p.event.id) ?? [])]
      .sort((x, y) => x - y)
      .map((index) => ({ organization: node(nodes, index).id, event: p.event.id })),
  );
  const responses: SurveyResponse[] = DEMO_WAVES.flatMap((wave) => {
    const answered = wave.id === 'pre' ? respondents.pre : respondents.post;
    return nodes.map((x) => ({
      organization: x.id,
      wave: wave.id,
      status: answered.has(x.index) ? ('responded' as const) : ('missing' as const),
    }));
  });

  return {
    info: {
      name: DEMO_DATASET_NAME,
      synthetic: true,
      description:
        `SYNTHETIC data generated by \`kopru generate-demo --seed ${seed}\`. It contains no real organization, ` +
        'person, answer or tie: names are pseudonymous and end with "(demo)". Only the network size (114 NGOs, ' +
        '58 public institutions) and the event calendar of a 2019–2020 EU-funded project in Istanbul and ' +
        'Gaziantep are real; see data/demo/README.md for the calibration.',
    },
    organizations: nodes.map((x) => x.org),
    waves: DEMO_WAVES.map((wave) => ({ ...wave })),
    ties,
    events: EVENT_PLANS.map((p) => ({ ...p.event })),
    attendance,
    responses,
  };
}

function compareTies(x: Tie, y: Tie): number {
  const waveOrder = (wave: string) => DEMO_WAVES.findIndex((w) => w.id === wave);
  return (
    waveOrder(x.wave) - waveOrder(y.wave) ||
    (x.source < y.source ? -1 : x.source > y.source ? 1 : 0) ||
    (x.target < y.target ? -1 : x.target > y.target ? 1 : 0)
  );
}

// ---------------------------------------------------------------------------------------------------
// Summary

export interface WaveSummary {
  wave: string;
  responded: number;
  missing: number;
  /** Rows of ties.csv for this wave (directed reports). */
  reportedRows: number;
  /** Pairs tied in undirected mode (either side reported). */
  undirectedTies: number;
  /** Pairs that both sides reported. */
  reciprocatedTies: number;
  ngoInstitutionTies: number;
  density: number;
  /** Undirected ties by their highest reported level, index 0 = level 1. */
  levels: number[];
  isolates: string[];
  ngoIsolates: string[];
}

export interface DemoSummary {
  organizations: number;
  ngos: number;
  institutions: number;
  byCity: Record<string, { ngo: number; institution: number }>;
  byType: Record<string, number>;
  refugeeLed: number;
  events: number;
  attendance: number;
  waves: WaveSummary[];
  /** Change between consecutive waves, in undirected mode. */
  changes: Array<{
    from: string;
    to: string;
    added: number;
    removed: number;
    stable: number;
    ngoInstitutionAdded: number;
    ngoInstitutionRemoved: number;
    /** Added pairs where neither side answered the `from` survey: the tie may have existed unseen. */
    addedUnseenBefore: number;
    /** Removed pairs where neither side answered the `to` survey: the tie may persist unseen. */
    removedUnseenAfter: number;
  }>;
  /**
   * New-tie rates between the first and last wave among pairs untied in the first wave, for pairs that
   * co-attended a consultation or cooperation meeting versus all other pairs.
   */
  meetingEffect: {
    coAttendeePairs: number;
    coAttendeeNewTies: number;
    otherPairs: number;
    otherNewTies: number;
    /** New NGO–institution ties, and how many of them joined co-attendees. */
    ngoInstitutionNewTies: number;
    ngoInstitutionCoAttendeeNewTies: number;
  };
}

function undirectedKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Counts that describe a dataset: printed by `generate-demo` and quoted in data/demo/README.md. */
export function summarizeDemo(dataset: Dataset): DemoSummary {
  const kindOf = new Map(dataset.organizations.map((o) => [o.id, o.kind]));
  const byCity: DemoSummary['byCity'] = {};
  const byType: Record<string, number> = {};
  for (const org of dataset.organizations) {
    const city = org.city ?? '';
    const entry = (byCity[city] ??= { ngo: 0, institution: 0 });
    entry[org.kind]++;
    const type = `${org.kind}:${org.type ?? ''}`;
    byType[type] = (byType[type] ?? 0) + 1;
  }

  const pairsByWave = new Map<string, Map<string, { level: number; directions: Set<string> }>>();
  for (const wave of dataset.waves) pairsByWave.set(wave.id, new Map());
  for (const tie of dataset.ties) {
    const pairs = pairsByWave.get(tie.wave);
    if (!pairs) continue;
    const key = undirectedKey(tie.source, tie.target);
    const entry = pairs.get(key) ?? { level: 0, directions: new Set<string>() };
    entry.level = Math.max(entry.level, tie.level);
    entry.directions.add(tie.source);
    pairs.set(key, entry);
  }
  const n = dataset.organizations.length;
  const mixed = (key: string) => {
    const [a = '', b = ''] = key.split('|');
    return kindOf.get(a) !== kindOf.get(b);
  };

  const waves: WaveSummary[] = dataset.waves.map((wave) => {
    const pairs = pairsByWave.get(wave.id) ?? new Map();
    const touched = new Set<string>();
    const levels = [0, 0, 0, 0];
    let reciprocated = 0;
    let ngoInstitution = 0;
    for (const [key, entry] of pairs) {
      for (const id of key.split('|')) touched.add(id);
      levels[entry.level - 1] = (levels[entry.level - 1] ?? 0) + 1;
      if (entry.directions.size === 2) reciprocated++;
      if (mixed(key)) ngoInstitution++;
    }
    const isolates = dataset.organizations.filter((o) => !touched.has(o.id));
    const responses = dataset.responses.filter((r) => r.wave === wave.id);
    return {
      wave: wave.id,
      responded: responses.filter((r) => r.status === 'responded').length,
      missing: responses.filter((r) => r.status === 'missing').length,
      reportedRows: dataset.ties.filter((t) => t.wave === wave.id).length,
      undirectedTies: pairs.size,
      reciprocatedTies: reciprocated,
      ngoInstitutionTies: ngoInstitution,
      density: n > 1 ? (2 * pairs.size) / (n * (n - 1)) : 0,
      levels,
      isolates: isolates.map((o) => o.id),
      ngoIsolates: isolates.filter((o) => o.kind === 'ngo').map((o) => o.id),
    };
  });

  const answered = new Set(
    dataset.responses.filter((r) => r.status === 'responded').map((r) => `${r.wave}|${r.organization}`),
  );
  const changes = dataset.waves.slice(1).map((to, i) => {
    const from = dataset.waves[i] as Wave;
    const before = pairsByWave.get(from.id) ?? new Map();
    const after = pairsByWave.get(to.id) ?? new Map();
    const added = [...after.keys()].filter((k) => !before.has(k));
    const removed = [...before.keys()].filter((k) => !after.has(k));
    const unseen = (key: string, wave: string) =>
      key.split('|').every((id) => !answered.has(`${wave}|${id}`));
    return {
      from: from.id,
      to: to.id,
      added: added.length,
      removed: removed.length,
      stable: [...after.keys()].filter((k) => before.has(k)).length,
      ngoInstitutionAdded: added.filter(mixed).length,
      ngoInstitutionRemoved: removed.filter(mixed).length,
      addedUnseenBefore: added.filter((k) => unseen(k, from.id)).length,
      removedUnseenAfter: removed.filter((k) => unseen(k, to.id)).length,
    };
  });

  const meetingEvents = new Set(
    dataset.events.filter((e) => MEETING_EVENT_TYPES.includes(e.type ?? '')).map((e) => e.id),
  );
  const byEvent = new Map<string, string[]>();
  for (const a of dataset.attendance) {
    if (meetingEvents.has(a.event)) byEvent.set(a.event, [...(byEvent.get(a.event) ?? []), a.organization]);
  }
  const coAttendees = new Set<string>();
  for (const present of byEvent.values()) {
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++)
        coAttendees.add(undirectedKey(present[i] ?? '', present[j] ?? ''));
    }
  }
  const first = pairsByWave.get(dataset.waves[0]?.id ?? '') ?? new Map();
  const last = pairsByWave.get(dataset.waves.at(-1)?.id ?? '') ?? new Map();
  const effect = {
    coAttendeePairs: 0,
    coAttendeeNewTies: 0,
    otherPairs: 0,
    otherNewTies: 0,
    ngoInstitutionNewTies: 0,
    ngoInstitutionCoAttendeeNewTies: 0,
  };
  const ids = dataset.organizations.map((o) => o.id);
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const key = undirectedKey(ids[i] ?? '', ids[j] ?? '');
      if (first.has(key)) continue;
      const isNew = last.has(key) ? 1 : 0;
      if (mixed(key)) {
        effect.ngoInstitutionNewTies += isNew;
        if (coAttendees.has(key)) effect.ngoInstitutionCoAttendeeNewTies += isNew;
      }
      if (coAttendees.has(key)) {
        effect.coAttendeePairs++;
        effect.coAttendeeNewTies += isNew;
      } else {
        effect.otherPairs++;
        effect.otherNewTies += isNew;
      }
    }
  }

  return {
    organizations: dataset.organizations.length,
    ngos: dataset.organizations.filter((o) => o.kind === 'ngo').length,
    institutions: dataset.organizations.filter((o) => o.kind === 'institution').length,
    byCity,
    byType,
    refugeeLed: dataset.organizations.filter((o) => o.refugeeLed === true).length,
    events: dataset.events.length,
    attendance: dataset.attendance.length,
    waves,
    changes,
    meetingEffect: effect,
  };
}
