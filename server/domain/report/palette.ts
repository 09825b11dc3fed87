/**
 * Colours of the report: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"; Wong 2011,
 * "Points of view: Color blindness", Nature Methods 8:441), distinguishable with the common forms of colour
 * blindness and in greyscale print by lightness. Colour is never the only cue: institutions are squares
 * and NGOs circles on the maps, removed ties are dashed, and every chart has value labels.
 *
 * Node categories: all NGOs share one colour (orange); public institutions are coloured by `type`, the
 * six most frequent types getting their own colour and the rest (and institutions without a type)
 * sharing "other institution" (black).
 */
import type { Organization } from '../types.js';

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

export const NGO_COLOUR = OKABE_ITO.orange;
export const OTHER_INSTITUTION_COLOUR = OKABE_ITO.black;
const INSTITUTION_COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.skyBlue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
];

/** Diff map and two-series charts. */
export const TIE_COLOURS = {
  added: OKABE_ITO.bluishGreen,
  removed: OKABE_ITO.vermillion,
  stable: '#9a9a9a',
} as const;
export const SERIES_COLOURS = [OKABE_ITO.skyBlue, OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.reddishPurple];

export interface NodeCategory {
  /** `ngo`, `institution:<type>` or `institution:other`. */
  id: string;
  kind: Organization['kind'];
  /** The institution type, or null for NGOs and "other institution". */
  type: string | null;
  colour: string;
  count: number;
}

export interface NodeCategories {
  categories: NodeCategory[];
  /** Category id of each organization. */
  of: (org: Pick<Organization, 'kind' | 'type'>) => string;
  colourOf: (org: Pick<Organization, 'kind' | 'type'>) => string;
}

/** Categories of these organizations, NGOs first, then institution types by count (ties by name). */
export function nodeCategories(
  organizations: readonly Pick<Organization, 'kind' | 'type'>[],
): NodeCategories {
  const typeCounts = new Map<string, number>();
  for (const org of organizations) {
    if (org.kind === 'institution' && org.type) typeCounts.set(org.type, (typeCounts.get(org.type) ?? 0) + 1);
  }
  const ranked = [...typeCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // "other" is a type in many datasets; it joins the shared bucket rather than taking a colour.
  const coloured = ranked.filter(([type]) => type !== 'other').slice(0, INSTITUTION_COLOURS.length);
  const colourOfType = new Map(coloured.map(([type], index) => [type, INSTITUTION_COLOURS[index]!]));
  const of = (org: Pick<Organization, 'kind' | 'type'>): string => {
    if (org.kind === 'ngo') return 'ngo';
    return org.type !== undefined && colourOfType.has(org.type)
      ? `institution:${org.type}`
      : 'institution:other';
  };
  const counts = new Map<string, number>();
  for (const org of organizations) counts.set(of(org), (counts.get(of(org)) ?? 0) + 1);

  const categories: NodeCategory[] = [];
  if (counts.has('ngo')) {
    categories.push({ id: 'ngo', kind: 'ngo', type: null, colour: NGO_COLOUR, count: counts.get('ngo')! });
  }
  for (const [type, colour] of colourOfType) {
    const id = `institution:${type}`;
    categories.push({ id, kind: 'institution', type, colour, count: counts.get(id)! });
  }
  if (counts.has('institution:other')) {
    categories.push({
      id: 'institution:other',
      kind: 'institution',
      type: null,
      colour: OTHER_INSTITUTION_COLOUR,
      count: counts.get('institution:other')!,
    });
  }
  const colours = new Map(categories.map((c) => [c.id, c.colour]));
  return { categories, of, colourOf: (org) => colours.get(of(org))! };
}
