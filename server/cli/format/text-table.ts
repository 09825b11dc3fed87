/**
 * Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned,
 * long text cut with an ellipsis so a row fits a standard terminal.
 */
export type Cell = string | number | boolean | null | undefined;

export interface Column {
  header: string;
  /** Maximum width; longer text is cut with "…". */
  max?: number;
  align?: 'left' | 'right';
}

/** Numbers with at most 4 decimals (integers stay integers); null/undefined as "–". */
export function formatNumber(value: Cell, digits = 4): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) > 0 && Math.abs(value) < 10 ** -digits) return value.toExponential(1);
  return value.toFixed(digits).replace(/\.?0+$/, '');
}

export function signed(value: Cell, digits = 4): string {
  if (typeof value !== 'number') return formatNumber(value, digits);
  return `${value > 0 ? '+' : ''}${formatNumber(value, digits)}`;
}

function cut(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return `${text.slice(0, Math.max(1, max - 1))}…`;
}

export function renderTable(columns: Column[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map((cell, i) => cut(formatNumber(cell), columns[i]?.max)));
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...text.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[], header = false) =>
    cells
      .map((cell, i) => {
        const right =
          !header && (columns[i]?.align ?? (typeof rows[0]?.[i] === 'number' ? 'right' : 'left')) === 'right';
        return right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
      })
      .join('  ')
      .trimEnd();
  return [
    line(
      columns.map((c) => c.header),
      true,
    ),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...text.map((r) => line(r)),
  ].join('\n');
}

/** Wraps prose lines longer than `width` at spaces, continuing with a two-space indent. */
export function wrapProse(text: string, width = 100): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current !== '' && current.length + 1 + word.length > width) {
          out.push(current);
          current = `  ${word}`;
        } else {
          current = current === '' ? word : `${current} ${word}`;
        }
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}
