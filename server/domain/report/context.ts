/**
 * What every section of the report renders from — the model and the translator — and the small wording
 * helpers they share: p-values and verdicts in plain words, the names of waves, organization types,
 * event types and brokerage roles, and the registry's metric labels in the report's language.
 *
 * Verdict thresholds (the same as `kopru compare`): p < 0.01 "very unlikely to be chance", p < 0.05
 * "unlikely to be chance", otherwise "could well be chance".
 */
import { METRICS } from '../metrics/registry.js';
import type { LocalizedText } from '../metrics/types.js';
import type { Wave } from '../types.js';
import { html, type SafeHtml } from './html.js';
import type { MessageKey, Translator } from './i18n.js';
import type { ReportModel } from './model.js';

export interface Ctx {
  model: ReportModel;
  t: Translator;
}

/** "p = 0.0011" or "p < 0.0001". */
export function pText(ctx: Ctx, p: number | null): SafeHtml {
  if (p === null) return ctx.t.t('stat.pUndefined');
  if (p < 0.0001) return ctx.t.t('stat.pBelow', { p: ctx.t.number(0.0001, 4) });
  return ctx.t.t('stat.pEquals', { p: ctx.t.pValue(p) });
}

export function verdict(ctx: Ctx, p: number | null): SafeHtml {
  if (p === null) return ctx.t.t('verdict.untestable');
  const key: MessageKey =
    p < 0.01 ? 'verdict.veryUnlikely' : p < 0.05 ? 'verdict.unlikely' : 'verdict.couldBeChance';
  return ctx.t.t(key, { p: pText(ctx, p) });
}

/** A wave's label in quotes, the label being data. */
export function waveName(ctx: Ctx, wave: Wave): SafeHtml {
  return ctx.t.t('wave.quoted', { label: wave.label || wave.id });
}

export function waveDate(ctx: Ctx, wave: Wave): string {
  return wave.date ? ctx.t.date(wave.date) : '';
}

/** The wave's quoted label with its date in brackets; without a date (no waves.csv), the label alone. */
export function waveWithDate(ctx: Ctx, wave: Wave): SafeHtml {
  return wave.date ? html`${waveName(ctx, wave)} (${waveDate(ctx, wave)})` : waveName(ctx, wave);
}

function humanize(value: string): string {
  return value.replace(/[_-]+/g, ' ').trim();
}

/** A label from the catalogue when it has one (`prefix.value`), else the data's own value, readable. */
export function catalogueOr(ctx: Ctx, prefix: string, value: string): SafeHtml {
  const key = `${prefix}.${value}`;
  return ctx.t.has(key) ? ctx.t.t(key as MessageKey) : html`${humanize(value)}`;
}

export function kindLabel(ctx: Ctx, kind: string): SafeHtml {
  return catalogueOr(ctx, 'kind', kind);
}

export function typeLabel(ctx: Ctx, type: string | null | undefined): SafeHtml {
  return type ? catalogueOr(ctx, 'type', type) : html``;
}

export function eventTypeLabel(ctx: Ctx, type: string): SafeHtml {
  return catalogueOr(ctx, 'eventType', type);
}

export function roleLabel(ctx: Ctx, role: string | null): SafeHtml {
  return role === null ? html`–` : catalogueOr(ctx, 'role', role);
}

function localized(text: LocalizedText, ctx: Ctx): string {
  return text[ctx.t.lang];
}

/** The registry's label of a metric output key (e.g. `averagePathLength`), in the report's language. */
export function metricLabel(ctx: Ctx, key: string): string {
  for (const metric of METRICS) {
    const output = metric.outputs.find((o) => o.key === key);
    if (output) return localized(output.label, ctx);
  }
  return key;
}

/** The registry's one-sentence description of the metric producing `key`. */
export function metricDescription(ctx: Ctx, key: string): string {
  const metric = METRICS.find((m) => m.outputs.some((o) => o.key === key));
  return metric ? localized(metric.description, ctx) : '';
}

/** Decimals shown for a network metric: counts none, density four, the rest three. */
export function metricDigits(key: string): number {
  if (key === 'density') return 4;
  return 3;
}

/** A rate as a percentage, with one more decimal below 1 % so that 0.23 % does not print as 0.2 %. */
export function rateText(ctx: Ctx, rate: number | null): string {
  return ctx.t.percent(rate, rate !== null && Math.abs(rate) < 0.01 ? 2 : 1);
}

/** A change with its direction as a class, for colour plus sign (never colour alone). */
export function changeCell(ctx: Ctx, change: number | null, digits = 3): SafeHtml {
  const cls = change === null || change === 0 ? '' : change > 0 ? 'up' : 'down';
  return html`<td class="num ${cls}">${ctx.t.signed(change, digits)}</td>`;
}
