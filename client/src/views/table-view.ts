/**
 * The organizations as a table: the accessible alternative to the map. Sortable by any column (the
 * header buttons announce their sort with aria-sort), filtered like the map, one row per organization
 * with its metrics in the shown wave and their change between the compared waves.
 */
import { estimatedKeys, estimateTitle } from '../core/approximation';
import { h, render } from '../components/dom';
import type { RankedChange } from '../api/types';
import { compareKey, dataStore, metricsKey } from '../core/data';
import { filterStore } from '../core/filters';
import { formatNumber, formatSigned, localeStore, t, tOr } from '../core/i18n';
import {
  CATEGORICAL_METRICS,
  communityOf,
  comparedWaves,
  isolatedIds,
  labelOf,
  nodeMetricInfos,
  nodeValues,
  passingIds,
} from '../core/selectors';
import { dataOf } from '../core/status';
import { setShowFiltered, sortBy, sortRows, tableStore, type TableRow } from '../core/table';
import { selectOrganization, viewStore } from '../core/view';
import { bind } from './bind';

const MAX_METRIC_COLUMNS = 6;

export function mountTable(): { element: HTMLElement; kill(): void } {
  const element = h('section', {
    class: 'table-view',
    'aria-labelledby': 'table-title',
    'data-testid': 'table-view',
  });
  const draw = (): void => {
    const data = dataStore.get();
    const view = viewStore.get();
    const filters = filterStore.get();
    const locale = localeStore.get();
    const { sort, showFiltered } = tableStore.get();
    if (data.network.status !== 'ready' || data.boot.status !== 'ready' || view.tab !== 'table') {
      render(element);
      return;
    }
    const network = data.network.data;
    const graph = network.graph;
    const boot = data.boot.data;
    const metrics = view.wave !== null ? dataOf(data.metrics[metricsKey(view.wave, view.mode)]) : null;
    const infos = nodeMetricInfos(dataOf(data.registry), metrics)
      .filter((info) => !CATEGORICAL_METRICS.has(info.key))
      .slice(0, MAX_METRIC_COLUMNS);
    const pair = comparedWaves(boot, view);
    const compare = pair ? dataOf(data.compare[compareKey(pair.from, pair.to, view.mode)]) : null;
    const changeById = new Map((compare?.nodes ?? []).map((row) => [row.id, row]));
    const communities = communityOf(metrics);
    const isolated = isolatedIds(data, network, view.wave);
    const passes = passingIds(graph, filters, communities, isolated);
    const valuesByMetric = new Map(
      infos.map((info) => [info.key, nodeValues(metrics, info.key, graph, view.wave)]),
    );
    const waveLabel = (id: string): string => boot.waves.find((wave) => wave.id === id)?.label ?? id;

    const rows: TableRow[] = graph
      .filterNodes((id) => showFiltered || passes === null || passes.has(id))
      .map((id) => {
        const attributes = graph.getNodeAttributes(id);
        const values: TableRow['values'] = {
          name: attributes.name,
          kind: t(`kind.${attributes.kind}`),
          type: attributes.type
            ? tOr(
                `${attributes.kind === 'institution' ? 'institutionType' : 'ngoType'}.${attributes.type}`,
                attributes.type,
              )
            : null,
          city: attributes.city,
        };
        for (const info of infos) values[info.key] = valuesByMetric.get(info.key)?.get(id) ?? null;
        const change = changeById.get(id)?.[view.sizeBy] as RankedChange | undefined;
        values.change = change?.change ?? null;
        return { id, values };
      });
    const sorted = sortRows(rows, sort, locale);
    const sizeInfo = infos.find((info) => info.key === view.sizeBy);
    const estimated = estimatedKeys(metrics?.approximate);
    const columns: { key: string; label: string; numeric: boolean; title?: string }[] = [
      { key: 'name', label: t('table.name'), numeric: false },
      { key: 'kind', label: t('table.kind'), numeric: false },
      { key: 'type', label: t('table.type'), numeric: false },
      { key: 'city', label: t('table.city'), numeric: false },
      ...infos.map((info) => ({
        key: info.key,
        label: labelOf(info, info.key, locale) + (estimated.has(info.key) ? ' ≈' : ''),
        numeric: true,
        ...(estimated.has(info.key) ? { title: estimateTitle(metrics?.approximate, info.key, locale) } : {}),
      })),
      ...(pair
        ? [
            {
              key: 'change',
              label: t('table.change', { metric: labelOf(sizeInfo, view.sizeBy, locale) }),
              numeric: true,
            },
          ]
        : []),
    ];
    const showFilteredId = 'table-show-filtered';
    render(
      element,
      h(
        'div',
        { class: 'section-head' },
        h(
          'h2',
          { id: 'table-title', class: 'page-title' },
          t('table.title', { wave: view.wave !== null ? waveLabel(view.wave) : '' }),
        ),
        h(
          'div',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            id: showFilteredId,
            checked: showFiltered,
            'data-focus-key': 'table-show-filtered',
            on: { change: (event) => setShowFiltered((event.target as HTMLInputElement).checked) },
          }),
          h('label', { for: showFilteredId }, t('table.showFiltered')),
        ),
      ),
      h(
        'p',
        { class: 'hint', role: 'status', 'data-testid': 'table-count' },
        t('table.count', { count: sorted.length, total: graph.order }),
        pair ? ` · ${t('table.changeNote', { from: waveLabel(pair.from), to: waveLabel(pair.to) })}` : '',
      ),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data-table sortable', 'data-testid': 'organizations-table' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              columns.map((column) =>
                h(
                  'th',
                  {
                    scope: 'col',
                    class: column.numeric ? 'number' : '',
                    'aria-sort': sort.key === column.key ? sort.direction : 'none',
                    ...(column.title ? { title: column.title } : {}),
                  },
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'sort-button',
                      'data-focus-key': `sort-${column.key}`,
                      'data-testid': `sort-${column.key}`,
                      on: { click: () => sortBy(column.key) },
                    },
                    column.label,
                    h(
                      'span',
                      { class: 'sort-icon', 'aria-hidden': 'true' },
                      sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕',
                    ),
                  ),
                ),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            sorted.map((row) =>
              h(
                'tr',
                {
                  'aria-selected': String(view.selected === row.id),
                  class: passes !== null && !passes.has(row.id) ? 'filtered-out' : '',
                },
                columns.map((column, index) => {
                  const value = row.values[column.key] ?? null;
                  if (index === 0) {
                    return h(
                      'th',
                      { scope: 'row' },
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'link-button',
                          'data-testid': 'table-org',
                          on: { click: () => selectOrganization(row.id) },
                        },
                        String(value ?? row.id),
                      ),
                    );
                  }
                  if (column.key === 'change')
                    return h('td', { class: 'number' }, formatSigned(locale, value as number | null));
                  return h(
                    'td',
                    { class: column.numeric ? 'number' : '' },
                    typeof value === 'number' ? formatNumber(locale, value) : (value ?? '–'),
                  );
                }),
              ),
            ),
          ),
        ),
      ),
    );
  };
  const unbind = bind(element, [dataStore, viewStore, filterStore, localeStore, tableStore], draw);
  return { element, kill: unbind };
}
