import { beforeEach, describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  clearFilters,
  EMPTY_FILTERS,
  filterStore,
  isFiltering,
  passesFilters,
  setFilters,
  toggleFilterValue,
} from '../../../../../client/src/core/filters';

const ngo = { kind: 'ngo' as const, type: 'association', city: 'Istanbul', focus: ['women', 'relief'] };
const institution = {
  kind: 'institution' as const,
  type: 'district_municipality',
  city: 'Gaziantep',
  focus: [],
};

describe('passesFilters', () => {
  it('lets everyone through without filters', () => {
    expect(passesFilters(ngo, EMPTY_FILTERS)).toBe(true);
    expect(isFiltering(EMPTY_FILTERS)).toBe(false);
  });

  it('combines city, kind and community restrictions', () => {
    const filters = { ...EMPTY_FILTERS, cities: ['Istanbul'], kinds: ['ngo' as const], communities: [2] };
    expect(passesFilters(ngo, filters, { community: 2 })).toBe(true);
    expect(passesFilters(ngo, filters, { community: 1 })).toBe(false);
    expect(passesFilters(institution, filters, { community: 2 })).toBe(false);
  });

  it('applies institution type to institutions and focus to NGOs only', () => {
    const byType = { ...EMPTY_FILTERS, types: ['social_service_centre'] };
    expect(passesFilters(institution, byType)).toBe(false);
    expect(passesFilters(ngo, byType)).toBe(true);
    const byFocus = { ...EMPTY_FILTERS, focus: ['women'] };
    expect(passesFilters(ngo, byFocus)).toBe(true);
    expect(passesFilters({ ...ngo, focus: ['education'] }, byFocus)).toBe(false);
    expect(passesFilters(institution, byFocus)).toBe(true);
  });

  it('keeps only the isolation analysis’ organizations when asked', () => {
    const filters = { ...EMPTY_FILTERS, onlyIsolated: true };
    expect(passesFilters(ngo, filters, { isolated: true })).toBe(true);
    expect(passesFilters(ngo, filters, { isolated: false })).toBe(false);
  });
});

describe('filter actions', () => {
  beforeEach(() => clearFilters());

  it('toggles values without duplicates and counts active filters', () => {
    toggleFilterValue('cities', 'Istanbul', true);
    toggleFilterValue('cities', 'Istanbul', true);
    toggleFilterValue('kinds', 'ngo', true);
    setFilters({ minLevel: 3 });
    expect(filterStore.get().cities).toEqual(['Istanbul']);
    expect(activeFilterCount(filterStore.get())).toBe(3);
    toggleFilterValue('cities', 'Istanbul', false);
    expect(filterStore.get().cities).toEqual([]);
  });

  it('does not notify when nothing changes', () => {
    let calls = 0;
    const unsubscribe = filterStore.subscribe(() => calls++);
    setFilters({ minLevel: 1 });
    unsubscribe();
    expect(calls).toBe(0);
  });
});
