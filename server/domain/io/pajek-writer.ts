/**
 * Writes a `Dataset` as a Pajek network (`.net`; Batagelj & Mrvar, Pajek reference manual, "Network"
 * input format, and its multiple-relations extension) for researchers who use Pajek, or R and
 * NetworkX's `read_pajek`:
 *
 * - `*Vertices n`, one line per organization: number and `"id"` as the label (Pajek labels are how
 *   vertices are matched across files; names stay in Köprü).
 * - the union of the waves, each wave one relation: `*Arcs :k "waveId"` followed by `source target
 *   level` lines (1-based vertex numbers, the level as the arc value). With `wave`, only that wave's
 *   ties, under a plain `*Arcs`.
 * Export only: Pajek has no place for attributes beyond labels, so Köprü does not read it back.
 */
import type { Dataset } from '../types.js';

/** A Pajek label: quoted, with the `"` Pajek cannot escape replaced by `'`. */
function label(value: string): string {
  return `"${value.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The Pajek `.net` text of `dataset`, every wave as a relation, or only `wave` when given.
 * @throws Error when `wave` is not a wave of the dataset (the caller checks it first)
 */
export function serializePajek(dataset: Dataset, wave?: string): string {
  const number = new Map(dataset.organizations.map((organization, index) => [organization.id, index + 1]));
  const lines = [`*Vertices ${dataset.organizations.length}`];
  dataset.organizations.forEach((organization, index) =>
    lines.push(`${index + 1} ${label(organization.id)}`),
  );
  const waves = wave === undefined ? dataset.waves : dataset.waves.filter((w) => w.id === wave);
  if (wave !== undefined && waves.length === 0) throw new Error(`no wave "${wave}"`);
  waves.forEach((w, index) => {
    lines.push(wave === undefined ? `*Arcs :${index + 1} ${label(w.id)}` : '*Arcs');
    for (const tie of dataset.ties) {
      if (tie.wave !== w.id) continue;
      lines.push(`${number.get(tie.source)} ${number.get(tie.target)} ${tie.level}`);
    }
  });
  return `${lines.join('\n')}\n`;
}
