import { describe, expect, it } from 'vitest';
import { sortBy, sortRows, tableStore } from '../../../../../client/src/core/table';

const rows = [
  { id: '1', values: { name: 'Şişli', degree: 3 } },
  { id: '2', values: { name: 'Sultanbeyli', degree: null } },
  { id: '3', values: { name: 'Çınar', degree: 7 } },
  { id: '4', values: { name: 'Cizre', degree: 3 } },
];

describe('sortRows', () => {
  it('sorts numbers in either direction with missing values last and names breaking ties', () => {
    expect(sortRows(rows, { key: 'degree', direction: 'descending' }, 'tr').map((r) => r.id)).toEqual([
      '3',
      '4',
      '1',
      '2',
    ]);
    expect(sortRows(rows, { key: 'degree', direction: 'ascending' }, 'tr').map((r) => r.id)).toEqual([
      '4',
      '1',
      '3',
      '2',
    ]);
  });

  it('sorts names in the Turkish alphabet', () => {
    expect(sortRows(rows, { key: 'name', direction: 'ascending' }, 'tr').map((r) => r.values.name)).toEqual([
      'Cizre',
      'Çınar',
      'Sultanbeyli',
      'Şişli',
    ]);
  });
});

describe('sortBy', () => {
  it('starts text columns ascending, metrics descending, and flips on a second click', () => {
    sortBy('name');
    expect(tableStore.get().sort).toEqual({ key: 'name', direction: 'ascending' });
    sortBy('name');
    expect(tableStore.get().sort.direction).toBe('descending');
    sortBy('betweenness');
    expect(tableStore.get().sort).toEqual({ key: 'betweenness', direction: 'descending' });
  });
});
