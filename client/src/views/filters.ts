/**
 * Filters of the map and the table: city, kind, institution type, NGO focus, minimum tie level,
 * community and "only isolated or peripheral". Organizations that do not pass fade on the map and
 * leave the table; the count says how many are shown.
 */
import { h, render, uid } from '../components/dom';
import type { OrganizationKind } from '../api/types';
import { dataStore } from '../core/data';
import {
  activeFilterCount,
  clearFilters,
  filterStore,
  setFilters,
  toggleFilterValue,
  type Filters,
} from '../core/filters';
import { compareText, localeStore, t, tOr } from '../core/i18n';
import { distinctValues, type UnionGraph } from '../core/network';
import { communityOf, currentMetrics, isolatedIds, passingIds } from '../core/selectors';
import { viewStore } from '../core/view';
import { bind } from './bind';

function institutionTypes(graph: UnionGraph): string[] {
  const types = new Set<string>();
  graph.forEachNode((_id, attributes) => {
    if (attributes.kind === 'institution' && attributes.type) types.add(attributes.type);
  });
  return [...types].sort();
}

function checkboxGroup<K extends 'cities' | 'kinds' | 'types' | 'focus' | 'communities'>(
  key: K,
  legend: string,
  values: readonly Filters[K][number][],
  labelOf: (value: Filters[K][number]) => string,
  filters: Filters,
): HTMLElement {
  const selected = filters[key] as readonly Filters[K][number][];
  return h(
    'fieldset',
    { class: 'checks' },
    h('legend', null, legend),
    values.map((value) => {
      const id = uid('filter');
      return h(
        'div',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          id,
          checked: selected.includes(value),
          'data-focus-key': `filter-${key}-${value}`,
          'data-testid': `filter-${key}-${value}`,
          on: {
            change: (event) => toggleFilterValue(key, value, (event.target as HTMLInputElement).checked),
          },
        }),
        h('label', { for: id }, labelOf(value)),
      );
    }),
  );
}

export function mountFilters(): { element: HTMLElement; kill(): void } {
  const element = h('section', { class: 'filters', 'aria-labelledby': 'filters-title' });
  const draw = (): void => {
    const data = dataStore.get();
    const view = viewStore.get();
    const filters = filterStore.get();
    const locale = localeStore.get();
    if (data.network.status !== 'ready') {
      render(element);
      return;
    }
    const network = data.network.data;
    const graph = network.graph;
    const metrics = currentMetrics(data, view);
    const communities = communityOf(metrics);
    const isolated = isolatedIds(data, network, view.wave);
    const passes = passingIds(graph, filters, communities, isolated);
    const shown = passes === null ? graph.order : passes.size;
    const communityValues = [...new Set(communities.values())].sort((a, b) => a - b);
    const sortText = (values: string[], label: (v: string) => string): string[] =>
      values.sort((a, b) => compareText(locale, label(a), label(b)));
    const cityLabel = (city: string): string => city;
    const typeLabel = (type: string): string => tOr(`institutionType.${type}`, type);
    const focusLabel = (focus: string): string => tOr(`focus.${focus}`, focus);
    const levelId = uid('level');
    const isolatedId = uid('isolated');
    const count = activeFilterCount(filters);

    render(
      element,
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'filters-title', class: 'section-title' }, t('filters.title')),
        count > 0
          ? h(
              'button',
              {
                type: 'button',
                class: 'button small',
                'data-focus-key': 'clear-filters',
                on: { click: clearFilters },
              },
              t('filters.clear'),
            )
          : null,
      ),
      h(
        'p',
        { class: 'hint', role: 'status', 'data-testid': 'filter-count', 'data-value': String(shown) },
        t('filters.showing', { shown, total: graph.order }),
      ),
      h(
        'div',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          id: isolatedId,
          checked: filters.onlyIsolated,
          'data-focus-key': 'only-isolated',
          'data-testid': 'filter-isolated',
          on: { change: (event) => setFilters({ onlyIsolated: (event.target as HTMLInputElement).checked }) },
        }),
        h('label', { for: isolatedId }, t('filters.onlyIsolated')),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: levelId }, t('filters.minLevel')),
        h(
          'select',
          {
            id: levelId,
            'data-focus-key': 'min-level',
            'data-testid': 'filter-level',
            on: {
              change: (event) => setFilters({ minLevel: Number((event.target as HTMLSelectElement).value) }),
            },
          },
          [1, 2, 3, 4].map((level) =>
            h(
              'option',
              { value: String(level), selected: filters.minLevel === level },
              level === 1
                ? t('filters.allLevels')
                : t('filters.levelAtLeast', { level: t(`level.${level}`) }),
            ),
          ),
        ),
      ),
      checkboxGroup<'kinds'>(
        'kinds',
        t('filters.kind'),
        ['ngo', 'institution'] as OrganizationKind[],
        (kind) => t(`kind.${kind}`),
        filters,
      ),
      checkboxGroup(
        'cities',
        t('filters.city'),
        sortText(distinctValues(graph, 'city'), cityLabel),
        cityLabel,
        filters,
      ),
      h(
        'details',
        { class: 'more-filters', ...(filters.types.length > 0 ? { open: true } : {}) },
        h('summary', null, t('filters.type')),
        checkboxGroup(
          'types',
          t('filters.type'),
          sortText(institutionTypes(graph), typeLabel),
          typeLabel,
          filters,
        ),
      ),
      h(
        'details',
        { class: 'more-filters', ...(filters.focus.length > 0 ? { open: true } : {}) },
        h('summary', null, t('filters.focus')),
        checkboxGroup(
          'focus',
          t('filters.focus'),
          sortText(distinctValues(graph, 'focus'), focusLabel),
          focusLabel,
          filters,
        ),
      ),
      communityValues.length > 0
        ? h(
            'details',
            { class: 'more-filters', ...(filters.communities.length > 0 ? { open: true } : {}) },
            h('summary', null, t('filters.community')),
            checkboxGroup<'communities'>(
              'communities',
              t('filters.community'),
              communityValues,
              (community) => t('legend.community', { number: community + 1 }),
              filters,
            ),
          )
        : null,
    );
  };
  const unbind = bind(element, [dataStore, viewStore, filterStore, localeStore], draw);
  return { element, kill: unbind };
}
