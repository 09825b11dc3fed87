/**
 * Small inline SVG charts for the dashboard (no chart library: three chart shapes are all we need).
 * Each chart carries a text alternative: a title and a data table for screen readers.
 */
import { h, svg } from '../components/dom';

export interface Series {
  name: string;
  color: string;
  values: (number | null)[];
}

export interface BarChartInput {
  title: string;
  categories: string[];
  series: Series[];
  format: (value: number) => string;
  yLabel?: string;
  /** Extra text under each category (e.g. the rate ratio). */
  notes?: (string | null)[];
}

const WIDTH = 560;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 12, bottom: 58, left: 44 };

/** Axis maximum and tick step: a round step (1, 2 or 5 × 10^k) with four or five ticks above zero. */
export function niceScale(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.25 };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((f) => f * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  return { max: Math.ceil(max / step - 1e-9) * step, step };
}

function niceMax(max: number): number {
  return niceScale(max).max;
}

function ticksOf(max: number): number[] {
  const scale = niceScale(max);
  const count = Math.round(scale.max / scale.step);
  return Array.from({ length: count + 1 }, (_, i) => i * scale.step);
}

/** Splits a category name over at most two lines of about `width` characters. */
function wrapLabel(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const words = text.split(' ');
  let first = '';
  while (words.length > 0 && (first === '' || `${first} ${words[0]}`.length <= width)) {
    first = first === '' ? words.shift()! : `${first} ${words.shift()!}`;
  }
  const rest = words.join(' ');
  return rest === '' ? [first] : [first, rest.length > width ? `${rest.slice(0, width - 1)}…` : rest];
}

function shorten(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function dataTable(input: {
  title: string;
  categories: string[];
  series: Series[];
  format: (v: number) => string;
}): HTMLElement {
  return h(
    'table',
    { class: 'visually-hidden' },
    h('caption', null, input.title),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, ''),
        input.series.map((s) => h('th', { scope: 'col' }, s.name)),
      ),
    ),
    h(
      'tbody',
      null,
      input.categories.map((category, i) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, category),
          input.series.map((s) =>
            h(
              'td',
              null,
              s.values[i] === null || s.values[i] === undefined ? '–' : input.format(s.values[i]!),
            ),
          ),
        ),
      ),
    ),
  );
}

function legend(series: Series[]): HTMLElement {
  return h(
    'ul',
    { class: 'chart-legend', 'aria-hidden': 'true' },
    series.map((s) =>
      h('li', null, h('span', { class: 'chart-swatch', style: { background: s.color } }), s.name),
    ),
  );
}

export function barChart(input: BarChartInput): HTMLElement {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = niceMax(
    Math.max(0, ...input.series.flatMap((s) => s.values.filter((v): v is number => v !== null))),
  );
  const band = plotWidth / Math.max(1, input.categories.length);
  const charsPerLine = Math.max(4, Math.floor(band / 6.2));
  const barWidth = Math.max(2, (band * 0.8) / Math.max(1, input.series.length));
  const y = (value: number): number => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const ticks = ticksOf(max);
  const labelEvery = Math.ceil(input.categories.length / 16);

  const chart = svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': input.title },
    svg('title', null, input.title),
    ticks.map((tick) =>
      svg(
        'g',
        { class: 'tick' },
        svg('line', {
          x1: String(MARGIN.left),
          x2: String(WIDTH - MARGIN.right),
          y1: String(y(tick)),
          y2: String(y(tick)),
        }),
        svg(
          'text',
          { x: String(MARGIN.left - 6), y: String(y(tick) + 4), 'text-anchor': 'end' },
          input.format(tick),
        ),
      ),
    ),
    input.categories.map((category, i) =>
      svg(
        'g',
        null,
        input.series.map((s, j) => {
          const value = s.values[i];
          if (value === null || value === undefined) return null;
          const x = MARGIN.left + i * band + band * 0.1 + j * barWidth;
          return svg(
            'rect',
            {
              x: String(x),
              y: String(y(value)),
              width: String(barWidth - 1),
              height: String(Math.max(0, y(0) - y(value))),
              fill: s.color,
            },
            svg('title', null, `${s.name} · ${category}: ${input.format(value)}`),
          );
        }),
        i % labelEvery === 0
          ? svg(
              'text',
              {
                class: 'category',
                x: String(MARGIN.left + i * band + band / 2),
                y: String(HEIGHT - MARGIN.bottom + 16),
                'text-anchor': 'middle',
              },
              wrapLabel(category, charsPerLine).map((line, n) =>
                svg(
                  'tspan',
                  { x: String(MARGIN.left + i * band + band / 2), dy: n === 0 ? '0' : '13' },
                  line,
                ),
              ),
            )
          : null,
        input.notes?.[i]
          ? svg(
              'text',
              {
                class: 'note',
                x: String(MARGIN.left + i * band + band / 2),
                y: String(HEIGHT - MARGIN.bottom + 44),
                'text-anchor': 'middle',
              },
              input.notes[i]!,
            )
          : null,
      ),
    ),
    input.yLabel
      ? svg('text', { class: 'axis-label', x: String(MARGIN.left), y: String(MARGIN.top - 4) }, input.yLabel)
      : null,
  );
  return h(
    'figure',
    { class: 'chart-figure' },
    h('figcaption', null, input.title),
    legend(input.series),
    chart,
    dataTable(input),
  );
}

export interface LineChartInput {
  title: string;
  categories: string[];
  series: Series[];
  format: (value: number) => string;
  /** Fixed vertical range, e.g. [-1, 1] for the E-I index. */
  domain?: [number, number];
}

export function lineChart(input: LineChartInput): HTMLElement {
  const width = 270;
  const height = 170;
  const margin = { top: 18, right: 28, bottom: 30, left: 44 };
  const values = input.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const [low, high] = input.domain ?? [Math.min(0, ...values), niceMax(Math.max(0, ...values))];
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (i: number): number =>
    margin.left +
    (input.categories.length <= 1 ? plotWidth / 2 : (i / (input.categories.length - 1)) * plotWidth);
  const y = (value: number): number =>
    margin.top + plotHeight - ((value - low) / (high - low || 1)) * plotHeight;
  const ticks = [low, (low + high) / 2, high];
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': input.title },
    svg('title', null, input.title),
    ticks.map((tick) =>
      svg(
        'g',
        { class: 'tick' },
        svg('line', {
          x1: String(margin.left),
          x2: String(width - margin.right),
          y1: String(y(tick)),
          y2: String(y(tick)),
        }),
        svg(
          'text',
          { x: String(margin.left - 6), y: String(y(tick) + 4), 'text-anchor': 'end' },
          input.format(tick),
        ),
      ),
    ),
    input.categories.map((category, i) => {
      const last = input.categories.length - 1;
      const anchor = last === 0 ? 'middle' : i === 0 ? 'start' : i === last ? 'end' : 'middle';
      const shift = anchor === 'start' ? -8 : anchor === 'end' ? 8 : 0;
      return svg(
        'text',
        { class: 'category', x: String(x(i) + shift), y: String(height - 8), 'text-anchor': anchor },
        svg('title', null, category),
        shorten(category, Math.max(8, Math.floor(plotWidth / (last + 1) / 6))),
      );
    }),
    input.series.map((s) => {
      const points = s.values
        .map((value, i) => (value === null ? null : { x: x(i), y: y(value), value }))
        .filter((p): p is { x: number; y: number; value: number } => p !== null);
      return svg(
        'g',
        null,
        points.length > 1
          ? svg('polyline', {
              points: points.map((p) => `${p.x},${p.y}`).join(' '),
              fill: 'none',
              stroke: s.color,
              'stroke-width': '2.5',
            })
          : null,
        points.map((p) =>
          svg(
            'g',
            null,
            svg('circle', { cx: String(p.x), cy: String(p.y), r: '4.5', fill: s.color }),
            svg(
              'text',
              { class: 'value', x: String(p.x), y: String(p.y - 9), 'text-anchor': 'middle' },
              input.format(p.value),
            ),
          ),
        ),
      );
    }),
  );
  return h(
    'figure',
    { class: 'chart-figure small' },
    h('figcaption', null, input.title),
    input.series.length > 1 ? legend(input.series) : null,
    chart,
    dataTable(input),
  );
}
