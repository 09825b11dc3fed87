/**
 * The evaluator's report: `renderReport(dataset, options)` returns one self-contained HTML document
 * (render.ts) in English or Turkish, built from the same analyses as the CLI and the API (model.ts) —
 * so every number in it equals what `kopru compare` prints for the same options. Pure: no file, no
 * network, no clock (the date shown is an option).
 */
import { createTranslator } from './i18n.js';
import { buildReportModel, REPORT_DEFAULTS, type ReportModel, type ReportOptions } from './model.js';
import { renderDocument } from './render.js';
import type { Dataset } from '../types.js';

export { REPORT_LANGUAGES, type ReportLanguage } from './i18n.js';
export { buildReportModel, REPORT_DEFAULTS, type ReportModel, type ReportOptions } from './model.js';

/** Renders an already computed model (tests render one model in both languages). */
export function renderReportModel(model: ReportModel): string {
  return renderDocument({ model, t: createTranslator(model.lang) });
}

/**
 * The report as an HTML string.
 * @throws NotFoundError for an unknown wave; ValidationError naming the option for equal waves or an unknown
 *   language, mode or treatment, and for permutations or seed out of range.
 */
export function renderReport(dataset: Dataset, options: ReportOptions): string {
  return renderReportModel(buildReportModel(dataset, options));
}

/** A file name safe on every system and in a Content-Disposition header: `kopru-report-pre-post-en.html`. */
export function reportFileName(from: string, to: string, lang: string = REPORT_DEFAULTS.lang): string {
  const part = (value: string) =>
    value
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 40) || 'wave';
  return `kopru-report-${part(from)}-${part(to)}-${part(lang)}.html`;
}
