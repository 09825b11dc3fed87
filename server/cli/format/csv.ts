/**
 * CSV output for spreadsheets. Text cells that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab/carriage return) are prefixed with an apostrophe (OWASP's CSV-injection advice);
 * numbers are written as numbers.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

export function escapeFormula(cell: CsvCell): CsvCell {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header, ...rows.map((row) => row.map(escapeFormula))], {
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}
