/**
 * Small inline-SVG charts for the report — grouped bars (degree distributions), points joined by lines
 * (a metric per wave) and horizontal bars (new-tie rates) — with axes, value labels and a legend, so they
 * read in greyscale print as well as on screen. Pure string building; labels are escaped (html.ts) and
 * numbers arrive already formatted for the report's language.
 */
import { coord, html, type HtmlValue, type SafeHtml } from './html.js';

const FONT = 11;

export interface ChartFrame {
  id: string;
  /** Accessible name. */
  label: SafeHtml;
  width?: number;
  height?: number;
}

/** Tick values 0…max at a step of 1, 2 or 5 × 10^k, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(Math.round(value / step) * step);
  }
  return ticks;
}

function svg(frame: ChartFrame, width: number, height: number, body: HtmlValue[]): SafeHtml {
  return html`<svg
    class="chart"
    id="${frame.id}"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label="${frame.label}"
    font-size="${FONT}"
  >
    ${body}
  </svg>`;
}

/** Rough width of a text in chart units: SVG cannot measure text without a layout engine. */
function textWidth(text: string, size = FONT): number {
  return [...text].length * size * 0.56;
}

function legend(items: { name: string; colour: string }[], x: number, y: number): SafeHtml {
  let offset = x;
  return html`<g class="legend"
    >${items.map((item) => {
      const text = html`<rect
          x="${coord(offset)}"
          y="${coord(y - 9)}"
          width="10"
          height="10"
          fill="${item.colour}"
          stroke="#333"
          stroke-width="0.5"
        /><text x="${coord(offset + 14)}" y="${coord(y)}">${item.name}</text>`;
      offset += 30 + textWidth(item.name);
      return text;
    })}</g
  >`;
}

export interface GroupedBarsInput extends ChartFrame {
  categories: string[];
  series: { name: string; colour: string; values: number[] }[];
  xTitle: HtmlValue;
  yTitle: HtmlValue;
  format: (value: number) => string;
}

export function groupedBarChart(input: GroupedBarsInput): SafeHtml {
  const width = input.width ?? 640;
  const height = input.height ?? 270;
  const left = 46;
  const right = 10;
  const top = 30;
  const bottom = 42;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...input.series.flatMap((s) => s.values));
  const ticks = niceTicks(0, max, 5);
  const yMax = Math.max(max, ticks.at(-1)!);
  const y = (value: number) => top + plotHeight - (value / yMax) * plotHeight;
  const band = plotWidth / Math.max(1, input.categories.length);
  const barWidth = (band * 0.8) / Math.max(1, input.series.length);
  const labelEvery = Math.max(1, Math.ceil(input.categories.length / 22));

  const grid = ticks.map(
    (tick) =>
      html`<line
          x1="${left}"
          x2="${width - right}"
          y1="${coord(y(tick))}"
          y2="${coord(y(tick))}"
          stroke="#e3e3e3"
        /><text x="${left - 5}" y="${coord(y(tick) + 4)}" text-anchor="end">${input.format(tick)}</text>`,
  );
  const bars = input.series.map((series) =>
    series.values.map((value, index) => {
      if (value <= 0) return '';
      const seriesIndex = input.series.indexOf(series);
      const x = left + index * band + band * 0.1 + seriesIndex * barWidth;
      return html`<rect
        x="${coord(x)}"
        y="${coord(y(value))}"
        width="${coord(barWidth)}"
        height="${coord(y(0) - y(value))}"
        fill="${series.colour}"
        stroke="#333"
        stroke-width="0.3"
        ><title>${input.categories[index]}: ${input.format(value)}</title></rect
      >`;
    }),
  );
  const labels = input.categories.map((category, index) =>
    index % labelEvery === 0
      ? html`<text
          x="${coord(left + (index + 0.5) * band)}"
          y="${coord(top + plotHeight + 14)}"
          text-anchor="middle"
          >${category}</text
        >`
      : '',
  );
  return svg(input, width, height, [
    legend(input.series, left, 14),
    grid,
    bars,
    html`<line x1="${left}" x2="${width - right}" y1="${coord(y(0))}" y2="${coord(y(0))}" stroke="#333" />`,
    labels,
    html`<text x="${coord(left + plotWidth / 2)}" y="${height - 6}" text-anchor="middle" class="axis-title"
      >${input.xTitle}</text
    >`,
    html`<text
      transform="translate(12 ${coord(top + plotHeight / 2)}) rotate(-90)"
      text-anchor="middle"
      class="axis-title"
      >${input.yTitle}</text
    >`,
  ]);
}

export interface PointChartInput extends ChartFrame {
  /** One label per point, e.g. the waves. */
  xLabels: HtmlValue[];
  /** Second line under each x label (e.g. the date). */
  xSubLabels?: HtmlValue[];
  values: (number | null)[];
  colour: string;
  /** Fixed y range; default 0 … 1.25 × the largest value. */
  domain?: [number, number];
  format: (value: number) => string;
  /** Axis ticks, given the decimals their step needs (0.02 → 2). */
  tickFormat: (value: number, decimals: number) => string;
  title: HtmlValue;
}

export function pointChart(input: PointChartInput): SafeHtml {
  const width = input.width ?? 320;
  const height = input.height ?? 230;
  const left = 52;
  const right = 16;
  const top = 30;
  const bottom = 44;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const present = input.values.filter((v): v is number => v !== null);
  const [min, max] = input.domain ?? [0, Math.max(1e-9, ...present) * 1.25];
  const ticks = niceTicks(min, max, 4);
  const tickStep = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(tickStep) + 1e-9));
  const y = (value: number) => top + plotHeight - ((value - min) / (max - min)) * plotHeight;
  const step = plotWidth / Math.max(1, input.xLabels.length);
  const x = (index: number) => left + step * (index + 0.5);
  const points = input.values
    .map((value, index) => (value === null ? null : { x: x(index), y: y(value), value }))
    .filter((p): p is { x: number; y: number; value: number } => p !== null);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${coord(p.x)} ${coord(p.y)}`).join(' ');
  return svg(input, width, height, [
    html`<text x="${left}" y="14" class="chart-title">${input.title}</text>`,
    ticks.map(
      (tick) =>
        html`<line
            x1="${left}"
            x2="${width - right}"
            y1="${coord(y(tick))}"
            y2="${coord(y(tick))}"
            stroke="${tick === 0 ? '#666' : '#e3e3e3'}"
          /><text x="${left - 5}" y="${coord(y(tick) + 4)}" text-anchor="end"
            >${input.tickFormat(tick, decimals)}</text
          >`,
    ),
    points.length > 1 ? html`<path d="${path}" fill="none" stroke="${input.colour}" stroke-width="2" />` : '',
    points.map(
      (p) =>
        html`<circle
            cx="${coord(p.x)}"
            cy="${coord(p.y)}"
            r="4.5"
            fill="${input.colour}"
            stroke="#222"
            stroke-width="0.8"
          /><text x="${coord(p.x)}" y="${coord(p.y - 9)}" text-anchor="middle" font-weight="700"
            >${input.format(p.value)}</text
          >`,
    ),
    input.xLabels.map(
      (label, index) =>
        html`<text x="${coord(x(index))}" y="${coord(top + plotHeight + 15)}" text-anchor="middle"
            >${label}</text
          >${
            input.xSubLabels
              ? html`<text
                  x="${coord(x(index))}"
                  y="${coord(top + plotHeight + 29)}"
                  text-anchor="middle"
                  class="muted"
                  >${input.xSubLabels[index]}</text
                >`
              : ''
          }`,
    ),
  ]);
}

export interface HorizontalBarsInput extends ChartFrame {
  rows: { label: HtmlValue; value: number | null; text: HtmlValue; colour: string }[];
  title: HtmlValue;
}

export function horizontalBarChart(input: HorizontalBarsInput): SafeHtml {
  const width = input.width ?? 640;
  const rowHeight = 24;
  const top = 26;
  const labelWidth = 200;
  const textWidth = 170;
  const height = top + input.rows.length * rowHeight + 8;
  const plotWidth = width - labelWidth - textWidth - 16;
  const max = Math.max(1e-9, ...input.rows.map((row) => row.value ?? 0));
  return svg({ ...input, width, height }, width, height, [
    html`<text x="0" y="14" class="chart-title">${input.title}</text>`,
    input.rows.map((row, index) => {
      const y = top + index * rowHeight;
      const barLength = row.value === null ? 0 : (row.value / max) * plotWidth;
      return html`<text x="${labelWidth - 8}" y="${coord(y + 15)}" text-anchor="end">${row.label}</text
        ><rect
          x="${labelWidth}"
          y="${coord(y + 4)}"
          width="${coord(Math.max(barLength, 0.5))}"
          height="${rowHeight - 8}"
          fill="${row.colour}"
          stroke="#333"
          stroke-width="0.4"
        /><text x="${coord(labelWidth + barLength + 6)}" y="${coord(y + 15)}">${row.text}</text>`;
    }),
    html`<line x1="${labelWidth}" x2="${labelWidth}" y1="${top}" y2="${height - 6}" stroke="#333" />`,
  ]);
}
