/**
 * Whom to introduce an organization to: candidates it has no tie with, ranked by evidence that the
 * two would work well together. Neighbourhood link prediction (Adamic & Adar 2003; Liben-Nowell &
 * Kleinberg 2007) only helps organizations that already have partners, so it is combined with what
 * the records say about isolates too: place, field of work, events attended together, and, for
 * NGO–institution pairs, how many NGOs of the same field the institution already works with.
 *
 * Score of introducing u to v (each term 0 when it does not apply):
 *
 *   score = AA(u, v)                                   Adamic–Adar over the wave's ties
 *         + 1                 if same city
 *         + 1                 if they share a declared focus area
 *         + ln(1 + R)         for an NGO–institution pair: R = the institution's NGO partners (other
 *                             than the NGO) sharing a focus area with the NGO
 *         + min(2, Σ w(e))    over events both attended: w = 1 for consultation and cooperation
 *                             meetings, 0.5 for any other event
 *
 * Events count whatever their date: having met, before or after the survey, is what makes an
 * introduction easy. Partners are excluded by every tie reported in the wave, even one-sided ones
 * that `reciprocated` mode does not count: those two already know each other.
 *
 * Only candidates with a positive score are suggested, so none is proposed without a stated reason.
 * Order: score descending (compared at 1e-9 so equal evidence ties exactly), then id. For an NGO with
 * no tie to any institution, the best-scoring institution, if any, is moved to the first place: the
 * project exists to build NGO–institution cooperation.
 */
import { compareIds } from '../metrics/context.js';
import type { Neighborhoods } from './neighborhoods.js';
import { adamicAdarIndex, commonNeighbors } from './adamic-adar.js';
import {
  KIND_WORDS,
  eventTypeWords,
  focusWords,
  formatDate,
  joinList,
  matchKey,
  normalizeEventType,
  quote,
  upperFirst,
  type Locale,
  type LocalizedText,
} from './text.js';
import { SUGGESTION_REASON_CODES } from './types.js';
import type { IntroductionSuggestion, SuggestionReasonCode } from './types.js';
import type { Attendance, Organization, ProjectEvent } from '../types.js';

/** Points of each kind of evidence; see the formula above. */
export const SCORE_WEIGHTS = {
  sameCity: 1,
  sharedFocus: 1,
  /** Multiplies ln(1 + R). */
  institutionReach: 1,
  /** Per event both attended. */
  coAttendanceMeeting: 1,
  coAttendanceOther: 0.5,
  /** Most points co-attendance can give: meeting often is not worth more than a shared partner or two. */
  coAttendanceCap: 2,
} as const;

/** Event types whose co-attendance weighs most: they are where cooperation is negotiated. */
export const MEETING_EVENT_TYPES: readonly string[] = ['consultation_meeting', 'cooperation_meeting'];

/** Names listed in a reason before `and N more`. */
const MAX_NAMES = 3;
const MAX_EVENTS = 2;

export interface SuggestionInput {
  /** Organizations in dataset order. */
  organizations: readonly Organization[];
  events: readonly ProjectEvent[];
  attendance: readonly Attendance[];
  /** Ties of the analysed wave and mode, undirected: the evidence. */
  neighborhoods: Neighborhoods;
  /** Every tie reported in the wave by either side: these pairs already know each other. */
  partners: Neighborhoods;
}

export interface SuggestOptions {
  maxSuggestions: number;
  /** Put the best institution first (for an NGO with no institution tie). */
  preferInstitution: boolean;
}

export type Suggester = (organizationId: string, options: SuggestOptions) => IntroductionSuggestion[];

interface Profile {
  org: Organization;
  cityKey: string;
  /** Focus match key → the area in words, in the organization's own order. */
  focus: Map<string, LocalizedText>;
  events: Set<string>;
}

/** Texts are written only for the suggestions kept: most candidates are scored and dropped. */
interface ScoredReason {
  code: SuggestionReasonCode;
  points: number;
  /** For `… because <clause>`. */
  clause: () => LocalizedText;
  /** The clause opens with a name from the data, which keeps its own capitalisation. */
  startsWithName: boolean;
}

interface Candidate {
  id: string;
  score: number;
  rankScore: number;
  reasons: ScoredReason[];
}

/** Indexes the dataset once; the returned function ranks candidates for one organization. */
export function createSuggester(input: SuggestionInput): Suggester {
  const profiles = new Map<string, Profile>();
  for (const org of input.organizations) {
    const focus = new Map<string, LocalizedText>();
    for (const label of org.focus) {
      const key = matchKey(label);
      if (key && !focus.has(key)) focus.set(key, focusWords(label));
    }
    profiles.set(org.id, { org, cityKey: matchKey(org.city ?? ''), focus, events: new Set() });
  }
  const events = new Map(input.events.map((event) => [event.id, event]));
  const eventWeight = new Map(
    input.events.map((event) => [
      event.id,
      MEETING_EVENT_TYPES.includes(normalizeEventType(event.type))
        ? SCORE_WEIGHTS.coAttendanceMeeting
        : SCORE_WEIGHTS.coAttendanceOther,
    ]),
  );
  const attendees = new Map<string, Set<string>>();
  for (const { organization, event } of input.attendance) {
    const profile = profiles.get(organization);
    if (!profile || !events.has(event)) continue;
    profile.events.add(event);
    let set = attendees.get(event);
    if (!set) attendees.set(event, (set = new Set()));
    set.add(organization);
  }
  const byCity = groupBy(profiles, (p) => (p.cityKey ? [p.cityKey] : []));
  const byFocus = groupBy(profiles, (p) => [...p.focus.keys()]);

  const profileOf = (id: string): Profile => profiles.get(id) as Profile;
  const neighboursOf = (id: string): ReadonlySet<string> => input.neighborhoods.get(id) ?? new Set();

  /** Everyone with a chance of a positive score: a cheap superset, scored exactly afterwards. */
  function candidatesOf(u: Profile): Set<string> {
    const found = new Set<string>();
    for (const w of neighboursOf(u.org.id)) for (const v of neighboursOf(w)) found.add(v);
    for (const v of byCity.get(u.cityKey) ?? []) found.add(v);
    for (const key of u.focus.keys()) {
      for (const w of byFocus.get(key) ?? []) {
        found.add(w);
        // An NGO of the same field brings in the institutions it works with (reach).
        if (u.org.kind === 'ngo' && profileOf(w).org.kind === 'ngo') {
          for (const v of neighboursOf(w)) if (profileOf(v).org.kind === 'institution') found.add(v);
        }
      }
    }
    if (u.org.kind === 'institution') {
      for (const w of neighboursOf(u.org.id)) {
        if (profileOf(w).org.kind !== 'ngo') continue;
        for (const key of profileOf(w).focus.keys()) for (const v of byFocus.get(key) ?? []) found.add(v);
      }
    }
    for (const event of u.events) for (const v of attendees.get(event) ?? []) found.add(v);
    const known = input.partners.get(u.org.id);
    found.delete(u.org.id);
    for (const v of known ?? []) found.delete(v);
    return found;
  }

  function evaluate(u: Profile, v: Profile, preferInstitution: boolean): Candidate {
    const reasons: ScoredReason[] = [];

    const shared = commonNeighbors(input.neighborhoods, u.org.id, v.org.id);
    if (shared.length > 0) {
      // Least-connected first: they are what makes the Adamic–Adar index high.
      const names = (): string[] =>
        shared
          .map((id) => ({ name: profileOf(id).org.name, id, degree: neighboursOf(id).size }))
          .sort((a, b) => a.degree - b.degree || compareText(a.name, b.name) || compareIds(a.id, b.id))
          .map((w) => w.name);
      const n = shared.length;
      reasons.push(
        reason('shared_partners', adamicAdarIndex(input.neighborhoods, u.org.id, v.org.id), () => ({
          en: `they have ${n} ${n === 1 ? 'partner' : 'partners'} in common: ${list(names(), 'en', 'kuruluş')}`,
          tr: `ikisinin de işbirliği yaptığı ${n} kuruluş var: ${list(names(), 'tr', 'kuruluş')}`,
        })),
      );
    }

    const ngo = u.org.kind === 'ngo' ? u : v.org.kind === 'ngo' ? v : undefined;
    const institution = u.org.kind === 'institution' ? u : v.org.kind === 'institution' ? v : undefined;
    if (ngo && institution && ngo.focus.size > 0) {
      const areas = new Set<string>();
      let reach = 0;
      for (const w of neighboursOf(institution.org.id)) {
        const other = profileOf(w);
        if (w === ngo.org.id || other.org.kind !== 'ngo') continue;
        let matched = false;
        for (const key of other.focus.keys()) {
          if (!ngo.focus.has(key)) continue;
          matched = true;
          areas.add(key);
        }
        if (matched) reach += 1;
      }
      if (reach > 0) {
        const labels = [...ngo.focus].filter(([key]) => areas.has(key)).map(([, words]) => words);
        const name = institution.org.name;
        reasons.push(
          reason(
            'institution_reach',
            SCORE_WEIGHTS.institutionReach * Math.log(1 + reach),
            () => {
              const join = (locale: Locale): string =>
                joinList(
                  labels.map((label) => label[locale]),
                  locale,
                  { max: MAX_NAMES, moreNoun: 'alan', or: true },
                );
              const field = labels.length === 1 ? 'alanında' : 'alanlarında';
              return {
                en: `${name} already works with ${reach} ${reach === 1 ? 'NGO' : 'NGOs'} focused on ${join('en')}`,
                tr: `${name} halihazırda ${join('tr')} ${field} çalışan ${reach} STK ile işbirliği yapıyor`,
              };
            },
            true,
          ),
        );
      }
    }

    const together = [...u.events]
      .filter((id) => v.events.has(id))
      .map((id) => events.get(id) as ProjectEvent);
    if (together.length > 0) {
      const weight = (e: ProjectEvent): number => eventWeight.get(e.id) as number;
      // Meetings first, then the most recent: what a coordinator is most likely to remember.
      together.sort((a, b) => weight(b) - weight(a) || compareIds(b.date, a.date) || compareIds(a.id, b.id));
      const points = Math.min(
        SCORE_WEIGHTS.coAttendanceCap,
        together.reduce((sum, e) => sum + weight(e), 0),
      );
      reasons.push(reason('co_attendance', points, () => coAttendanceClause(together)));
    }

    if (u.cityKey && u.cityKey === v.cityKey) {
      const city = (u.org.city ?? '').trim();
      reasons.push(
        reason('same_city', SCORE_WEIGHTS.sameCity, () => ({
          en: `both are in ${city}`,
          tr: `ikisi de aynı şehirde: ${city}`,
        })),
      );
    }

    const focus = [...u.focus].filter(([key]) => v.focus.has(key)).map(([, words]) => words);
    if (focus.length > 0) {
      reasons.push(
        reason('shared_focus', SCORE_WEIGHTS.sharedFocus, () => {
          const en = list(
            focus.map((f) => f.en),
            'en',
            'alan',
          );
          const tr = list(
            focus.map((f) => f.tr),
            'tr',
            'alan',
          );
          return {
            en: `both work on ${en}`,
            tr: `ikisi de aynı ${focus.length === 1 ? 'alanda' : 'alanlarda'} çalışıyor: ${tr}`,
          };
        }),
      );
    }

    const total = reasons.reduce((sum, r) => sum + r.points, 0);
    if (total > 0 && preferInstitution && v.org.kind === 'institution') {
      reasons.push(
        reason('first_institution_tie', 0, () => ({
          en: `it would be ${u.org.name}’s first tie to a ${KIND_WORDS.institution.en}`,
          tr: `bu, ${u.org.name} için bir ${KIND_WORDS.institution.tr} ile ilk işbirliği bağı olur`,
        })),
      );
    }
    reasons.sort(
      (a, b) => reasonRank(a) - reasonRank(b) || b.points - a.points || codeRank(a.code) - codeRank(b.code),
    );
    return { id: v.org.id, score: total, rankScore: Math.round(total * 1e9) / 1e9, reasons };
  }

  return (organizationId, options) => {
    const u = profiles.get(organizationId);
    if (!u || options.maxSuggestions <= 0) return [];
    const ranked = [...candidatesOf(u)]
      .map((id) => evaluate(u, profileOf(id), options.preferInstitution))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.rankScore - a.rankScore || compareIds(a.id, b.id));
    if (options.preferInstitution) {
      const best = ranked.findIndex((c) => profileOf(c.id).org.kind === 'institution');
      if (best > 0) ranked.unshift(...ranked.splice(best, 1));
    }
    return ranked.slice(0, options.maxSuggestions).map(({ id, score, reasons }) => {
      const v = profileOf(id).org;
      const clauses = reasons.map((r) => r.clause());
      return {
        id: v.id,
        name: v.name,
        kind: v.kind,
        score: Math.round(score * 1e4) / 1e4,
        text: {
          en: `Introduce ${u.org.name} to ${v.name} because ${clauses.map((c) => c.en).join('; ')}.`,
          tr: `${u.org.name} ile ${v.name} tanıştırılabilir, çünkü ${clauses.map((c) => c.tr).join('; ')}.`,
        },
        reasons: reasons.map((r, i) => ({
          code: r.code,
          text: sentence(clauses[i] as LocalizedText, r.startsWithName),
        })),
      };
    });
  };
}

/** Both attended: one event in full, several as a short list. */
function coAttendanceClause(together: readonly ProjectEvent[]): LocalizedText {
  const [first] = together as [ProjectEvent];
  if (together.length === 1) {
    const words = eventTypeWords(first.type);
    return {
      en: `both attended the ${words.en} ${quote(first.name)} on ${formatDate(first.date, 'en')}`,
      tr: `ikisi de ${formatDate(first.date, 'tr')} tarihli ${words.trDative} katıldı: ${quote(first.name)}`,
    };
  }
  const en = together.map(
    (e) => `the ${eventTypeWords(e.type).en} ${quote(e.name)} on ${formatDate(e.date, 'en')}`,
  );
  const tr = together.map(
    (e) => `${formatDate(e.date, 'tr')} tarihli ${quote(e.name)} (${eventTypeWords(e.type).tr})`,
  );
  return {
    en: `both attended ${together.length} events: ${joinList(en, 'en', { max: MAX_EVENTS, moreNoun: 'etkinlik' })}`,
    tr: `ikisi de ${together.length} etkinliğe katıldı: ${joinList(tr, 'tr', { max: MAX_EVENTS, moreNoun: 'etkinlik' })}`,
  };
}

function reason(
  code: SuggestionReasonCode,
  points: number,
  clause: () => LocalizedText,
  startsWithName = false,
): ScoredReason {
  return { code, points, clause, startsWithName };
}

/** A clause as a reason's own text: capitalised, without a final full stop, like the organizations' reasons. */
function sentence(clause: LocalizedText, startsWithName: boolean): LocalizedText {
  if (startsWithName) return clause;
  return { en: upperFirst(clause.en, 'en'), tr: upperFirst(clause.tr, 'tr') };
}

function list(items: readonly string[], locale: Locale, moreNoun: string): string {
  return joinList(items, locale, { max: MAX_NAMES, moreNoun });
}

/** The "first institution tie" reason leads: it is why that suggestion is first. */
function reasonRank(r: ScoredReason): number {
  return r.code === 'first_institution_tie' ? 0 : 1;
}

function codeRank(code: SuggestionReasonCode): number {
  return SUGGESTION_REASON_CODES.indexOf(code);
}

function groupBy(
  profiles: ReadonlyMap<string, Profile>,
  keys: (p: Profile) => string[],
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [id, profile] of profiles) {
    for (const key of keys(profile)) {
      const group = groups.get(key);
      if (group) group.push(id);
      else groups.set(key, [id]);
    }
  }
  return groups;
}

const COLLATOR = new Intl.Collator('tr');

/** Names as a Turkish reader expects them (Ç after C, İ after I). */
export function compareText(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}

/** Ids by code unit: the same order on every machine and locale. */
