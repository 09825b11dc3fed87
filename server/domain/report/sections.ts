/**
 * The body sections of the report, each a function of the model: the two wave maps with their legend,
 * the diff map, the metric table with its evidence (paired density bootstrap, QAP, meeting effect),
 * cross-sector ties and the E-I index per group (Krackhardt & Stern 1988), the brokers (betweenness,
 * Brandes 2001; brokerage roles, Gould & Fernandez 1989), the isolated NGOs with introduction
 * suggestions, and the charts. Wording comes from the catalogue, numbers from the model.
 */
import type { MeetingEffectRow } from '../compare/meeting-effect.js';
import type { Organization } from '../types.js';
import {
  catalogueOr,
  changeCell,
  eventTypeLabel,
  kindLabel,
  metricDescription,
  metricDigits,
  metricLabel,
  pText,
  rateText,
  roleLabel,
  typeLabel,
  waveWithDate,
  waveName,
  type Ctx,
} from './context.js';
import { html, join, type SafeHtml } from './html.js';
import type { MessageKey } from './i18n.js';
import { DIFF_COLOURS as TIE_COLOURS, OKABE_ITO, SERIES_COLOURS } from '../palette.js';
import { groupedBarChart, horizontalBarChart, pointChart } from './svg-charts.js';
import { LEVEL_WIDTHS, nodeShape, renderDiffMap, renderWaveMap } from './svg-map.js';

function markers(ctx: Ctx): Map<string, number> {
  return new Map(ctx.model.brokers.slice(0, 5).map((broker) => [broker.id, broker.marker]));
}

function swatch(shape: SafeHtml): SafeHtml {
  return html`<svg viewBox="0 0 22 14" aria-hidden="true">${shape}</svg>`;
}

function legend(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const categories = model.categories.categories.map((category) => {
    const label =
      category.kind === 'ngo'
        ? t.t('legend.ngo')
        : category.type === null
          ? t.t('legend.otherInstitution')
          : typeLabel(ctx, category.type);
    const shape = nodeShape(
      category.kind,
      11,
      7,
      5,
      { fill: category.colour, stroke: '#222', strokeWidth: 0.6 },
      null,
    );
    return html`<li>${swatch(shape)}${label} <span class="muted">(${t.number(category.count)})</span></li>`;
  });
  const levels = LEVEL_WIDTHS.map(
    (width, index) =>
      html`<li>
        ${swatch(html`<line x1="1" x2="21" y1="7" y2="7" stroke="#4d4d4d" stroke-width="${width * 1.6}" />`)}${t.t(`level.${index + 1}` as MessageKey)}
      </li>`,
  );
  return html`<ul class="legend-list" aria-label="${t.t('legend.title')}">
      ${categories}
    </ul>
    <ul class="legend-list">
      ${levels}
    </ul>
    <p class="note">
      ${t.t('legend.shapes')} ${t.t('legend.size')} ${model.brokers.length > 0 ? t.t('legend.markers') : ''}
    </p>`;
}

function nodeTitle(ctx: Ctx) {
  return (org: Organization, degree: number) =>
    ctx.t.t('maps.nodeTitle', { name: org.name, degree: ctx.t.number(degree) });
}

export function renderMaps(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const figure = (side: 'from' | 'to') => {
    const wave = model[side];
    const edges = model.change.network.edges?.[side] ?? model.graphs[side].size;
    const map = renderWaveMap({
      frame: {
        id: `map-${side}`,
        label: t.t('maps.aria', { wave: waveName(ctx, wave) }),
        stripLabel: t.t('maps.strip'),
      },
      layout: model.layout,
      graph: model.graphs[side],
      degrees: model.degrees[side],
      organizations: model.organizations,
      categories: model.categories,
      markers: markers(ctx),
      nodeTitle: nodeTitle(ctx),
    });
    return html`<figure>
      ${map}
      <figcaption>
        ${t.t('maps.caption', { wave: waveWithDate(ctx, wave), edges: t.number(edges) })}
      </figcaption>
    </figure>`;
  };
  return html`<section id="maps" class="major">
    <h2>${t.t('section.maps')}</h2>
    <p>${t.t('maps.intro')}</p>
    <div class="maps">${figure('from')}${figure('to')}</div>
    ${legend(ctx)}
  </section>`;
}

export function renderDiff(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const { tieLists, ties } = model.change;
  const map = renderDiffMap({
    frame: {
      id: 'map-diff',
      label: t.t('diff.aria', { from: waveName(ctx, model.from), to: waveName(ctx, model.to) }),
      stripLabel: t.t('maps.strip'),
    },
    layout: model.layout,
    tieLists,
    organizations: model.organizations,
    markers: markers(ctx),
    nodeTitle: (org) => html`${org.name}`,
  });
  const line = (colour: string, dashed: boolean) =>
    swatch(
      html`<line
        x1="1"
        x2="21"
        y1="7"
        y2="7"
        stroke="${colour}"
        stroke-width="2.2"
        ${dashed ? html`stroke-dasharray="4 2.5"` : ''}
      />`,
    );
  return html`<section id="diff" class="major">
    <h2>${t.t('section.diff')}</h2>
    <p>${t.t('diff.intro', { from: waveName(ctx, model.from), to: waveName(ctx, model.to) })}</p>
    <figure class="diff-map">${map}</figure>
    <ul class="legend-list">
      <li>${line(TIE_COLOURS.added, false)}${t.t('diff.added', { count: t.number(ties.added) })}</li>
      <li>${line(TIE_COLOURS.removed, true)}${t.t('diff.removed', { count: t.number(ties.removed) })}</li>
      <li>${line(TIE_COLOURS.stable, false)}${t.t('diff.stable', { count: t.number(ties.stable) })}</li>
    </ul>
  </section>`;
}

function evidenceFor(ctx: Ctx, key: string): SafeHtml {
  const { t, model } = ctx;
  if (key === 'density') {
    const test = model.change.densityTest;
    if (test.ci95 === null) return t.t('evidence.untestable');
    return t.t('evidence.density', {
      low: t.signed(test.ci95[0], 4),
      high: t.signed(test.ci95[1], 4),
      p: pText(ctx, test.pValue),
    });
  }
  if (key === 'isolates') {
    return t.t('evidence.isolates', {
      integrated: t.number(model.change.isolates.integrated.length),
      lost: t.number(model.change.isolates.becameIsolated.length),
    });
  }
  return html`<span class="muted">${t.t('evidence.descriptive')}</span>`;
}

function meetingTable(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const rows = model.change.meetingEffect.filter((row) => row.coAttendingPairs > 0);
  if (rows.length === 0) return html`<p>${t.t('summary.meeting.none')}</p>`;
  const scopeHeader = (scope: MeetingEffectRow['scope']) =>
    html`<tr class="group">
      <th colspan="6">${t.t(scope === 'all' ? 'meeting.scopeAll' : 'meeting.scopeCross')}</th>
    </tr>`;
  const body = (['all', 'crossSector'] as const).map((scope) => {
    const inScope = rows.filter((row) => row.scope === scope);
    if (inScope.length === 0) return '';
    return html`${scopeHeader(scope)}${inScope.map(
      (row) =>
        html`<tr data-event-type="${row.eventType}" data-scope="${row.scope}">
          <td>${row.eventType === 'any' ? t.t('meeting.any') : eventTypeLabel(ctx, row.eventType)}</td>
          <td class="num">
            ${rateText(ctx, row.rateCoAttending)}
            <span class="muted">(${t.number(row.coAttendingNew)} / ${t.number(row.coAttendingPairs)})</span>
          </td>
          <td class="num">
            ${rateText(ctx, row.rateOther)}
            <span class="muted">(${t.number(row.otherNew)} / ${t.number(row.otherPairs)})</span>
          </td>
          <td class="num">${t.number(row.rateRatio, 1)}</td>
          <td class="num">${row.ci95 ? `${t.number(row.ci95[0], 1)}–${t.number(row.ci95[1], 1)}` : '–'}</td>
          <td class="num">${pText(ctx, row.pValue)}</td>
        </tr>`,
    )}`;
  });
  return html`<table class="meeting-effect">
      <caption>
        ${t.t('meeting.title', { from: waveName(ctx, model.from), to: waveName(ctx, model.to) })}
      </caption>
      <thead>
        <tr>
          <th>${t.t('meeting.event')}</th>
          <th class="num">${t.t('meeting.coAttending')}</th>
          <th class="num">${t.t('meeting.other')}</th>
          <th class="num">${t.t('meeting.ratio')}</th>
          <th class="num">${t.t('meeting.ci')}</th>
          <th class="num">p</th>
        </tr>
      </thead>
      <tbody>
        ${body}
      </tbody>
    </table>
    <p class="note">${t.t('meeting.note')}</p>`;
}

export function renderMetrics(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const { change } = model;
  const rows = Object.entries(change.network).map(([key, value]) => {
    const digits = metricDigits(key);
    return html`<tr
      data-metric="${key}"
      data-from="${value.from ?? ''}"
      data-to="${value.to ?? ''}"
      data-change="${value.change ?? ''}"
    >
      <td>${metricLabel(ctx, key)}<span class="description">${metricDescription(ctx, key)}</span></td>
      <td class="num">${t.number(value.from, digits)}</td>
      <td class="num">${t.number(value.to, digits)}</td>
      ${changeCell(ctx, value.change, digits)}
      <td>${evidenceFor(ctx, key)}</td>
    </tr>`;
  });
  const { qap, ties } = change;
  const extra = html`<tr class="group">
      <th colspan="5">${t.t('metrics.changeRows')}</th>
    </tr>
    <tr data-metric="qap" data-correlation="${qap.correlation ?? ''}" data-p="${qap.pValue ?? ''}">
      <td>${t.t('metrics.qap')}<span class="description">${t.t('metrics.qapDescription')}</span></td>
      <td class="num" colspan="3">r = ${t.number(qap.correlation, 3)}</td>
      <td>${pText(ctx, qap.pValue)}, ${t.t('evidence.permutations', { n: t.number(qap.permutations) })}</td>
    </tr>
    <tr data-metric="ties">
      <td>${t.t('metrics.tieChanges')}</td>
      <td class="num" colspan="3">
        ${t.t('metrics.tieCounts', {
          added: t.number(ties.added),
          removed: t.number(ties.removed),
          stable: t.number(ties.stable),
        })}
      </td>
      <td>${t.t('metrics.jaccard', { value: t.number(ties.jaccard, 2) })}</td>
    </tr>`;
  return html`<section id="metrics" class="major">
    <h2>${t.t('section.metrics')}</h2>
    <p>${t.t('metrics.intro')}</p>
    <table class="metric-table">
      <thead>
        <tr>
          <th>${t.t('table.measure')}</th>
          <th class="num">${waveName(ctx, model.from)}</th>
          <th class="num">${waveName(ctx, model.to)}</th>
          <th class="num">${t.t('table.change')}</th>
          <th>${t.t('table.evidence')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}${extra}
      </tbody>
    </table>
    <h3>${t.t('meeting.heading')}</h3>
    ${meetingTable(ctx)}
  </section>`;
}

export function renderCrossSector(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const { eiIndex, crossSectorTies } = model.change;
  const groups = Object.entries(eiIndex.groups).map(
    ([group, value]) =>
      html`<tr data-group="${group}">
        <td>${t.t('crossSector.group', { group: kindLabel(ctx, group) })}</td>
        <td class="num">${t.number(value.from, 3)}</td>
        <td class="num">${t.number(value.to, 3)}</td>
        ${changeCell(ctx, value.change, 3)}
      </tr>`,
  );
  return html`<section id="cross-sector">
    <h2>${t.t('section.crossSector')}</h2>
    <p>${t.t('crossSector.intro')}</p>
    <table class="cross-sector">
      <thead>
        <tr>
          <th>${t.t('table.measure')}</th>
          <th class="num">${waveName(ctx, model.from)}</th>
          <th class="num">${waveName(ctx, model.to)}</th>
          <th class="num">${t.t('table.change')}</th>
        </tr>
      </thead>
      <tbody>
        <tr data-metric="crossSectorTies">
          <td>${t.t('crossSector.ties')}</td>
          <td class="num">${t.number(crossSectorTies.from)}</td>
          <td class="num">${t.number(crossSectorTies.to)}</td>
          ${changeCell(ctx, crossSectorTies.change, 0)}
        </tr>
        <tr data-metric="eiIndex">
          <td>${t.t('crossSector.overall')}</td>
          <td class="num">${t.number(eiIndex.from, 3)}</td>
          <td class="num">${t.number(eiIndex.to, 3)}</td>
          ${changeCell(ctx, eiIndex.change, 3)}
        </tr>
        ${groups}
      </tbody>
    </table>
    <p class="note">${t.t('crossSector.note')}</p>
  </section>`;
}

export function renderBrokers(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  if (model.brokers.length === 0) {
    return html`<section id="brokers" class="major">
      <h2>${t.t('section.brokers')}</h2>
      <p>${t.t('brokers.none')}</p>
    </section>`;
  }
  const rows = model.brokers.map(
    (broker) =>
      html`<tr data-id="${broker.id}">
        <td class="num">
          ${broker.marker <= 5 ? html`<span class="marker-badge">${broker.marker}</span>` : broker.marker}
        </td>
        <td>${broker.name}</td>
        <td>
          ${catalogueOr(ctx, 'sector', broker.kind)}${broker.type ? html`<span class="description">${typeLabel(ctx, broker.type)}</span>` : ''}
        </td>
        <td class="num">${t.number(broker.betweenness.from, 3)} → ${t.number(broker.betweenness.to, 3)}</td>
        <td class="num">${t.number(broker.brokerage.from)} → ${t.number(broker.brokerage.to)}</td>
        <td>${roleLabel(ctx, broker.role)}</td>
      </tr>`,
  );
  const roles = ['coordinator', 'consultant', 'representative', 'gatekeeper', 'liaison'].map(
    (role) =>
      html`<li><strong>${roleLabel(ctx, role)}</strong>: ${t.t(`roleInfo.${role}` as MessageKey)}</li>`,
  );
  return html`<section id="brokers" class="major">
    <h2>${t.t('section.brokers')}</h2>
    <p>${t.t('brokers.intro', { wave: waveName(ctx, model.to) })}</p>
    <table class="brokers">
      <thead>
        <tr>
          <th class="num">#</th>
          <th>${t.t('brokers.organization')}</th>
          <th>${t.t('brokers.kind')}</th>
          <th class="num">${t.t('brokers.betweenness')}</th>
          <th class="num">${t.t('brokers.brokerage')}</th>
          <th>${t.t('brokers.role')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    <p class="note">${t.t('brokers.columns')}</p>
    <ul class="note">
      ${roles}
    </ul>
  </section>`;
}

const SEVERE = new Set(['isolate', 'pendant', 'outside_largest_component']);

export function renderIsolated(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const ngos = model.isolation.organizations.filter((org) => org.kind === 'ngo');
  const severe = ngos.filter((org) => org.reasons.some((reason) => SEVERE.has(reason.code)));
  const others = ngos.filter((org) => !severe.includes(org));
  const tags = (org: (typeof ngos)[number]) =>
    org.reasons.map((reason) => html`<span class="tag">${catalogueOr(ctx, 'reason', reason.code)}</span>`);
  const reasonList = (org: (typeof ngos)[number]) =>
    join(
      org.reasons.map((reason) => html`${catalogueOr(ctx, 'reason', reason.code)}`),
      ', ',
    );
  // The full sentences (`kopru isolated`) repeat both names in every clause; a list reads faster on paper.
  const suggestion = (item: (typeof ngos)[number]['suggestions'][number]) =>
    html`<li>
      <strong>${item.name}</strong> <span class="muted">(${catalogueOr(ctx, 'sector', item.kind)})</span> —
      ${join(
        item.reasons.map((reason) => html`${catalogueOr(ctx, 'suggestionReason', reason.code)}`),
        '; ',
      )}
    </li>`;
  const cards = severe.map(
    (org) =>
      html`<div class="card" data-id="${org.id}">
        <h4>${org.name}</h4>
        <p class="muted">
          ${join(
            [org.city ?? '', org.type ? typeLabel(ctx, org.type) : '']
              .filter((part) => part !== '')
              .map((part) => html`${part}`),
            ' · ',
          )}
          · ${t.t('isolated.partners', { count: t.number(org.degree) })}
        </p>
        <p>${tags(org)}</p>
        ${
          org.suggestions.length > 0
            ? html`<p class="introduce">${t.t('isolated.introduceTo')}</p>
                <ul>
                  ${org.suggestions.map(suggestion)}
                </ul>`
            : html`<p class="muted">${t.t('isolated.noSuggestion')}</p>`
        }
      </div>`,
  );
  const table =
    others.length === 0
      ? ''
      : html`<h3>${t.t('isolated.othersHeading')}</h3>
          <table class="periphery">
            <thead>
              <tr>
                <th>${t.t('isolated.organization')}</th>
                <th class="num">${t.t('isolated.partnersHeader')}</th>
                <th>${t.t('isolated.reasons')}</th>
                <th>${t.t('isolated.firstSuggestion')}</th>
              </tr>
            </thead>
            <tbody>
              ${others.map(
                (org) =>
                  html`<tr data-id="${org.id}">
                    <td>${org.name}</td>
                    <td class="num">${t.number(org.degree)}</td>
                    <td>${reasonList(org)}</td>
                    <td>${org.suggestions[0]?.name ?? '–'}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`;
  return html`<section id="isolated" class="major">
    <h2>${t.t('section.isolated')}</h2>
    <p>${t.t('isolated.intro', { wave: waveName(ctx, model.to) })}</p>
    ${
      ngos.length === 0
        ? html`<p>${t.t('isolated.none')}</p>`
        : html`<h3>${t.t('isolated.severeHeading', { count: t.number(severe.length) })}</h3>
            ${severe.length > 0 ? cards : html`<p>${t.t('isolated.noSevere')}</p>`}${table}`
    }
  </section>`;
}

function degreeChart(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const sides = ['from', 'to'] as const;
  const max = Math.max(0, ...sides.flatMap((side) => [...model.degrees[side].values()]));
  const counts = sides.map((side) => {
    const values = new Array<number>(max + 1).fill(0);
    for (const degree of model.degrees[side].values()) values[degree]!++;
    return values;
  });
  return groupedBarChart({
    id: 'chart-degree',
    label: t.t('charts.degree.title'),
    categories: Array.from({ length: max + 1 }, (_v, degree) => t.number(degree)),
    series: sides.map((side, index) => ({
      name: model[side].label || model[side].id,
      colour: SERIES_COLOURS[index]!,
      values: counts[index]!,
    })),
    xTitle: t.t('charts.degree.x'),
    yTitle: t.t('charts.degree.y'),
    format: (value) => t.number(value),
  });
}

function waveCharts(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const xLabels = model.series.map((point) => point.wave.id);
  const xSubLabels = model.series.map((point) => (point.wave.date ? t.date(point.wave.date) : ''));
  const density = pointChart({
    id: 'chart-density',
    label: t.t('charts.density.title'),
    title: t.t('charts.density.title'),
    xLabels,
    xSubLabels,
    values: model.series.map((point) => point.density),
    colour: OKABE_ITO.blue,
    format: (value) => t.number(value, 4),
    tickFormat: (value, decimals) => t.number(value, decimals),
  });
  const ei = pointChart({
    id: 'chart-ei',
    label: t.t('charts.ei.title'),
    title: t.t('charts.ei.title'),
    xLabels,
    xSubLabels,
    values: model.series.map((point) => point.eiIndex),
    colour: OKABE_ITO.vermillion,
    domain: [-1, 1],
    format: (value) => t.number(value, 2),
    tickFormat: (value, decimals) => t.number(value, decimals),
  });
  return html`<div class="charts-row">
    <figure>${density}</figure>
    <figure>${ei}</figure>
  </div>`;
}

function meetingChart(ctx: Ctx, scope: MeetingEffectRow['scope']): SafeHtml {
  const { t, model } = ctx;
  const rows = model.change.meetingEffect.filter((row) => row.scope === scope && row.coAttendingPairs > 0);
  const reference = model.change.meetingEffect.find((row) => row.scope === scope);
  if (rows.length === 0 || reference === undefined) return html``;
  const label = (rate: number | null, count: number, pairs: number) =>
    t.t('charts.meeting.rate', { rate: rateText(ctx, rate), count: t.number(count), pairs: t.number(pairs) });
  return horizontalBarChart({
    id: `chart-meeting-${scope}`,
    label: t.t(scope === 'all' ? 'charts.meeting.title' : 'charts.meeting.crossTitle'),
    title: t.t(scope === 'all' ? 'charts.meeting.title' : 'charts.meeting.crossTitle'),
    rows: [
      {
        label: t.t('charts.meeting.none'),
        value: reference.rateOther,
        text: label(reference.rateOther, reference.otherNew, reference.otherPairs),
        colour: TIE_COLOURS.stable,
      },
      ...rows.map((row) => ({
        label: row.eventType === 'any' ? t.t('meeting.any') : eventTypeLabel(ctx, row.eventType),
        value: row.rateCoAttending,
        text: label(row.rateCoAttending, row.coAttendingNew, row.coAttendingPairs),
        colour: row.eventType === 'any' ? OKABE_ITO.blue : OKABE_ITO.skyBlue,
      })),
    ],
  });
}

export function renderCharts(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  return html`<section id="charts" class="major">
    <h2>${t.t('section.charts')}</h2>
    <figure>
      ${degreeChart(ctx)}
      <figcaption>${t.t('charts.degree.caption')}</figcaption>
    </figure>
    ${waveCharts(ctx)}
    <p class="note">${t.t('charts.waves.caption')}</p>
    <figure>${meetingChart(ctx, 'all')}</figure>
    <figure>
      ${meetingChart(ctx, 'crossSector')}
      <figcaption>
        ${t.t('charts.meeting.caption', {
          from: waveName(ctx, model.from),
          to: waveName(ctx, model.to),
        })}
      </figcaption>
    </figure>
  </section>`;
}
