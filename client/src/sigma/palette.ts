/**
 * Colours of the map, from the Okabe–Ito palette (Okabe & Ito 2008), which stays distinguishable with
 * the common colour-vision deficiencies. Kind is also encoded by shape (NGO circle, institution square)
 * so the map does not rely on colour alone. Diff colours: added bluish green, removed vermillion,
 * stable light grey, strengthened near-black, weakened reddish purple.
 */
import type { ColorBy } from '../core/view';

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const NEUTRAL = '#8a8f98';
export const FADED_NODE = '#d9dce1';
export const EDGE_COLOR = '#9aa3ad';
export const EDGE_HIGHLIGHT = '#3d4652';

export const KIND_COLORS: Record<string, string> = {
  ngo: OKABE_ITO.orange,
  institution: OKABE_ITO.blue,
};

/** Institution types in a fixed order, so a type keeps its colour whatever the data holds. */
export const INSTITUTION_TYPE_COLORS: Record<string, string> = {
  metropolitan_municipality: OKABE_ITO.blue,
  district_municipality: OKABE_ITO.skyBlue,
  district_governorship: OKABE_ITO.bluishGreen,
  provincial_migration_management: OKABE_ITO.reddishPurple,
  social_service_centre: OKABE_ITO.vermillion,
  employment_agency: OKABE_ITO.black,
  other: NEUTRAL,
};

/** For categories without a fixed colour (communities, cities, unknown types), in order of first use. */
export const CYCLE = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
  OKABE_ITO.black,
] as const;

/** How far organizations fade towards white in diff mode, where the ties carry the message. */
export const DIFF_NODE_FADE = 0.45;

export const DIFF_COLORS = {
  added: OKABE_ITO.bluishGreen,
  removed: OKABE_ITO.vermillion,
  stable: '#b4bac2',
  // Near-black rather than a hue: every blue is taken by institutions, and the pale node colours of
  // diff mode make a dark tie stand out.
  strengthened: '#2b2f36',
  weakened: OKABE_ITO.reddishPurple,
} as const;

/** Node category for a colouring: what the legend lists and the colour looks up. */
export interface NodeCategorySubject {
  kind: string;
  type: string | null;
  city: string | null;
  community: number | null;
}

export function categoryOf(colorBy: ColorBy, subject: NodeCategorySubject): string {
  switch (colorBy) {
    case 'kind':
      return subject.kind;
    case 'type':
      // NGOs are one category here: the point of this colouring is to tell institutions apart.
      return subject.kind === 'institution' ? `institution:${subject.type ?? 'other'}` : 'ngo';
    case 'city':
      return subject.city ?? '';
    case 'community':
      return subject.community === null ? '' : String(subject.community);
  }
}

/**
 * The colour of every category of one colouring, given the categories present (in display order).
 * Cycled colours beyond the palette fall back to grey: more than eight hues are not told apart anyway.
 */
export function categoryColors(colorBy: ColorBy, categories: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  let next = 0;
  const cycled = (): string => (next < CYCLE.length ? CYCLE[next++]! : NEUTRAL);
  for (const category of categories) {
    if (category === '') {
      colors.set(category, NEUTRAL);
      continue;
    }
    if (colorBy === 'kind') colors.set(category, KIND_COLORS[category] ?? cycled());
    else if (colorBy === 'type') {
      if (category === 'ngo') colors.set(category, OKABE_ITO.orange);
      else colors.set(category, INSTITUTION_TYPE_COLORS[category.slice('institution:'.length)] ?? NEUTRAL);
    } else colors.set(category, cycled());
  }
  return colors;
}

/** A colour mixed towards white, for faded organizations and ties. */
export function fade(hex: string, amount = 0.75): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const mix = (channel: number): number => Math.round(channel + (255 - channel) * amount);
  const r = mix((value >> 16) & 255);
  const g = mix((value >> 8) & 255);
  const b = mix(value & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}
