/**
 * The evaluation report as one self-contained HTML document: inline CSS and SVG only, no script, no
 * font, image or stylesheet by URL — and a Content-Security-Policy meta tag that forbids any request
 * and any script even if the file is opened from disk, so the document cannot leak or run anything.
 * Order: the synthetic-data banner (when it applies: first, unmissable, and repeated in every printed
 * page's footer), title and facts, contents, summary, maps, diff map, metric table, cross-sector ties,
 * brokers, isolated NGOs, charts, non-response, methods.
 */
import { renderMethods, renderNonResponse, treatmentName } from './appendix.js';
import { waveName, waveWithDate, type Ctx } from './context.js';
import { html, raw, type SafeHtml } from './html.js';
import type { MessageKey } from './i18n.js';
import {
  renderBrokers,
  renderCharts,
  renderCrossSector,
  renderDiff,
  renderIsolated,
  renderMaps,
  renderMetrics,
} from './sections.js';
import { reportStyles } from './styles.js';
import { renderSummary } from './summary.js';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const SECTIONS: [string, MessageKey][] = [
  ['summary', 'section.summary'],
  ['maps', 'section.maps'],
  ['diff', 'section.diff'],
  ['metrics', 'section.metrics'],
  ['cross-sector', 'section.crossSector'],
  ['brokers', 'section.brokers'],
  ['isolated', 'section.isolated'],
  ['charts', 'section.charts'],
  ['non-response', 'section.nonResponse'],
  ['methods', 'section.methods'],
];

function banner(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  if (!model.dataset.synthetic) return html``;
  return html`<div class="synthetic-banner" role="note" id="synthetic-banner">
    <strong>${t.t('synthetic.title')}</strong>
    <p>${t.t('synthetic.body')}</p>
  </div>`;
}

function facts(ctx: Ctx): SafeHtml {
  const { t, model } = ctx;
  const orgs = [...model.organizations.values()];
  const ngos = orgs.filter((org) => org.kind === 'ngo').length;
  const row = (key: MessageKey, value: SafeHtml | string) =>
    html`<dt>${t.t(key)}</dt>
      <dd>${value}</dd>`;
  return html`<dl class="facts">
    ${row('facts.organizations', t.t('facts.organizationsValue', { total: t.number(orgs.length), ngos: t.number(ngos), institutions: t.number(orgs.length - ngos) }))}
    ${row('facts.waves', html`${waveWithDate(ctx, model.from)} → ${waveWithDate(ctx, model.to)}`)}
    ${row('facts.mode', t.t(`mode.${model.mode}` as MessageKey))}
    ${row('facts.treatment', treatmentName(ctx, model.treatment))}
    ${row('facts.tests', t.t('facts.testsValue', { permutations: t.number(model.change.qap.permutations), seed: t.number(model.change.qap.seed, 0) }))}
    ${model.generatedAt ? row('facts.generated', model.generatedAt.length >= 10 ? t.date(model.generatedAt.slice(0, 10)) : model.generatedAt) : ''}
  </dl>`;
}

export function renderDocument(ctx: Ctx): string {
  const { t, model } = ctx;
  const styles = reportStyles({
    pageFooter: model.dataset.synthetic ? t.text('synthetic.footer') : t.text('report.footer'),
    pageWord: t.text('report.page'),
  });
  const nav = html`<nav class="toc" aria-labelledby="toc-title">
    <h2 id="toc-title">${t.t('nav.title')}</h2>
    <ol>
      ${SECTIONS.map(([id, key]) => html`<li><a href="#${id}">${t.t(key)}</a></li>`)}
    </ol>
  </nav>`;
  const document = html`<!doctype html>
    <html lang="${t.lang}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${raw(CSP)}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="Köprü" />
        <title>${t.t('report.documentTitle', { name: model.dataset.name })}</title>
        <style>
          ${raw(styles)}
        </style>
      </head>
      <body>
        <div class="page">
          ${banner(ctx)}
          <header class="title-block">
            <p class="kicker">${t.t('report.kicker')}</p>
            <h1>${model.dataset.name}</h1>
            <p class="subtitle">
              ${t.t('report.subtitle', { from: waveName(ctx, model.from), to: waveName(ctx, model.to) })}
            </p>
            ${facts(ctx)}
          </header>
          ${nav}
          <main>
            ${renderSummary(ctx)} ${renderMaps(ctx)} ${renderDiff(ctx)} ${renderMetrics(ctx)}
            ${renderCrossSector(ctx)} ${renderBrokers(ctx)} ${renderIsolated(ctx)} ${renderCharts(ctx)}
            ${renderNonResponse(ctx)} ${renderMethods(ctx)}
          </main>
          <footer class="colophon"><p>${t.t('report.colophon')}</p></footer>
        </div>
      </body>
    </html> `;
  return document.html;
}
