/**
 * The dashboard: what changed between the compared waves and whether it matters. Findings in plain
 * words (density test, meeting effect, cross-sector ties, QAP), one card per network metric with its
 * change, charts (degree distribution per wave, density and E-I per wave, new ties by event
 * attendance) and the isolated or peripheral NGOs with whom to introduce them to.
 */
import { h, render } from '../components/dom';
import type { CompareResult, ValueChange, WaveMetrics } from '../api/types';
import { approximationNote, estimatedKeys, estimateTitle } from '../core/approximation';
import { focusCamera } from '../core/camera';
import { compareKey, dataStore, ensureCompare, ensureIsolated, metricsKey } from '../core/data';
import { buildFindings, type Finding } from '../core/evidence';
import { formatNumber, formatPercent, formatSigned, localeStore, localized, t, tOr } from '../core/i18n';
import { waveDegrees } from '../core/network';
import { comparedWaves, labelOf, networkMetricInfos } from '../core/selectors';
import { dataOf, type Status } from '../core/status';
import { selectOrganization, setView, viewStore } from '../core/view';
import { SERIES_COLOURS } from '../../../server/domain/palette';
import { OKABE_ITO } from '../sigma/palette';
import { bind } from './bind';
import { barChart, lineChart } from './charts';
import { errorBlock, loadingBlock } from './status';

const WAVE_COLORS = SERIES_COLOURS;

/** Metrics whose relative change reads well ("+26%"); the others are indices shown as differences. */
const RELATIVE = new Set([
  'edges',
  'density',
  'averageDegree',
  'crossCityTies',
  'isolates',
  'components',
  'largestComponent',
]);
const HIDDEN_CARDS = new Set(['nodes', 'eigenvectorConverged']);
/** Fewer is better for these (fewer fragments, shorter paths); green means "better", not "up". */
const LOWER_IS_BETTER = new Set(['components', 'isolates', 'diameter', 'averagePathLength']);
/** Neither direction is better in itself. */
const NEUTRAL = new Set(['modularity', 'communities', 'degreeCentralization']);

function findingItem(finding: Finding): HTMLElement {
  const icon = finding.tone === 'positive' ? '▲' : finding.tone === 'negative' ? '▼' : '●';
  return h(
    'li',
    { class: `finding tone-${finding.tone}`, 'data-testid': `finding-${finding.id}` },
    h('span', { class: 'finding-icon', 'aria-hidden': 'true' }, icon),
    h(
      'p',
      null,
      t(finding.key, finding.params),
      finding.verdictKey
        ? h('strong', { class: 'verdict' }, ` ${t(finding.verdictKey, finding.params)}`)
        : null,
    ),
  );
}

function card(
  label: string,
  description: string,
  value: ValueChange,
  key: string,
  locale: 'tr' | 'en',
  estimate: string | null = null,
): HTMLElement {
  const relative =
    RELATIVE.has(key) && value.from !== null && value.from !== 0 && value.change !== null
      ? value.change / value.from
      : null;
  const changeText =
    value.change === null
      ? '–'
      : relative !== null
        ? `${formatSigned(locale, value.change)} (${formatPercent(locale, relative, true)})`
        : formatSigned(locale, value.change);
  const sign = value.change === null || value.change === 0 || NEUTRAL.has(key) ? 0 : Math.sign(value.change);
  const better = LOWER_IS_BETTER.has(key) ? -sign : sign;
  const direction = better > 0 ? 'up' : better < 0 ? 'down' : 'same';
  return h(
    'article',
    { class: 'metric-card', 'data-metric': key, title: description },
    h(
      'h3',
      null,
      label,
      estimate === null
        ? null
        : h('span', { class: 'estimate-badge', title: estimate }, ` ≈ ${t('approximate.badge')}`),
    ),
    h('p', { class: 'metric-value' }, formatNumber(locale, value.to)),
    h(
      'p',
      { class: 'metric-from' },
      `${formatNumber(locale, value.from)} → ${formatNumber(locale, value.to)}`,
    ),
    h('p', { class: `metric-change ${direction}` }, changeText),
  );
}

function networkChanges(
  compare: CompareResult | null,
  from: WaveMetrics | null,
  to: WaveMetrics | null,
): Record<string, ValueChange> {
  if (compare && Object.keys(compare.network).length > 0) return compare.network;
  const result: Record<string, ValueChange> = {};
  if (!from || !to) return result;
  for (const [key, before] of Object.entries(from.network)) {
    const after = to.network[key];
    if (typeof before !== 'number' || typeof after !== 'number') continue;
    result[key] = { from: before, to: after, change: after - before };
  }
  return result;
}

function statusNote(status: Status<unknown> | undefined, retry: () => void): HTMLElement | null {
  if (!status || status.status === 'idle' || status.status === 'loading') return loadingBlock();
  if (status.status === 'error') return errorBlock(status.error, retry, true);
  return null;
}

export function mountDashboard(): { element: HTMLElement; kill(): void } {
  const element = h('section', {
    class: 'dashboard',
    'aria-labelledby': 'dashboard-title',
    'data-testid': 'dashboard',
  });
  const draw = (): void => {
    const data = dataStore.get();
    const view = viewStore.get();
    const locale = localeStore.get();
    if (data.boot.status !== 'ready' || view.tab !== 'dashboard') {
      render(element);
      return;
    }
    const boot = data.boot.data;
    const waves = boot.waves;
    const pair = comparedWaves(boot, view);
    const waveLabel = (id: string): string => waves.find((wave) => wave.id === id)?.label ?? id;
    const metricsOf = (wave: string): WaveMetrics | null => dataOf(data.metrics[metricsKey(wave, view.mode)]);
    const compareStatus = pair ? data.compare[compareKey(pair.from, pair.to, view.mode)] : undefined;
    const compare = dataOf(compareStatus);
    const registry = dataOf(data.registry);
    const network = data.network.status === 'ready' ? data.network.data : null;

    const findings = compare ? buildFindings(compare, locale) : [];
    const changes = pair ? networkChanges(compare, metricsOf(pair.from), metricsOf(pair.to)) : {};
    const infos = networkMetricInfos(registry);
    const approximate = compare?.approximate ?? (pair ? metricsOf(pair.to)?.approximate : undefined);
    const estimated = estimatedKeys(approximate);
    const note = approximationNote(
      approximate,
      (key) =>
        labelOf(
          infos.find((candidate) => candidate.key === key),
          key,
          locale,
        ),
      locale,
    );
    const cardKeys = [
      ...infos.map((info) => info.key).filter((key) => key in changes),
      ...Object.keys(changes).filter((key) => !infos.some((info) => info.key === key)),
    ].filter((key) => !HIDDEN_CARDS.has(key));
    if (compare?.crossSectorTies && !cardKeys.includes('crossSectorTies')) cardKeys.push('crossSectorTies');
    const allChanges: Record<string, ValueChange> = {
      ...changes,
      ...(compare?.crossSectorTies ? { crossSectorTies: compare.crossSectorTies } : {}),
    };

    // Degree distribution per wave, from the map's own ties (always available).
    const degreeSeries = network
      ? waves.map((wave, i) => ({
          wave,
          degrees: [...waveDegrees(network.graph, wave.id).values()],
          color: WAVE_COLORS[i % WAVE_COLORS.length]!,
        }))
      : [];
    const maxDegree = Math.max(0, ...degreeSeries.flatMap((s) => s.degrees));
    const CAP = 20;
    const bins = Array.from({ length: Math.min(maxDegree, CAP) + 1 }, (_, d) => d);
    const degreeChart =
      degreeSeries.length > 0
        ? barChart({
            title: t('dashboard.charts.degree'),
            categories: bins.map((d) => (d === CAP && maxDegree > CAP ? `${CAP}+` : String(d))),
            series: degreeSeries.map((s) => ({
              name: s.wave.label,
              color: s.color,
              values: bins.map(
                (d) => s.degrees.filter((value) => (d === CAP ? value >= CAP : value === d)).length,
              ),
            })),
            format: (value) => formatNumber(locale, value),
            yLabel: t('dashboard.charts.organizations'),
          })
        : null;

    const perWave = (key: string): (number | null)[] =>
      waves.map((wave) => {
        const value = metricsOf(wave.id)?.network[key];
        return typeof value === 'number' ? value : null;
      });
    const densityChart = lineChart({
      title: t('dashboard.charts.density'),
      categories: waves.map((wave) => wave.label),
      series: [
        { name: t('dashboard.charts.densityName'), color: OKABE_ITO.blue, values: perWave('density') },
      ],
      format: (value) => formatNumber(locale, value, 3),
    });
    const eiChart = lineChart({
      title: t('dashboard.charts.ei'),
      categories: waves.map((wave) => wave.label),
      series: [
        { name: t('dashboard.charts.eiName'), color: OKABE_ITO.vermillion, values: perWave('eiIndex') },
      ],
      format: (value) => formatNumber(locale, value, 2),
      domain: [-1, 1],
    });

    const meetingRows = (compare?.meetingEffect ?? []).filter(
      (row) => (row.scope ?? 'all') === 'all' && row.coAttendingPairs > 0,
    );
    const meetingChart =
      meetingRows.length > 0
        ? barChart({
            title: t('dashboard.charts.meeting', {
              from: pair ? waveLabel(pair.from) : '',
              to: pair ? waveLabel(pair.to) : '',
            }),
            categories: meetingRows.map((row) => tOr(`eventType.${row.eventType}`, row.eventType)),
            series: [
              {
                name: t('dashboard.charts.met'),
                color: OKABE_ITO.bluishGreen,
                values: meetingRows.map((row) => row.rateCoAttending),
              },
              {
                name: t('dashboard.charts.didNotMeet'),
                color: '#9aa3ad',
                values: meetingRows.map((row) => row.rateOther),
              },
            ],
            format: (value) => formatPercent(locale, value),
            yLabel: t('dashboard.charts.newTieRate'),
            notes: meetingRows.map((row) =>
              row.rateRatio === null ? null : `×${formatNumber(locale, row.rateRatio, 1)}`,
            ),
          })
        : null;

    const isolatedStatus = view.wave !== null ? data.isolated[view.wave] : undefined;
    const isolated = dataOf(isolatedStatus);
    const isolatedNgos = (isolated?.organizations ?? []).filter((org) => org.kind === 'ngo');

    render(
      element,
      h(
        'h2',
        { id: 'dashboard-title', class: 'page-title' },
        pair
          ? t('dashboard.title', { from: waveLabel(pair.from), to: waveLabel(pair.to) })
          : t('dashboard.titleSingle'),
      ),
      pair
        ? h(
            'section',
            { class: 'findings-section' },
            h('h3', { class: 'section-title' }, t('dashboard.findings')),
            compare
              ? h('ul', { class: 'findings', 'data-testid': 'findings' }, findings.map(findingItem))
              : statusNote(compareStatus, () => void ensureCompare(pair.from, pair.to, view.mode, true)),
            compare ? h('p', { class: 'hint' }, t('dashboard.findingsNote')) : null,
          )
        : null,
      cardKeys.length > 0
        ? h(
            'section',
            { class: 'cards-section' },
            h('h3', { class: 'section-title' }, t('dashboard.metrics')),
            note === null ? null : h('p', { class: 'hint', 'data-testid': 'approximate-note' }, note),
            h(
              'div',
              { class: 'metric-cards', 'data-testid': 'metric-cards' },
              cardKeys.map((key) => {
                const info = infos.find((candidate) => candidate.key === key);
                const label =
                  key === 'crossSectorTies' ? t('dashboard.crossSectorTies') : labelOf(info, key, locale);
                return card(
                  label,
                  info?.description ? localized(info.description) : '',
                  allChanges[key]!,
                  key,
                  locale,
                  estimated.has(key) ? estimateTitle(approximate, key, locale) : null,
                );
              }),
            ),
          )
        : null,
      h(
        'section',
        { class: 'charts' },
        h('h3', { class: 'section-title' }, t('dashboard.charts.title')),
        degreeChart,
        h('div', { class: 'chart-row' }, densityChart, eiChart),
        meetingChart,
      ),
      h(
        'section',
        { class: 'isolated-section', 'data-testid': 'isolated-list' },
        h(
          'h3',
          { class: 'section-title' },
          t('dashboard.isolated.title', { wave: view.wave !== null ? waveLabel(view.wave) : '' }),
        ),
        isolated
          ? isolatedNgos.length === 0
            ? h('p', { class: 'hint' }, t('dashboard.isolated.none'))
            : h(
                'table',
                { class: 'data-table' },
                h(
                  'thead',
                  null,
                  h(
                    'tr',
                    null,
                    h('th', { scope: 'col' }, t('table.name')),
                    h('th', { scope: 'col' }, t('table.city')),
                    h('th', { scope: 'col' }, t('dashboard.isolated.why')),
                    h('th', { scope: 'col' }, t('dashboard.isolated.introduce')),
                  ),
                ),
                h(
                  'tbody',
                  null,
                  isolatedNgos.map((org) =>
                    h(
                      'tr',
                      null,
                      h(
                        'th',
                        { scope: 'row' },
                        h(
                          'button',
                          {
                            type: 'button',
                            class: 'link-button',
                            'data-testid': 'isolated-org',
                            'data-id': org.id,
                            on: {
                              click: () => {
                                selectOrganization(org.id);
                                setView({ tab: 'map' });
                                focusCamera(org.id);
                              },
                            },
                          },
                          org.name,
                        ),
                      ),
                      h('td', null, org.city ?? ''),
                      h(
                        'td',
                        null,
                        h(
                          'ul',
                          { class: 'plain-list' },
                          org.reasons.map((reason) => h('li', null, localized(reason.text))),
                        ),
                      ),
                      h(
                        'td',
                        null,
                        org.suggestions
                          .slice(0, 2)
                          .map((s) => s.name)
                          .join(', ') || '–',
                      ),
                    ),
                  ),
                ),
              )
          : statusNote(isolatedStatus, () => view.wave !== null && void ensureIsolated(view.wave, true)),
      ),
    );
  };
  const unbind = bind(element, [dataStore, viewStore, localeStore], draw);
  return { element, kill: unbind };
}
