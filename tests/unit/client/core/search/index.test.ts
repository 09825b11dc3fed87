import { beforeEach, describe, expect, it } from 'vitest';
import {
  activeHit,
  buildSearchIndex,
  clearSearch,
  moveActive,
  searchOrganizations,
  searchStore,
  setQuery,
  setSearchIndex,
} from '../../../../../client/src/core/search';

const organizations = [
  { id: 'a', name: 'İstanbul Legal Aid Association', context: 'Istanbul Sultangazi' },
  { id: 'b', name: 'Bağcılar Child and Youth Support Platform', context: 'Istanbul Bağcılar' },
  { id: 'c', name: 'Gaziantep Refugee Rights Network', context: 'Gaziantep' },
  { id: 'd', name: 'Yeni İstanbul Women’s Cooperative', context: 'Istanbul Fatih' },
  { id: 'e', name: 'Şişli Humanitarian Aid Association', context: 'Istanbul Şişli' },
];

describe('searchOrganizations', () => {
  const index = buildSearchIndex(organizations);

  it('finds "İstanbul …" names from a plain "istanbul", names starting with it first', () => {
    const hits = searchOrganizations(index, 'istanbul');
    expect(hits[0]?.id).toBe('a');
    expect(hits.map((hit) => hit.id)).toContain('d');
  });

  it('matches every word of the query, in the name or the place', () => {
    expect(searchOrganizations(index, 'sisli aid').map((hit) => hit.id)).toEqual(['e']);
    expect(searchOrganizations(index, 'BAGCILAR').map((hit) => hit.id)).toEqual(['b']);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(searchOrganizations(index, '   ')).toEqual([]);
    expect(searchOrganizations(index, 'a', 2)).toHaveLength(2);
  });
});

describe('search state and keyboard', () => {
  beforeEach(() => {
    setSearchIndex(buildSearchIndex(organizations));
    clearSearch();
  });

  it('selects the first hit, moves with the arrows and wraps around', () => {
    setQuery('istanbul');
    expect(searchStore.get().active).toBe(0);
    const count = searchStore.get().hits.length;
    moveActive(-1);
    expect(searchStore.get().active).toBe(count - 1);
    moveActive(1);
    expect(activeHit()?.id).toBe(searchStore.get().hits[0]?.id);
  });

  it('has no selection without hits', () => {
    setQuery('zzz');
    expect(activeHit()).toBeNull();
    moveActive(1);
    expect(searchStore.get().active).toBe(-1);
  });
});
