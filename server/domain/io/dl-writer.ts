/**
 * Writes a `Dataset` as a UCINET DL file (Borgatti, Everett & Freeman, UCINET 6 user's guide, "DL
 * files": full-matrix format with several matrices) for researchers who use UCINET (or Gephi's DL
 * import, which reads one matrix):
 *
 * - `dl n=N nm=M`, `format = fullmatrix`, `labels:` the organization ids, `matrix labels:` the wave
 *   ids, then `data:` one N×N matrix per wave, rows = reporting organization (source), cell = the
 *   tie's level (0 = no tie). With `wave`, only that wave's matrix (`nm=1`), which Gephi reads.
 * Labels with anything but letters, digits, `-`, `_` and `.` are quoted. Export only.
 */
import type { Dataset } from '../types.js';

function label(value: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(value) ? value : `"${value.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The DL text of `dataset`, one matrix per wave, or only `wave` when given.
 * @throws Error when `wave` is not a wave of the dataset (the caller checks it first)
 */
export function serializeDl(dataset: Dataset, wave?: string): string {
  const index = new Map(dataset.organizations.map((organization, position) => [organization.id, position]));
  const n = dataset.organizations.length;
  const waves = wave === undefined ? dataset.waves : dataset.waves.filter((w) => w.id === wave);
  if (wave !== undefined && waves.length === 0) throw new Error(`no wave "${wave}"`);
  const lines = [
    `dl n=${n} nm=${waves.length}`,
    'format = fullmatrix',
    'labels:',
    dataset.organizations.map((organization) => label(organization.id)).join(','),
    'matrix labels:',
    waves.map((w) => label(w.id)).join(','),
    'data:',
  ];
  for (const w of waves) {
    const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const tie of dataset.ties) {
      if (tie.wave !== w.id) continue;
      const row = matrix[index.get(tie.source) ?? -1];
      const column = index.get(tie.target);
      if (row !== undefined && column !== undefined) row[column] = tie.level;
    }
    for (const row of matrix) lines.push(row.join(' '));
  }
  return `${lines.join('\n')}\n`;
}
