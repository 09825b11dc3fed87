/**
 * Köprü's one palette, shared by the map (client/src/sigma/palette.ts) and the report
 * (server/domain/report/palette.ts), so an organization has the same colour on screen and on paper.
 *
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"; Wong 2011, "Points of view: Color
 * blindness", Nature Methods 8:441) stays distinguishable with the common colour-vision deficiencies and
 * in greyscale print by lightness. Colour is never the only cue: institutions are squares and NGOs
 * circles, removed ties are dashed in the report, and charts carry value labels.
 */
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

/** Whatever has no colour of its own: "other" institutions, organizations without a city or community. */
export const NEUTRAL = '#8a8f98';

/** All NGOs share one colour; institutions are told apart by type. */
export const NGO_COLOUR = OKABE_ITO.orange;

/**
 * The institution types of the data format in a fixed order, each with a fixed colour, so a type keeps
 * its colour whatever a dataset holds (and in every wave, map and report).
 */
export const INSTITUTION_TYPE_COLOURS: Readonly<Record<string, string>> = {
  metropolitan_municipality: OKABE_ITO.blue,
  district_municipality: OKABE_ITO.skyBlue,
  district_governorship: OKABE_ITO.bluishGreen,
  provincial_migration_management: OKABE_ITO.reddishPurple,
  social_service_centre: OKABE_ITO.vermillion,
  employment_agency: OKABE_ITO.black,
};

/** The one hue no fixed type or NGO uses: the most frequent type outside the fixed list gets it. */
const SPARE_TYPE_COLOUR = OKABE_ITO.yellow;

/**
 * The colour of each institution type, given the types present ranked by how many institutions have
 * them (most first). Fixed types keep their colour; the most frequent other type gets the spare hue;
 * the rest (and `other`) are NEUTRAL — more hues than these are not told apart anyway.
 */
export function institutionTypeColours(rankedTypes: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>();
  let spareUsed = false;
  for (const type of rankedTypes) {
    const fixed = INSTITUTION_TYPE_COLOURS[type];
    if (fixed) colours.set(type, fixed);
    else if (type !== 'other' && !spareUsed) {
      colours.set(type, SPARE_TYPE_COLOUR);
      spareUsed = true;
    } else colours.set(type, NEUTRAL);
  }
  return colours;
}

/** Ties in diff mode and in the report's change map. */
export const DIFF_COLOURS = {
  added: OKABE_ITO.bluishGreen,
  removed: OKABE_ITO.vermillion,
  stable: '#b4bac2',
  // Near-black rather than a hue: every blue is taken by institutions, and the pale node colours of
  // diff mode make a dark tie stand out.
  strengthened: '#2b2f36',
  weakened: OKABE_ITO.reddishPurple,
} as const;

/** Series of the charts (one per wave), in order. */
export const SERIES_COLOURS = [
  OKABE_ITO.skyBlue,
  OKABE_ITO.blue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.orange,
  OKABE_ITO.reddishPurple,
] as const;
