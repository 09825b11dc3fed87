/**
 * The organizations table: which column sorts it and in which direction. Sorting is pure so it is
 * tested without a DOM; missing values always go last, whatever the direction.
 */
import { compareText } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import { createStore } from '../store';

export type SortDirection = 'ascending' | 'descending';

export interface TableSort {
  /** `name`, `kind`, `type`, `city` or a node metric id. */
  key: string;
  direction: SortDirection;
}

export interface TableState {
  sort: TableSort;
  /** Show organizations hidden by the filters too. */
  showFiltered: boolean;
}

export const TEXT_COLUMNS = ['name', 'kind', 'type', 'city'] as const;

export const tableStore = createStore<TableState>({
  sort: { key: 'degree', direction: 'descending' },
  showFiltered: false,
});

export function sortBy(key: string): void {
  const { sort, showFiltered } = tableStore.get();
  const isText = (TEXT_COLUMNS as readonly string[]).includes(key);
  const direction: SortDirection =
    sort.key === key
      ? sort.direction === 'ascending'
        ? 'descending'
        : 'ascending'
      : isText
        ? 'ascending'
        : 'descending';
  tableStore.set({ sort: { key, direction }, showFiltered });
}

export function setShowFiltered(showFiltered: boolean): void {
  tableStore.set({ ...tableStore.get(), showFiltered });
}

export type CellValue = string | number | null;

export interface TableRow {
  id: string;
  values: Record<string, CellValue>;
}

export function sortRows<R extends TableRow>(rows: readonly R[], sort: TableSort, locale: Locale): R[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a.values[sort.key] ?? null;
    const y = b.values[sort.key] ?? null;
    if (x === null && y === null)
      return compareText(locale, String(a.values.name ?? a.id), String(b.values.name ?? b.id));
    if (x === null) return 1;
    if (y === null) return -1;
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : compareText(locale, String(x), String(y));
    if (order !== 0) return sign * order;
    return compareText(locale, String(a.values.name ?? a.id), String(b.values.name ?? b.id));
  });
}
