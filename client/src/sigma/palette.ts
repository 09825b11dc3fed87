/**
 * Colours of the map: Köprü's one palette (server/domain/palette.ts, shared with the report), plus what
 * only the map needs (faded and highlighted states, the cycle for cities and communities). Kind is also
 * encoded by shape (NGO circle, institution square) so the map does not rely on colour alone.
 */
import {
  DIFF_COLOURS,
  institutionTypeColours,
  NEUTRAL,
  NGO_COLOUR,
  OKABE_ITO,
} from '../../../server/domain/palette';
import type { ColorBy } from '../core/view';

export { OKABE_ITO, NEUTRAL } from '../../../server/domain/palette';

export const FADED_NODE = '#d9dce1';
export const EDGE_COLOR = '#9aa3ad';
export const EDGE_HIGHLIGHT = '#3d4652';

export const KIND_COLORS: Record<string, string> = {
  ngo: NGO_COLOUR,
  institution: OKABE_ITO.blue,
};

/** For categories without a fixed colour (communities, cities), in order of first use. */
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

export const DIFF_COLORS = DIFF_COLOURS;

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
  const typeColours = institutionTypeColours(
    categories.filter((c) => c.startsWith('institution:')).map((c) => c.slice('institution:'.length)),
  );
  for (const category of categories) {
    if (category === '') {
      colors.set(category, NEUTRAL);
      continue;
    }
    if (colorBy === 'kind') colors.set(category, KIND_COLORS[category] ?? cycled());
    else if (colorBy === 'type') {
      if (category === 'ngo') colors.set(category, NGO_COLOUR);
      else colors.set(category, typeColours.get(category.slice('institution:'.length)) ?? NEUTRAL);
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
