/**
 * Writes a `Dataset` as GraphML (the GraphML Primer, graphml.graphdrawing.org) that NetworkX
 * (`read_graphml`), igraph, Gephi and yEd read with every attribute:
 *
 * - one directed `<graph>`; graph data `name`, `description`, `synthetic`.
 * - organizations are nodes (id = organization id) with `name`, `label` (= name, which Gephi and
 *   yEd show), and the bundle's attribute names (`kind`, `type`, `city`, `district`, `focus`
 *   `;`-joined, `refugee_led` boolean, `founded`, extras) as `<key>`s with `attr.name`.
 * - one `<edge>` per tie and wave, with `wave` (id), `wave_label`, `wave_date` (when the waves are
 *   dated), `wave_description` (when a wave has one), `level` and `weight` (= level, for tools that weigh edges) and the ties' extras.
 *   A NetworkX user selects a wave with `[(u, v) for u, v, w in G.edges(data="wave") if w == "pre"]`
 *   (read it as a MultiDiGraph: two waves can tie the same pair).
 * GraphML has no place for events, attendance, survey responses or waves without ties: those travel in the CSV and JSON exports. `graphml-reader.ts` reads the result back.
 */
import type { Dataset } from '../types.js';
import { organizationColumns, organizationValue, tieColumns } from './graph-export.js';
import { xmlAttributes, xmlText } from './xml-writer.js';

/** The GraphML document of `dataset`. Same dataset → same text. */
export function serializeGraphml(dataset: Dataset): string {
  const nodeColumns = organizationColumns(dataset);
  const extraColumns = tieColumns(dataset);
  const waves = new Map(dataset.waves.map((wave) => [wave.id, wave]));
  const dated = dataset.waves.length > 0 && dataset.waves.every((wave) => wave.date !== '');
  const out: string[] = [];
  const key = (id: string, domain: string, name: string, type: string) =>
    out.push(
      `  <key${xmlAttributes([
        ['id', id],
        ['for', domain],
        ['attr.name', name],
        ['attr.type', type],
      ])}/>`,
    );
  const data = (indent: string, id: string, value: string | undefined) => {
    if (value !== undefined && value !== '') out.push(`${indent}<data key="${id}">${xmlText(value)}</data>`);
  };

  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  key('g_name', 'graph', 'name', 'string');
  key('g_description', 'graph', 'description', 'string');
  key('g_synthetic', 'graph', 'synthetic', 'boolean');
  key('n_name', 'node', 'name', 'string');
  key('n_label', 'node', 'label', 'string');
  const nodeKeys = nodeColumns.map((column, index) => {
    const id = `n${index}`;
    key(id, 'node', column.name, column.type);
    return { id, name: column.name };
  });
  key('e_wave', 'edge', 'wave', 'string');
  key('e_wave_label', 'edge', 'wave_label', 'string');
  if (dated) key('e_wave_date', 'edge', 'wave_date', 'string');
  const described = dataset.waves.some((wave) => wave.description !== undefined);
  if (described) key('e_wave_description', 'edge', 'wave_description', 'string');
  key('e_level', 'edge', 'level', 'int');
  key('e_weight', 'edge', 'weight', 'double');
  const edgeKeys = extraColumns.map((name, index) => {
    const id = `e${index}`;
    key(id, 'edge', name, 'string');
    return { id, name };
  });

  out.push('  <graph id="G" edgedefault="directed">');
  data('    ', 'g_name', dataset.info.name);
  data('    ', 'g_description', dataset.info.description);
  out.push(`    <data key="g_synthetic">${dataset.info.synthetic}</data>`);
  for (const organization of dataset.organizations) {
    out.push(`    <node${xmlAttributes([['id', organization.id]])}>`);
    data('      ', 'n_name', organization.name);
    data('      ', 'n_label', organization.name);
    for (const { id, name } of nodeKeys) data('      ', id, organizationValue(organization, name));
    out.push('    </node>');
  }
  dataset.ties.forEach((tie, index) => {
    const wave = waves.get(tie.wave);
    out.push(
      `    <edge${xmlAttributes([
        ['id', `e${index}`],
        ['source', tie.source],
        ['target', tie.target],
      ])}>`,
    );
    data('      ', 'e_wave', tie.wave);
    data('      ', 'e_wave_label', wave?.label ?? tie.wave);
    if (dated) data('      ', 'e_wave_date', wave?.date);
    if (described) data('      ', 'e_wave_description', wave?.description);
    data('      ', 'e_level', String(tie.level));
    data('      ', 'e_weight', String(tie.level));
    for (const { id, name } of edgeKeys)
      data('      ', id, Object.hasOwn(tie.extra, name) ? tie.extra[name] : undefined);
    out.push('    </edge>');
  });
  out.push('  </graph>');
  out.push('</graphml>');
  return `${out.join('\n')}\n`;
}
