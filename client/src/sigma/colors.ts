/**
 * Node colours for the chosen colouring and the legend that explains them (what the map shows, what
 * the PNG export draws and what the table's colour dots mean).
 */
import type { UnionGraph } from '../core/network';
import type { ColorBy } from '../core/view';
import { INSTITUTION_TYPE_COLOURS } from '../../../server/domain/palette';
import { categoryColors, categoryOf } from './palette';

export interface LegendCategory {
  category: string;
  color: string;
  /** Shape of the swatch: the kind when every member of the category has the same kind. */
  shape: 'circle' | 'square' | 'mixed';
  count: number;
}

export interface NodeColoring {
  colors: Map<string, string>;
  legend: LegendCategory[];
}

// The fixed types in the palette's order; types outside it follow, most frequent first.
const TYPE_ORDER = [
  'ngo',
  ...Object.keys(INSTITUTION_TYPE_COLOURS).map((type) => `institution:${type}`),
  'institution:other',
];

function orderCategories(colorBy: ColorBy, counts: Map<string, number>): string[] {
  const categories = [...counts.keys()];
  if (colorBy === 'kind')
    return categories.sort((a, b) => (a === 'ngo' ? -1 : b === 'ngo' ? 1 : a.localeCompare(b)));
  if (colorBy === 'type') {
    const rank = (c: string): number => (TYPE_ORDER.includes(c) ? TYPE_ORDER.indexOf(c) : TYPE_ORDER.length);
    return categories.sort(
      (a, b) => rank(a) - rank(b) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b),
    );
  }
  if (colorBy === 'community') {
    // Largest communities take the palette's colours; the rest are grey.
    return categories.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || Number(a) - Number(b));
  }
  return categories.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'tr')));
}

export function colorNodes(
  graph: UnionGraph,
  colorBy: ColorBy,
  communities: ReadonlyMap<string, number>,
): NodeColoring {
  const categoryByNode = new Map<string, string>();
  const counts = new Map<string, number>();
  const kinds = new Map<string, Set<string>>();
  graph.forEachNode((id, attributes) => {
    const category = categoryOf(colorBy, {
      kind: attributes.kind,
      type: attributes.type,
      city: attributes.city,
      community: communities.get(id) ?? null,
    });
    categoryByNode.set(id, category);
    counts.set(category, (counts.get(category) ?? 0) + 1);
    const set = kinds.get(category) ?? new Set<string>();
    set.add(attributes.kind);
    kinds.set(category, set);
  });
  const ordered = orderCategories(colorBy, counts);
  const palette = categoryColors(colorBy, ordered);
  const colors = new Map<string, string>();
  for (const [id, category] of categoryByNode) colors.set(id, palette.get(category)!);
  const legend = ordered.map((category) => {
    const members = kinds.get(category) ?? new Set<string>();
    const shape: LegendCategory['shape'] =
      members.size === 1 ? (members.has('institution') ? 'square' : 'circle') : 'mixed';
    return { category, color: palette.get(category)!, shape, count: counts.get(category) ?? 0 };
  });
  return { colors, legend };
}
