/**
 * Search box state: the query, the matching organizations (best first) and which one the keyboard has
 * selected. Arrow keys move the selection, Enter picks it (the map then focuses the camera on it).
 */
import { createStore } from '../store';
import { foldForSearch } from './fold';

export { foldForSearch } from './fold';

export interface Searchable {
  id: string;
  name: string;
  /** Extra text that matches too (city, district), shown after the name. */
  context?: string;
}

export interface SearchHit {
  id: string;
  name: string;
  /** Where the match starts in the folded name, -1 when only the context matched. */
  position: number;
}

export interface SearchState {
  query: string;
  hits: SearchHit[];
  /** Index in `hits` of the keyboard selection, -1 for none. */
  active: number;
}

export const SEARCH_LIMIT = 12;

export interface SearchIndex {
  entries: { id: string; name: string; foldedName: string; foldedContext: string }[];
}

export function buildSearchIndex(items: readonly Searchable[]): SearchIndex {
  return {
    entries: items.map((item) => ({
      id: item.id,
      name: item.name,
      foldedName: foldForSearch(item.name),
      foldedContext: foldForSearch(item.context ?? ''),
    })),
  };
}

function rank(foldedName: string, position: number): number {
  if (position === 0) return 0;
  // A match at the start of a word ("… İstanbul …") beats one inside a word ("…istanbulite").
  if (position > 0 && foldedName[position - 1] === ' ') return 1;
  if (position > 0) return 2;
  return 3;
}

/** Organizations whose name (or context) contains every word of the query, best first. */
export function searchOrganizations(index: SearchIndex, query: string, limit = SEARCH_LIMIT): SearchHit[] {
  const folded = foldForSearch(query);
  if (folded === '') return [];
  const words = folded.split(' ');
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const entry of index.entries) {
    const haystack = `${entry.foldedName} ${entry.foldedContext}`;
    if (!words.every((word) => haystack.includes(word))) continue;
    const position = entry.foldedName.indexOf(words[0] ?? '');
    scored.push({
      hit: { id: entry.id, name: entry.name, position },
      score: rank(entry.foldedName, position),
    });
  }
  scored.sort((a, b) => a.score - b.score || a.hit.name.localeCompare(b.hit.name, 'tr'));
  return scored.slice(0, limit).map((entry) => entry.hit);
}

export const searchStore = createStore<SearchState>({ query: '', hits: [], active: -1 });

let index: SearchIndex = { entries: [] };

export function setSearchIndex(next: SearchIndex): void {
  index = next;
  const { query } = searchStore.get();
  if (query !== '') setQuery(query);
}

export function setQuery(query: string): void {
  const hits = searchOrganizations(index, query);
  searchStore.set({ query, hits, active: hits.length > 0 ? 0 : -1 });
}

/** Moves the keyboard selection by `delta`, wrapping around the list. */
export function moveActive(delta: number): void {
  const state = searchStore.get();
  if (state.hits.length === 0) return;
  const active = (((state.active + delta) % state.hits.length) + state.hits.length) % state.hits.length;
  searchStore.set({ ...state, active });
}

export function activeHit(): SearchHit | null {
  const state = searchStore.get();
  return state.hits[state.active] ?? null;
}

export function clearSearch(): void {
  searchStore.set({ query: '', hits: [], active: -1 });
}
