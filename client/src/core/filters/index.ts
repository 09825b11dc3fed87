/**
 * Map filters. An empty list means "no restriction"; an organization passes when it matches every
 * restriction that is set. Organizations that do not pass stay on the map, faded (the reducers read
 * `passes`), so the picture keeps its shape; ties below the minimum level are hidden.
 */
import type { OrganizationKind } from '../../api/types';
import { createStore, shallowEqual } from '../store';

export interface Filters {
  cities: string[];
  kinds: OrganizationKind[];
  /** Institution types (`type` of institutions). */
  types: string[];
  /** NGO focus areas; an NGO passes when it has any of them. */
  focus: string[];
  /** Ties below this level are hidden (1 shows every tie). */
  minLevel: number;
  communities: number[];
  /** Only isolated and peripheral organizations of the wave (the isolation analysis' list). */
  onlyIsolated: boolean;
}

export const EMPTY_FILTERS: Filters = {
  cities: [],
  kinds: [],
  types: [],
  focus: [],
  minLevel: 1,
  communities: [],
  onlyIsolated: false,
};

export interface FilterSubject {
  kind: OrganizationKind;
  type: string | null;
  city: string | null;
  focus: readonly string[];
}

export interface FilterContext {
  /** Community of the organization in the shown wave, when known. */
  community?: number | undefined;
  /** Whether the isolation analysis lists it for the shown wave. */
  isolated?: boolean | undefined;
}

export function passesFilters(
  subject: FilterSubject,
  filters: Filters,
  context: FilterContext = {},
): boolean {
  if (filters.kinds.length > 0 && !filters.kinds.includes(subject.kind)) return false;
  if (filters.cities.length > 0 && !filters.cities.includes(subject.city ?? '')) return false;
  // Type and focus restrict their own kind only: filtering institution types must not hide every NGO.
  if (
    filters.types.length > 0 &&
    subject.kind === 'institution' &&
    !filters.types.includes(subject.type ?? '')
  ) {
    return false;
  }
  if (
    filters.focus.length > 0 &&
    subject.kind === 'ngo' &&
    !subject.focus.some((f) => filters.focus.includes(f))
  ) {
    return false;
  }
  if (
    filters.communities.length > 0 &&
    (context.community === undefined || !filters.communities.includes(context.community))
  ) {
    return false;
  }
  if (filters.onlyIsolated && context.isolated !== true) return false;
  return true;
}

export function isFiltering(filters: Filters): boolean {
  return !shallowEqual(filters, EMPTY_FILTERS);
}

export function activeFilterCount(filters: Filters): number {
  return (
    (filters.cities.length > 0 ? 1 : 0) +
    (filters.kinds.length > 0 ? 1 : 0) +
    (filters.types.length > 0 ? 1 : 0) +
    (filters.focus.length > 0 ? 1 : 0) +
    (filters.minLevel > 1 ? 1 : 0) +
    (filters.communities.length > 0 ? 1 : 0) +
    (filters.onlyIsolated ? 1 : 0)
  );
}

export const filterStore = createStore<Filters>(EMPTY_FILTERS);

export function setFilters(next: Partial<Filters>): void {
  const current = filterStore.get();
  const merged = { ...current, ...next };
  if (!shallowEqual(current, merged)) filterStore.set(merged);
}

type ListFilter = 'cities' | 'kinds' | 'types' | 'focus' | 'communities';

/** Adds or removes one value of a list filter. */
export function toggleFilterValue<K extends ListFilter>(
  key: K,
  value: Filters[K][number],
  on: boolean,
): void {
  const list = filterStore.get()[key] as readonly (typeof value)[];
  const next = on ? [...new Set([...list, value])] : list.filter((item) => item !== value);
  setFilters({ [key]: next } as Partial<Filters>);
}

export function clearFilters(): void {
  setFilters(EMPTY_FILTERS);
}
