/**
 * Details of the selected organization: who it is, every metric with its rank and its change between
 * the compared waves, its brokerage role, and — for an isolated or peripheral organization — why it is
 * listed and whom to introduce it to (a suggestion shows both on the map). Then its ties wave by wave
 * and the events it attended.
 */
import { h, render } from '../components/dom';
import {
  BROKERAGE_ROLES,
  type IsolatedOrganization,
  type OrganizationDetails,
  type RankedChange,
  type TieOfOrganization,
} from '../api/types';
import { fitCamera, focusCamera } from '../core/camera';
import { dataStore, ensureIsolated, ensureOrganization } from '../core/data';
import { formatDateRange, formatNumber, formatSigned, localeStore, localized, t, tOr } from '../core/i18n';
import {
  BROKERAGE_KEYS,
  brokerageOf,
  CATEGORICAL_METRICS,
  comparedWaves,
  currentMetrics,
  labelOf,
  nodeChangeOf,
  nodeMetricInfos,
  rankOf,
} from '../core/selectors';
import { dataOf } from '../core/status';
import { selectOrganization, setView, showPair, viewStore } from '../core/view';
import { isPrivateAttribute, PUBLIC_NAME_COLUMN } from '../../../server/domain/privacy/attribute-schema';
import { bind } from './bind';
import { errorBlock, loadingBlock } from './status';

/**
 * One attribute; `column` names it for the privacy schema, so an attribute that is never published
 * (refugee_led, contact details, any unknown column) carries a "Private — not published" mark.
 */
function attribute(label: string, value: string | null | undefined, column?: string): HTMLElement | null {
  if (value === null || value === undefined || value === '') return null;
  const isPrivate = column !== undefined && isPrivateAttribute(column);
  return h(
    'div',
    {
      class: isPrivate ? 'attribute private' : 'attribute',
      ...(isPrivate ? { 'data-private': column } : {}),
    },
    h('dt', null, label),
    h(
      'dd',
      null,
      value,
      isPrivate
        ? h(
            'span',
            { class: 'badge private-badge', title: t('details.privateHint'), 'data-testid': 'private-badge' },
            t('details.private'),
          )
        : null,
    ),
  );
}

/** The extra columns of the organization (e-mail, languages, …), each marked by the privacy schema. */
function extraAttributes(extra: Record<string, unknown> | undefined): (HTMLElement | null)[] {
  return Object.entries(extra ?? {})
    .filter(([column]) => column !== PUBLIC_NAME_COLUMN)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([column, value]) =>
      attribute(column, value === null || value === undefined ? null : String(value), column),
    );
}

function mergeTies(
  ties: readonly TieOfOrganization[],
): { partner: string; name: string; level: number; direction: string }[] {
  const byPartner = new Map<
    string,
    { partner: string; name: string; level: number; directions: Set<string> }
  >();
  for (const tie of ties) {
    const entry = byPartner.get(tie.partner) ?? {
      partner: tie.partner,
      name: tie.partnerName,
      level: 0,
      directions: new Set(),
    };
    entry.level = Math.max(entry.level, tie.level);
    entry.directions.add(tie.direction);
    byPartner.set(tie.partner, entry);
  }
  return [...byPartner.values()]
    .map((entry) => ({
      partner: entry.partner,
      name: entry.name,
      level: entry.level,
      direction: entry.directions.size > 1 ? 'both' : ([...entry.directions][0] ?? 'reported'),
    }))
    .sort((a, b) => b.level - a.level || a.name.localeCompare(b.name, 'tr'));
}

function suggestionsBlock(org: IsolatedOrganization): HTMLElement {
  return h(
    'section',
    { class: 'details-section isolation', 'data-testid': 'isolation' },
    h('h3', null, t('details.isolation.title')),
    h(
      'ul',
      { class: 'reasons' },
      org.reasons.map((reason) => h('li', { 'data-code': reason.code }, localized(reason.text))),
    ),
    org.suggestions.length === 0
      ? h('p', { class: 'hint' }, t('details.isolation.noSuggestions'))
      : h(
          'div',
          null,
          h('h4', null, t('details.isolation.suggestions')),
          h(
            'ol',
            { class: 'suggestions', 'data-testid': 'suggestions' },
            org.suggestions.map((suggestion) =>
              h(
                'li',
                { class: 'suggestion', 'data-testid': 'suggestion', 'data-id': suggestion.id },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link-button suggestion-name',
                    'data-focus-key': `suggestion-${suggestion.id}`,
                    on: {
                      click: () => {
                        showPair(org.id, suggestion.id);
                        fitCamera([org.id, suggestion.id]);
                      },
                    },
                  },
                  suggestion.name,
                ),
                h('span', { class: 'badge' }, t(`kind.${suggestion.kind}`)),
                h('p', { class: 'suggestion-text' }, localized(suggestion.text)),
                h(
                  'ul',
                  { class: 'reasons small' },
                  suggestion.reasons.map((reason) =>
                    h('li', { 'data-code': reason.code }, localized(reason.text)),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

export function mountDetails(): { element: HTMLElement; kill(): void } {
  const body = h('div', { class: 'details-body' });
  const element = h(
    'aside',
    { class: 'details panel', 'aria-labelledby': 'details-title', 'data-testid': 'details', hidden: true },
    body,
  );

  const draw = (): void => {
    const data = dataStore.get();
    const view = viewStore.get();
    const locale = localeStore.get();
    const id = view.selected;
    const network = data.network.status === 'ready' ? data.network.data : null;
    if (id === null || !network || !network.graph.hasNode(id)) {
      element.hidden = true;
      render(body);
      return;
    }
    element.hidden = false;
    const boot = data.boot.status === 'ready' ? data.boot.data : null;
    const attributes = network.graph.getNodeAttributes(id);
    const detailsStatus = data.organizations[id];
    const details: OrganizationDetails | null = dataOf(detailsStatus);
    const metrics = currentMetrics(data, view);
    const metricsStatus = view.wave !== null ? data.metrics[`${view.mode}|${view.wave}`] : undefined;
    const infos = nodeMetricInfos(dataOf(data.registry), metrics);
    const pair = comparedWaves(boot, view);
    const waveLabel = (wave: string): string => boot?.waves.find((w) => w.id === wave)?.label ?? wave;
    const change = nodeChangeOf(data, boot, view, id);
    const isolation = view.wave !== null ? dataOf(data.isolated[view.wave]) : null;
    const isolatedEntry = isolation?.organizations.find((org) => org.id === id) ?? null;
    const row = metrics?.nodes.find((node) => node.id === id);
    const brokerage = brokerageOf(row);

    const metricRows = infos
      .filter((info) => !BROKERAGE_KEYS.has(info.key))
      .map((info) => {
        const value = row?.[info.key];
        const categorical = CATEGORICAL_METRICS.has(info.key);
        const rank = categorical ? null : rankOf(metrics, info.key, id);
        const delta = change?.[info.key] as RankedChange | undefined;
        return h(
          'tr',
          { 'data-metric': info.key },
          h(
            'th',
            { scope: 'row', title: info.description ? localized(info.description) : '' },
            labelOf(info, info.key, locale),
          ),
          h(
            'td',
            { class: 'number' },
            typeof value === 'number'
              ? categorical
                ? formatNumber(locale, value + 1)
                : formatNumber(locale, value)
              : '–',
          ),
          h('td', { class: 'number' }, rank ? t('details.rank', { rank: rank.rank, of: rank.of }) : '–'),
          h(
            'td',
            { class: 'number change' },
            delta && !categorical && delta.from !== null && delta.to !== null
              ? h(
                  'span',
                  { class: (delta.change ?? 0) > 0 ? 'up' : (delta.change ?? 0) < 0 ? 'down' : '' },
                  `${formatNumber(locale, delta.from)} → ${formatNumber(locale, delta.to)} (${formatSigned(locale, delta.change)})`,
                  delta.rankChange !== null && delta.rankChange !== 0
                    ? h(
                        'span',
                        { class: 'rank-change' },
                        ` ${t('details.rankChange', { change: formatSigned(locale, delta.rankChange) })}`,
                      )
                    : null,
                )
              : '–',
          ),
        );
      });

    const tiesSection = (() => {
      if (detailsStatus?.status === 'error' && !details)
        return errorBlock(detailsStatus.error, () => void ensureOrganization(id, true), true);
      if (!details) return loadingBlock(t('details.loading'));
      const waves = boot?.waves ?? [];
      return h(
        'section',
        { class: 'details-section' },
        h('h3', null, t('details.tiesByWave')),
        waves.map((wave) => {
          const ties = mergeTies(details.tiesByWave[wave.id] ?? []);
          return h(
            'details',
            { class: 'ties-wave', ...(wave.id === view.wave ? { open: true } : {}) },
            h('summary', null, `${wave.label}: ${t('details.tieCount', { count: ties.length })}`),
            ties.length === 0
              ? h('p', { class: 'hint' }, t('details.noTies'))
              : h(
                  'ul',
                  { class: 'tie-list' },
                  ties.map((tie) =>
                    h(
                      'li',
                      null,
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'link-button',
                          on: {
                            click: () => {
                              selectOrganization(tie.partner);
                              focusCamera(tie.partner);
                            },
                          },
                        },
                        tie.name,
                      ),
                      h(
                        'span',
                        { class: 'tie-meta' },
                        ` · ${t(`level.${tie.level}`)} · ${tOr(`direction.${tie.direction}`, tie.direction)}`,
                      ),
                    ),
                  ),
                ),
          );
        }),
        h('h3', null, t('details.events')),
        details.events.length === 0
          ? h('p', { class: 'hint' }, t('details.noEvents'))
          : h(
              'ul',
              { class: 'event-list' },
              [...details.events]
                .sort((a, b) => (a.date < b.date ? -1 : 1))
                .map((event) =>
                  h(
                    'li',
                    null,
                    h('span', { class: 'event-name' }, event.name),
                    h(
                      'span',
                      { class: 'tie-meta' },
                      ` · ${tOr(`eventType.${event.type ?? 'other'}`, event.type ?? '')} · ${formatDateRange(locale, event.date, event.endDate)}`,
                    ),
                  ),
                ),
            ),
      );
    })();

    const isolationStatus = view.wave !== null ? data.isolated[view.wave] : undefined;
    render(
      body,
      h(
        'div',
        { class: 'details-head' },
        h('h2', { id: 'details-title', 'data-testid': 'details-name' }, attributes.name),
        h(
          'button',
          {
            type: 'button',
            class: 'button icon-button',
            'aria-label': t('details.close'),
            'data-focus-key': 'details-close',
            'data-testid': 'details-close',
            on: { click: () => selectOrganization(null) },
          },
          '✕',
        ),
      ),
      h(
        'dl',
        { class: 'attributes' },
        attribute(t('details.kind'), t(`kind.${attributes.kind}`)),
        attribute(
          t('details.type'),
          attributes.type
            ? attributes.kind === 'institution'
              ? tOr(`institutionType.${attributes.type}`, attributes.type)
              : tOr(`ngoType.${attributes.type}`, attributes.type)
            : null,
        ),
        attribute(t('details.city'), [attributes.city, attributes.district].filter(Boolean).join(' / ')),
        attribute(
          t('details.focus'),
          attributes.focus.map((focus) => tOr(`focus.${focus}`, focus)).join(', '),
        ),
        attribute(
          t('details.refugeeLed'),
          attributes.refugeeLed === null || attributes.refugeeLed === undefined
            ? null
            : attributes.refugeeLed
              ? t('common.yes')
              : t('common.no'),
          'refugee_led',
        ),
        attribute(
          t('details.founded'),
          details?.founded !== null && details?.founded !== undefined ? String(details.founded) : null,
        ),
        extraAttributes(details?.extra),
      ),
      h(
        'div',
        { class: 'details-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button small',
            on: {
              click: () => {
                setView({ tab: 'map' });
                focusCamera(id);
              },
            },
          },
          t('details.showOnMap'),
        ),
      ),
      isolatedEntry ? suggestionsBlock(isolatedEntry) : null,
      isolationStatus?.status === 'error' && isolationStatus.error.kind !== 'not-found'
        ? errorBlock(
            isolationStatus.error,
            () => view.wave !== null && void ensureIsolated(view.wave, true),
            true,
          )
        : null,
      h(
        'section',
        { class: 'details-section' },
        h('h3', null, t('details.metrics', { wave: view.wave !== null ? waveLabel(view.wave) : '' })),
        pair
          ? h(
              'p',
              { class: 'hint' },
              t('details.changeNote', { from: waveLabel(pair.from), to: waveLabel(pair.to) }),
            )
          : null,
        metricsStatus?.status === 'error' && !metrics
          ? errorBlock(metricsStatus.error, null, true)
          : h(
              'table',
              { class: 'metric-table', 'data-testid': 'details-metrics' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, t('details.metric')),
                  h('th', { scope: 'col', class: 'number' }, t('details.value')),
                  h('th', { scope: 'col', class: 'number' }, t('details.rankHeader')),
                  h(
                    'th',
                    {
                      scope: 'col',
                      class: 'number',
                      ...(pair ? { title: `${waveLabel(pair.from)} → ${waveLabel(pair.to)}` } : {}),
                    },
                    t('details.change'),
                  ),
                ),
              ),
              h('tbody', null, metricRows),
            ),
      ),
      h(
        'section',
        { class: 'details-section' },
        h('h3', null, t('details.brokerage.title')),
        brokerage
          ? h(
              'div',
              { 'data-testid': 'brokerage' },
              h(
                'p',
                null,
                brokerage.role
                  ? h('strong', null, tOr(`brokerage.${brokerage.role}.name`, brokerage.role))
                  : t('details.brokerage.none'),
                brokerage.role ? ` — ${tOr(`brokerage.${brokerage.role}.description`, '')}` : '',
              ),
              brokerage.total > 0
                ? h(
                    'p',
                    { class: 'hint' },
                    BROKERAGE_ROLES.map(
                      (role) =>
                        `${tOr(`brokerage.${role}.name`, role)}: ${formatNumber(locale, brokerage.counts[role])}`,
                    ).join(' · '),
                  )
                : null,
            )
          : h('p', { class: 'hint' }, metrics ? t('details.brokerage.unavailable') : t('status.loading')),
      ),
      tiesSection,
    );
  };
  const unbind = bind(element, [dataStore, viewStore, localeStore], draw);
  return { element, kill: unbind };
}
