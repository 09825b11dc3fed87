/**
 * Writes a `Dataset` as a dynamic GEXF 1.3 graph (gexf.net, GEXF 1.3 schema: gexf.xsd and
 * dynamics.xsd) that opens in Gephi with the timeline working:
 *
 * - `<graph mode="dynamic" defaultedgetype="directed" timeformat="date">`; one `<edge>` per ordered
 *   pair that is tied in some wave, with one `<spell>` per wave it is tied in. A wave lasts from its
 *   date to the day before the next wave's (`graph-export.ts`), so the timeline shows one wave at a
 *   time. Without a date on every wave, time is the wave's position (timeformat `integer`).
 * - dynamic edge attributes per wave: `wave` (id), `wave_label`, `wave_description` (when a wave has
 *   one), `level`, `weight` (= level; the
 *   title GEXF reserves for a dynamic edge weight, so edge thickness follows the level), and the
 *   ties' extra attributes; each `<attvalue>` carries its wave's start and end.
 * - organizations are nodes (id, `label` = name) with static attributes named as in the bundle
 *   (`kind`, `type`, `city`, `district`, `focus` `;`-joined, `refugee_led` boolean, `founded`,
 *   extras); an organization with no tie is still a node, isolated on the whole timeline.
 * - `<meta>`: creator Köprü, description = the dataset's name, a newline, its description;
 *   keywords `synthetic` for synthetic data. GEXF has no place for events, attendance, survey
 *   responses or waves without ties: those travel in the CSV and JSON exports.
 * `gexf-reader.ts` reads the result back into the same organizations, waves and ties.
 */
import type { Dataset } from '../types.js';
import { organizationColumns, organizationValue, tieColumns, tiesByPair, waveSpans } from './graph-export.js';
import { xmlAttribute, xmlAttributes, xmlText } from './xml-writer.js';

const EDGE_ATTRIBUTES: readonly [string, string][] = [
  ['wave', 'string'],
  ['wave_label', 'string'],
  ['level', 'integer'],
  ['weight', 'double'],
];

/** The GEXF 1.3 document of `dataset`. Same dataset → same text. */
export function serializeGexf(dataset: Dataset): string {
  const nodeColumns = organizationColumns(dataset);
  const extraColumns = tieColumns(dataset);
  const { timeformat, spans } = waveSpans(dataset.waves);
  const waves = new Map(dataset.waves.map((wave) => [wave.id, wave]));
  const out: string[] = [];

  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
  );
  out.push('  <meta>');
  out.push('    <creator>Köprü</creator>');
  if (dataset.info.synthetic) out.push('    <keywords>synthetic</keywords>');
  const description = [dataset.info.name, dataset.info.description ?? ''].join('\n').trim();
  out.push(`    <description>${xmlText(description)}</description>`);
  out.push('  </meta>');
  out.push(`  <graph mode="dynamic" defaultedgetype="directed" timeformat="${timeformat}">`);

  out.push('    <attributes class="node" mode="static">');
  for (const column of nodeColumns) {
    out.push(
      `      <attribute${xmlAttributes([
        ['id', column.name],
        ['title', column.name],
        ['type', column.type],
      ])}/>`,
    );
  }
  out.push('    </attributes>');
  out.push('    <attributes class="edge" mode="dynamic">');
  const described = dataset.waves.some((wave) => wave.description !== undefined);
  const waveAttributes = described
    ? [...EDGE_ATTRIBUTES, ['wave_description', 'string'] as const]
    : EDGE_ATTRIBUTES;
  for (const [name, type] of [...waveAttributes, ...extraColumns.map((name) => [name, 'string'] as const)]) {
    out.push(
      `      <attribute${xmlAttributes([
        ['id', name],
        ['title', name],
        ['type', type],
      ])}/>`,
    );
  }
  out.push('    </attributes>');

  out.push('    <nodes>');
  for (const organization of dataset.organizations) {
    const values = nodeColumns
      .map((column) => [column.name, organizationValue(organization, column.name)] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined && entry[1] !== '');
    const head = `      <node${xmlAttributes([
      ['id', organization.id],
      ['label', organization.name],
    ])}`;
    if (values.length === 0) {
      out.push(`${head}/>`);
      continue;
    }
    out.push(`${head}>`);
    out.push('        <attvalues>');
    for (const [name, value] of values)
      out.push(
        `          <attvalue${xmlAttributes([
          ['for', name],
          ['value', value],
        ])}/>`,
      );
    out.push('        </attvalues>');
    out.push('      </node>');
  }
  out.push('    </nodes>');

  out.push('    <edges>');
  tiesByPair(dataset.ties).forEach((pair, index) => {
    const first = pair[0];
    if (first === undefined) return;
    out.push(
      `      <edge${xmlAttributes([
        ['id', String(index)],
        ['source', first.source],
        ['target', first.target],
      ])}>`,
    );
    out.push('        <attvalues>');
    for (const tie of pair) {
      const span = spans.get(tie.wave);
      const time =
        span === undefined ? '' : ` start="${xmlAttribute(span.start)}" end="${xmlAttribute(span.end)}"`;
      const value = (name: string, text: string) =>
        out.push(`          <attvalue for="${xmlAttribute(name)}" value="${xmlAttribute(text)}"${time}/>`);
      value('wave', tie.wave);
      value('wave_label', waves.get(tie.wave)?.label ?? tie.wave);
      const description = waves.get(tie.wave)?.description;
      if (described && description !== undefined) value('wave_description', description);
      value('level', String(tie.level));
      value('weight', String(tie.level));
      for (const name of extraColumns) {
        const text = Object.hasOwn(tie.extra, name) ? tie.extra[name] : undefined;
        if (text !== undefined && text !== '') value(name, text);
      }
    }
    out.push('        </attvalues>');
    out.push('        <spells>');
    for (const tie of pair) {
      const span = spans.get(tie.wave);
      if (span !== undefined)
        out.push(
          `          <spell${xmlAttributes([
            ['start', span.start],
            ['end', span.end],
          ])}/>`,
        );
    }
    out.push('        </spells>');
    out.push('      </edge>');
  });
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return `${out.join('\n')}\n`;
}
