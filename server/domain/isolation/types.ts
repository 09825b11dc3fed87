/**
 * Result shape of the isolation analysis (`findIsolated`): isolated and peripheral organizations of
 * one wave, why each is listed, and whom to introduce it to. Every explanation carries a stable
 * `code` for programs and a plain sentence in English and Turkish for coordinators.
 */
import type { AnalysisMode, OrganizationKind } from '../types.js';
import type { LocalizedText } from './text.js';

export type { LocalizedText } from './text.js';

/** Why an organization is listed, most severe first. */
export const ISOLATION_REASON_CODES = [
  'isolate',
  'pendant',
  'no_institution_tie',
  'outside_largest_component',
  'lowest_k_core',
] as const;
export type IsolationReasonCode = (typeof ISOLATION_REASON_CODES)[number];

/** Why an introduction is suggested; also the order reasons are shown in when they weigh the same. */
export const SUGGESTION_REASON_CODES = [
  'first_institution_tie',
  'shared_partners',
  'institution_reach',
  'co_attendance',
  'same_city',
  'shared_focus',
] as const;
export type SuggestionReasonCode = (typeof SUGGESTION_REASON_CODES)[number];

export interface IsolationReason {
  code: IsolationReasonCode;
  text: LocalizedText;
}

export interface SuggestionReason {
  code: SuggestionReasonCode;
  text: LocalizedText;
}

export interface IntroductionSuggestion {
  id: string;
  name: string;
  kind: OrganizationKind;
  /** Sum of the evidence points (see suggestions.ts), rounded to 4 decimals. Always > 0. */
  score: number;
  /** `Introduce X to Y because …`. */
  text: LocalizedText;
  reasons: SuggestionReason[];
}

export interface IsolatedOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
  city: string | null;
  type: string | null;
  focus: string[];
  /** Number of distinct partners in the wave (in either direction; only confirmed ties in `reciprocated`). */
  degree: number;
  reasons: IsolationReason[];
  suggestions: IntroductionSuggestion[];
}

export interface IsolationResult {
  wave: string;
  mode: AnalysisMode;
  organizations: IsolatedOrganization[];
}
