/**
 * Node categories of the report's maps. The colours are Köprü's one palette (../palette.ts), the same as
 * the map's: all NGOs share one colour (orange); each public institution type has its fixed colour, the
 * most frequent type outside the fixed list the spare hue, and the rest (and institutions without a type)
 * share "other institution" (grey).
 */
import { institutionTypeColours, NEUTRAL, NGO_COLOUR } from '../palette.js';
import type { Organization } from '../types.js';

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

/** Categories of these organizations, NGOs first, then institution types by count (ties by name), then other. */
export function nodeCategories(
  organizations: readonly Pick<Organization, 'kind' | 'type'>[],
): NodeCategories {
  const typeCounts = new Map<string, number>();
  for (const org of organizations) {
    if (org.kind === 'institution' && org.type) typeCounts.set(org.type, (typeCounts.get(org.type) ?? 0) + 1);
  }
  const ranked = [...typeCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // A type shown in grey joins the shared "other institution" bucket rather than being listed alone.
  const colourOfType = new Map(
    [...institutionTypeColours(ranked.map(([type]) => type))].filter(([, colour]) => colour !== NEUTRAL),
  );
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
      colour: NEUTRAL,
      count: counts.get('institution:other')!,
    });
  }
  const colours = new Map(categories.map((c) => [c.id, c.colour]));
  return { categories, of, colourOf: (org) => colours.get(of(org))! };
}
