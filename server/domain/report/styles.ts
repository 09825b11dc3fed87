/**
 * The report's stylesheet, inlined in its <style>: system fonts only (no font files to fetch), readable on
 * screen, and a print stylesheet for the browser's "print to PDF": A4 with margins, each major section on
 * a new page, figures and table rows never cut, the navigation hidden, a running footer with the page
 * number (and the synthetic-data warning on every page when it applies, via @page margin boxes).
 */
import { cssString } from './html.js';

export interface StyleOptions {
  /** Footer text on every printed page (already translated), e.g. the synthetic-data warning. */
  pageFooter: string;
  /** "Page" in the report's language. */
  pageWord: string;
}

// Fonts already on the reader's system: nothing to download, and each has Turkish letters.
const FONTS =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif';

export function reportStyles(options: StyleOptions): string {
  return `
:root { --ink: #1b1b1b; --muted: #5b5b5b; --rule: #d4d4d4; --accent: #0072B2; --warn: #8a3b00; --bg-soft: #f5f5f2; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 ${FONTS}; }
.page { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2rem 0 0.4rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
p { margin: 0.5rem 0; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--muted); margin: 0; }
.subtitle { font-size: 1.1rem; color: var(--muted); margin: 0 0 0.8rem; }
.muted, .note { color: var(--muted); }
.note { font-size: 0.88rem; }
.synthetic-banner { border: 4px solid #000; background: repeating-linear-gradient(135deg, #fff3c4 0 14px, #ffe27a 14px 28px);
  padding: 0.8rem 1rem; margin: 0 0 1.2rem; font-size: 1.05rem; }
.synthetic-banner strong { display: block; font-size: 1.35rem; letter-spacing: 0.04em; }
.synthetic-banner p { margin: 0.3rem 0 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.8rem 0; font-size: 0.92rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
nav.toc { background: var(--bg-soft); padding: 0.6rem 1rem; border-radius: 4px; margin: 1rem 0; }
nav.toc h2 { border: 0; margin: 0 0 0.3rem; font-size: 1rem; }
nav.toc ol { margin: 0; padding-left: 1.3rem; columns: 2; }
nav.toc a { color: var(--accent); }
.headline { font-size: 1.3rem; font-weight: 700; border-left: 6px solid var(--accent); padding: 0.3rem 0 0.3rem 0.8rem; margin: 0.8rem 0; }
.headline .detail { display: block; font-size: 0.98rem; font-weight: 400; color: var(--muted); }
ul.findings { padding-left: 1.2rem; }
ul.findings li { margin: 0.45rem 0; }
.verdict { font-weight: 700; }
.caveat { border: 1px solid var(--rule); background: var(--bg-soft); padding: 0.6rem 0.9rem; border-radius: 4px; }
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 0.88rem; color: var(--muted); margin-top: 0.3rem; }
svg { display: block; max-width: 100%; height: auto; break-inside: avoid; page-break-inside: avoid; }
svg text { fill: var(--ink); font-family: inherit; }
svg .muted, svg .map-note { fill: var(--muted); }
svg .map-note { font-size: 11px; }
svg .chart-title { font-weight: 700; }
.maps { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8rem; }
.maps figure { margin: 0; }
.map { border: 1px solid var(--rule); width: 100%; }
.diff-map { max-width: 46rem; margin: 0 auto; }
.legend-list { display: flex; flex-wrap: wrap; gap: 0.3rem 1.1rem; list-style: none; padding: 0; margin: 0.6rem 0; font-size: 0.88rem; }
.legend-list li { display: flex; align-items: center; gap: 0.35rem; }
.legend-list svg { display: inline-block; width: 22px; height: 14px; }
.charts-row { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: 700; padding: 0.2rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-size: 0.82rem; vertical-align: bottom; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.metric-table td:first-child { width: 42%; }
table.metric-table td:last-child { width: 24%; }
td .description { display: block; color: var(--muted); font-size: 0.8rem; }
tr.group th { background: var(--bg-soft); font-size: 0.85rem; }
.up { color: #006b4f; }
.down { color: #a63f00; }
.card { border: 1px solid var(--rule); border-radius: 4px; padding: 0.5rem 0.8rem; margin: 0.6rem 0; break-inside: avoid; page-break-inside: avoid; }
.card h4 { margin: 0 0 0.2rem; font-size: 1rem; }
.card ul { margin: 0.3rem 0 0; padding-left: 1.1rem; }
.tag { display: inline-block; white-space: nowrap; border: 1px solid var(--rule); border-radius: 3px; padding: 0 0.35rem; font-size: 0.78rem; margin-right: 0.25rem; background: #fff; }
.marker-badge { display: inline-block; min-width: 1.3rem; border: 1px solid #000; border-radius: 50%; text-align: center; font-weight: 700; font-size: 0.78rem; }
.methods dt { font-weight: 700; margin-top: 0.9rem; }
.methods dd { margin: 0.2rem 0 0 0; }
.methods dd p { margin: 0.25rem 0; }
code .flag { white-space: nowrap; }
footer.colophon { margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: 0.6rem; font-size: 0.82rem; color: var(--muted); }
@media (max-width: 720px) { .maps, .charts-row { grid-template-columns: 1fr; } nav.toc ol { columns: 1; } }

@page { size: A4; margin: 16mm 14mm 18mm;
  @bottom-left { content: ${cssString(options.pageFooter)}; font: 7.5pt ${FONTS}; color: #444; }
  @bottom-right { content: ${cssString(options.pageWord)} " " counter(page) " / " counter(pages); font: 7.5pt ${FONTS}; color: #444; } }
@media print {
  body { font-size: 10pt; line-height: 1.4; }
  .page { max-width: none; padding: 0; }
  nav.toc, .screen-only { display: none !important; }
  section.major h2 { margin-top: 0; }
  section.major:not(.first) { break-before: page; page-break-before: always; }
  h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  tr, .card, figure, svg, .headline, .caveat { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .maps { gap: 4mm; }
  .diff-map { max-width: 150mm; }
  .synthetic-banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;
}
