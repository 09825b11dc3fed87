/**
 * Builds a public release: the aggregated, anonymised view of the cooperation network that may be
 * shown to anyone. Statistical disclosure control on a network (Hundepool et al. 2012, "Statistical
 * Disclosure Control", ch. 5 on tabular data: minimum cell size, rounding; OCHA Data Responsibility
 * Guidelines 2021: aggregate before sharing):
 *
 * 1. Cells. Each organization falls in one category cell: city × kind × group, the group being the
 *    institution's `type` or the NGO's primary (first listed) `focus` ("unspecified" when empty).
 * 2. Minimum size k = 5. A cell with fewer than 5 organizations is merged into its city's "other"
 *    cell of the same kind; an "other" cell that still has fewer than 5 is hidden: its organizations
 *    appear nowhere in the release (not in counts, ties or names).
 * 3. Rounding. Every published count is rounded to the nearest multiple of 5, halves up
 *    (7 → 5, 8 → 10, 12 → 10, 13 → 15).
 * 4. Ties, per wave. A tie is a pair of organizations of published cells with a tie reported by either
 *    side in the wave (the undirected reading). Per pair of cells (and within a cell) and per cell,
 *    counts below 5 are suppressed (not published); the others are rounded. The change between
 *    consecutive waves is published per cell only, computed from the rounded counts.
 * 5. Names only of organizations that opted in (`public_name` true) and belong to a published cell;
 *    an individual tie only when both ends opted in.
 * 6. Fresh ids: every cell and every named organization gets a new random id in each release, never
 *    the internal id, so releases cannot be joined on ids.
 *
 * The release is built field by field from the categories above; no other attribute is read, which
 * `assertPublic` checks against the attribute schema at load time.
 */
import type { Dataset, Organization, OrganizationKind, Tie } from '../types.js';
import { isPublicAttribute } from './attribute-schema.js';
import { readOptIns } from './opt-in.js';

/** Minimum number of organizations in a published cell, and of ties in a published tie count. */
export const MIN_CELL_SIZE = 5;
/** Every published count is a multiple of this. */
export const ROUNDING_BASE = 5;

export const PUBLIC_RELEASE_TYPE = 'kopru-public-release';
export const PUBLIC_RELEASE_VERSION = 1;

/** The group label of an empty type, focus or city. */
export const UNSPECIFIED = 'unspecified';

// The categories the cells are made of must all be public in the schema.
for (const attribute of ['city', 'kind', 'type', 'focus']) {
  if (!isPublicAttribute(attribute))
    throw new Error(`public release groups by private attribute ${attribute}`);
}

export interface PublicWaveTies {
  wave: string;
  /** Ties with at least one end in the cell, rounded; null when fewer than 5 (suppressed). */
  ties: number | null;
}

export interface PublicWaveChange {
  from: string;
  to: string;
  /** Rounded `to` minus rounded `from`; null when either is suppressed. */
  change: number | null;
}

export interface PublicName {
  id: string;
  name: string;
}

export interface PublicCell {
  id: string;
  city: string;
  kind: OrganizationKind;
  /** Institution type or NGO primary focus; null for the merged "other" cell of a city and kind. */
  group: string | null;
  /** True for the merged "other" cell. */
  merged: boolean;
  /** Organizations in the cell, rounded to a multiple of 5. */
  count: number;
  /** Organizations of the cell that opted in, by name. */
  names: PublicName[];
  waves: PublicWaveTies[];
  changes: PublicWaveChange[];
}

export interface PublicLink {
  /** Cell ids; equal for ties within one cell. */
  source: string;
  target: string;
  wave: string;
  /** Ties between the two cells in the wave, rounded; links under 5 ties are not published. */
  ties: number;
}

export interface PublicNamedTie {
  /** Ids of `PublicName`s: both organizations opted in. */
  source: string;
  target: string;
  wave: string;
}

export interface PublicRelease {
  type: typeof PUBLIC_RELEASE_TYPE;
  version: typeof PUBLIC_RELEASE_VERSION;
  id: string;
  publishedAt: string;
  dataset: { name: string; synthetic: boolean };
  rules: { minCellSize: number; roundingBase: number; rounding: string; small: string };
  waves: { id: string; label: string; date: string }[];
  cells: PublicCell[];
  links: PublicLink[];
  namedTies: PublicNamedTie[];
}

/** Summary kept in the list of publications. */
export interface PublicReleaseCounts {
  cells: number;
  links: number;
  names: number;
  namedTies: number;
}

export interface BuildReleaseOptions {
  id: string;
  /** ISO datetime. */
  publishedAt: string;
  /** A fresh random id each call (crypto in the adapters; a counter in tests). */
  newId: () => string;
}

/** Nearest multiple of `base`, halves up: 7 → 5, 8 → 10, 12 → 10, 13 → 15 for base 5. */
export function roundCount(n: number, base: number = ROUNDING_BASE): number {
  return Math.floor(n / base + 0.5) * base;
}

/** Rounded count, or null below the minimum (suppressed). */
function publishable(n: number): number | null {
  return n < MIN_CELL_SIZE ? null : roundCount(n);
}

function valueOrUnspecified(value: string | undefined): string {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? UNSPECIFIED : trimmed;
}

function groupOf(org: Organization): string {
  return org.kind === 'institution' ? valueOrUnspecified(org.type) : valueOrUnspecified(org.focus[0]);
}

interface DraftCell {
  city: string;
  kind: OrganizationKind;
  group: string | null;
  members: Organization[];
}

/** Steps 1–2: cells of at least MIN_CELL_SIZE organizations; the rest merged or hidden. */
export function assignCells(organizations: readonly Organization[]): DraftCell[] {
  const exact = new Map<string, DraftCell>();
  for (const org of organizations) {
    const city = valueOrUnspecified(org.city);
    const group = groupOf(org);
    const key = JSON.stringify([city, org.kind, group]);
    const cell = exact.get(key) ?? { city, kind: org.kind, group, members: [] };
    cell.members.push(org);
    exact.set(key, cell);
  }
  const kept: DraftCell[] = [];
  const others = new Map<string, DraftCell>();
  for (const cell of exact.values()) {
    if (cell.members.length >= MIN_CELL_SIZE) {
      kept.push(cell);
      continue;
    }
    const key = JSON.stringify([cell.city, cell.kind]);
    const other = others.get(key) ?? { city: cell.city, kind: cell.kind, group: null, members: [] };
    other.members.push(...cell.members);
    others.set(key, other);
  }
  for (const other of others.values()) if (other.members.length >= MIN_CELL_SIZE) kept.push(other);
  return kept.sort(
    (a, b) =>
      a.city.localeCompare(b.city, 'tr') ||
      a.kind.localeCompare(b.kind) ||
      (a.group === null ? 1 : 0) - (b.group === null ? 1 : 0) ||
      (a.group ?? '').localeCompare(b.group ?? '', 'tr'),
  );
}

/** Undirected pairs tied in a wave (either side reported), as `a\u0000b` with a < b. */
function tiedPairs(ties: readonly Tie[], wave: string): Set<string> {
  const pairs = new Set<string>();
  for (const tie of ties) {
    if (tie.wave !== wave || tie.source === tie.target) continue;
    pairs.add(
      tie.source < tie.target ? `${tie.source}\u0000${tie.target}` : `${tie.target}\u0000${tie.source}`,
    );
  }
  return pairs;
}

function byName(a: PublicName, b: PublicName): number {
  return a.name.localeCompare(b.name, 'tr');
}

/**
 * The public release of `dataset`. Throws ValidationError when a `public_name` value is unreadable
 * (nothing is published then).
 */
export function buildPublicRelease(dataset: Dataset, options: BuildReleaseOptions): PublicRelease {
  const optIns = readOptIns(dataset.organizations);
  const drafts = assignCells(dataset.organizations);
  const usedIds = new Set<string>();
  const freshId = (): string => {
    for (;;) {
      const id = options.newId();
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };

  const cellIdOf = new Map<string, string>();
  const nameIdOf = new Map<string, string>();
  const cells = drafts.map((draft) => {
    const id = freshId();
    for (const member of draft.members) cellIdOf.set(member.id, id);
    const names = draft.members
      .filter((member) => optIns.get(member.id) === true)
      .map((member) => ({ name: member.name, member: member.id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'tr'))
      .map(({ name, member }) => {
        const nameId = freshId();
        nameIdOf.set(member, nameId);
        return { id: nameId, name };
      });
    return { draft, id, names };
  });

  const links: PublicLink[] = [];
  const namedTies: PublicNamedTie[] = [];
  const cellTies = new Map<string, Map<string, number>>();
  for (const wave of dataset.waves) {
    const between = new Map<string, number>();
    const touching = new Map<string, number>();
    cellTies.set(wave.id, touching);
    for (const pair of tiedPairs(dataset.ties, wave.id)) {
      const [a = '', b = ''] = pair.split('\u0000');
      const cellA = cellIdOf.get(a);
      const cellB = cellIdOf.get(b);
      // A tie with a hidden organization is not counted anywhere.
      if (cellA === undefined || cellB === undefined) continue;
      const key = cellA < cellB ? `${cellA}\u0000${cellB}` : `${cellB}\u0000${cellA}`;
      between.set(key, (between.get(key) ?? 0) + 1);
      touching.set(cellA, (touching.get(cellA) ?? 0) + 1);
      if (cellB !== cellA) touching.set(cellB, (touching.get(cellB) ?? 0) + 1);
      const nameA = nameIdOf.get(a);
      const nameB = nameIdOf.get(b);
      if (nameA !== undefined && nameB !== undefined) {
        const [source, target] = nameA < nameB ? [nameA, nameB] : [nameB, nameA];
        namedTies.push({ source, target, wave: wave.id });
      }
    }
    for (const [key, count] of between) {
      const rounded = publishable(count);
      if (rounded === null) continue;
      const [source = '', target = ''] = key.split('\u0000');
      links.push({ source, target, wave: wave.id, ties: rounded });
    }
  }

  const waveIndex = new Map(dataset.waves.map((wave, index) => [wave.id, index]));
  const waveIndexOf = (wave: string): number => waveIndex.get(wave) ?? 0;
  const cellOrder = new Map(cells.map((cell, index) => [cell.id, index]));
  links.sort(
    (x, y) =>
      (cellOrder.get(x.source) ?? 0) - (cellOrder.get(y.source) ?? 0) ||
      (cellOrder.get(x.target) ?? 0) - (cellOrder.get(y.target) ?? 0) ||
      waveIndexOf(x.wave) - waveIndexOf(y.wave),
  );

  // Random ids give an order that says nothing about the file's row order.
  namedTies.sort(
    (x, y) =>
      waveIndexOf(x.wave) - waveIndexOf(y.wave) ||
      x.source.localeCompare(y.source) ||
      x.target.localeCompare(y.target),
  );

  const publicCells: PublicCell[] = cells.map(({ draft, id, names }) => {
    const waves = dataset.waves.map((wave) => ({
      wave: wave.id,
      ties: publishable(cellTies.get(wave.id)?.get(id) ?? 0),
    }));
    const changes = waves.slice(1).map((to, index) => {
      const from = waves[index] as PublicWaveTies;
      return {
        from: from.wave,
        to: to.wave,
        change: from.ties === null || to.ties === null ? null : to.ties - from.ties,
      };
    });
    return {
      id,
      city: draft.city,
      kind: draft.kind,
      group: draft.group,
      merged: draft.group === null,
      count: roundCount(draft.members.length),
      names: names.sort(byName),
      waves,
      changes,
    };
  });

  return {
    type: PUBLIC_RELEASE_TYPE,
    version: PUBLIC_RELEASE_VERSION,
    id: options.id,
    publishedAt: options.publishedAt,
    dataset: { name: dataset.info.name, synthetic: dataset.info.synthetic },
    rules: {
      minCellSize: MIN_CELL_SIZE,
      roundingBase: ROUNDING_BASE,
      rounding: `every count is rounded to the nearest multiple of ${ROUNDING_BASE}, halves up`,
      small:
        `categories with fewer than ${MIN_CELL_SIZE} organizations are merged into their city's "other" ` +
        `category of the same kind, which is hidden when it still has fewer than ${MIN_CELL_SIZE}; ` +
        `tie counts under ${MIN_CELL_SIZE} are not published`,
    },
    waves: dataset.waves.map((wave) => ({ id: wave.id, label: wave.label, date: wave.date })),
    cells: publicCells,
    links,
    namedTies,
  };
}

export function releaseCounts(release: PublicRelease): PublicReleaseCounts {
  return {
    cells: release.cells.length,
    links: release.links.length,
    names: release.cells.reduce((sum, cell) => sum + cell.names.length, 0),
    namedTies: release.namedTies.length,
  };
}
