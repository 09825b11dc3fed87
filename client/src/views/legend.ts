/** The map legend: colours and shapes, size, tie thickness or the diff colours with their counts. */
import { h, render, svg } from '../components/dom';
import { dataStore } from '../core/data';
import { filterStore } from '../core/filters';
import { localeStore, t, formatNumber } from '../core/i18n';
import { viewStore } from '../core/view';
import { bind } from './bind';
import { buildLegendModel, type LegendItem } from './legend-model';

function swatch(item: LegendItem): SVGSVGElement {
  if (item.shape === 'line') {
    return svg(
      'svg',
      { width: '28', height: '12', viewBox: '0 0 28 12', 'aria-hidden': 'true' },
      svg('line', {
        x1: '2',
        y1: '6',
        x2: '26',
        y2: '6',
        stroke: item.color,
        'stroke-width': String(item.width ?? 2),
        'stroke-linecap': 'round',
      }),
    );
  }
  const shape =
    item.shape === 'square'
      ? svg('rect', { x: '2', y: '2', width: '10', height: '10', rx: '1.5', fill: item.color })
      : item.shape === 'circle'
        ? svg('circle', { cx: '7', cy: '7', r: '5.5', fill: item.color })
        : svg('path', { d: 'M2 7 A5 5 0 0 1 7 2 H12 V12 H7 A5 5 0 0 1 2 7 Z', fill: item.color });
  return svg('svg', { width: '14', height: '14', viewBox: '0 0 14 14', 'aria-hidden': 'true' }, shape);
}

export function mountLegend(): { element: HTMLElement; kill(): void } {
  const body = h('div', { class: 'legend-body' });
  const element = h(
    'details',
    { class: 'legend panel', open: true, 'data-testid': 'legend' },
    h('summary', null, t('legend.title')),
    body,
  );
  const summary = element.querySelector('summary')!;
  const draw = (): void => {
    summary.textContent = t('legend.title');
    const model = buildLegendModel();
    if (!model) {
      render(body);
      return;
    }
    const locale = localeStore.get();
    render(
      body,
      h('p', { class: 'legend-heading', 'data-testid': 'legend-heading' }, model.title),
      model.tieCount !== null
        ? h(
            'p',
            { class: 'legend-count', 'data-testid': 'tie-count', 'data-value': String(model.tieCount) },
            t('legend.tieCount', { count: model.tieCount }),
          )
        : null,
      model.sections.map((section) =>
        h(
          'section',
          { class: `legend-section legend-${section.id}` },
          h('h3', null, section.title),
          section.items.length > 0
            ? h(
                'ul',
                null,
                section.items.map((item) =>
                  h(
                    'li',
                    {
                      'data-testid': `legend-${item.id}`,
                      ...(item.count !== undefined ? { 'data-count': String(item.count) } : {}),
                    },
                    swatch(item),
                    h('span', { class: 'legend-label' }, item.label),
                    item.count !== undefined
                      ? h('span', { class: 'legend-number' }, formatNumber(locale, item.count))
                      : null,
                  ),
                ),
              )
            : null,
          section.note ? h('p', { class: 'legend-note' }, section.note) : null,
        ),
      ),
    );
  };
  const unbind = bind(element, [dataStore, viewStore, filterStore, localeStore], draw);

  // When the details panel opens on a narrow map, the legend folds away (and comes back when the
  // panel closes) so the map keeps room; a legend the user folded or opened stays as they left it.
  const NARROW = 760;
  let autoFolded = false;
  let userToggled = false;
  // A click on the summary (mouse, Enter or Space) is the user's own choice; `toggle` events also
  // fire for the initial `open` attribute and for our own folding, so they cannot tell.
  summary.addEventListener('click', () => {
    userToggled = true;
  });
  const setOpen = (open: boolean): void => {
    element.open = open;
  };
  const unsubscribe = viewStore.subscribe((view, previous) => {
    if (view.selected === previous.selected) return;
    // After the details panel has rendered (its view redraws on the next frame) and before the map
    // fits its camera (map-view waits 120 ms), so the fit sees the legend's final size.
    setTimeout(() => {
      const width = element.parentElement?.clientWidth ?? Number.POSITIVE_INFINITY;
      if (view.selected !== null && element.open && width < NARROW && !userToggled) {
        autoFolded = true;
        setOpen(false);
      } else if (view.selected === null && autoFolded) {
        autoFolded = false;
        userToggled = false;
        setOpen(true);
      }
    }, 40);
  });
  return {
    element,
    kill() {
      unbind();
      unsubscribe();
    },
  };
}
