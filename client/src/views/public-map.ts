/**
 * The public map: what anyone may see. It reads only the published release (GET /api/public/map) —
 * categories of organizations (city × kind × type or focus) with rounded counts, the ties between
 * categories per wave, the change of each category between waves, and the names of organizations that
 * agreed to be listed. A plain-language explanation in both languages says what was aggregated.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { layerFill, pathLine, sdfCircle, sdfSquare } from 'sigma/rendering';
import { ApiFailure, getJson } from '../api/http';
import { h, render } from '../components/dom';
import { languageButtons } from '../components/language-buttons';
import {
  CATALOGUES,
  formatDateRange,
  formatMessage,
  formatSigned,
  initialLocale,
  localeStore,
  rememberedLocale,
  setLocale,
  t,
  tOr,
  useLocaleStorage,
  type Locale,
} from '../core/i18n';
import { publicWaveModel, type PublicCell, type PublicRelease } from '../core/public-view';
import type { Failure } from '../core/status';
import { EDGE_COLOR, KIND_COLORS } from '../sigma/palette';
import { emptyBlock, errorBlock, loadingBlock } from './status';

type Loaded =
  { status: 'loading' } | { status: 'ready'; release: PublicRelease } | { status: 'error'; failure: Failure };

/** "Istanbul · Women" / "Istanbul · Other NGOs". */
export function cellLabel(cell: PublicCell): string {
  const group =
    cell.group === null
      ? t(`public.other.${cell.kind}`)
      : cell.kind === 'institution'
        ? tOr(`institutionType.${cell.group}`, cell.group)
        : tOr(`focus.${cell.group}`, cell.group);
  return `${cell.city} · ${group}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function explanation(locale: Locale, release: PublicRelease | null): string {
  const k = release?.rules.minCellSize ?? 5;
  const base = release?.rules.roundingBase ?? 5;
  return formatMessage(CATALOGUES[locale], locale, 'public.explanation', { k, base }, {});
}

export function mountPublicView(root: HTMLElement): void {
  useLocaleStorage(storage());
  const urlLocale = new URLSearchParams(window.location.search).get('lang');
  setLocale(initialLocale(urlLocale, rememberedLocale(), navigator.languages ?? [navigator.language]));

  let loaded: Loaded = { status: 'loading' };
  let wave: string | null = null;
  let sigma: Sigma | null = null;

  const mapContainer = h('div', { class: 'public-map-canvas', 'data-testid': 'public-map-canvas' });

  const load = async (): Promise<void> => {
    loaded = { status: 'loading' };
    draw();
    try {
      const release = await getJson<PublicRelease>((input, init) => fetch(input, init), '/api/public/map');
      loaded = { status: 'ready', release };
      wave = release.waves[release.waves.length - 1]?.id ?? null;
    } catch (error) {
      loaded = {
        status: 'error',
        failure:
          error instanceof ApiFailure
            ? error.failure
            : { kind: 'server', status: 0, code: 'client', message: String(error), retryAfter: null },
      };
    }
    draw();
  };

  const drawMap = (release: PublicRelease, shown: string): void => {
    sigma?.kill();
    sigma = null;
    const model = publicWaveModel(release, shown);
    const graph = new Graph({ type: 'undirected', multi: false });
    for (const node of model.nodes) {
      graph.addNode(node.id, {
        x: node.x,
        y: node.y,
        size: node.size,
        label: `${cellLabel(node.cell)} (≈${node.cell.count})`,
        color: KIND_COLORS[node.cell.kind] ?? EDGE_COLOR,
        // Institutions are squares, NGOs circles, as on the analysts' map: not colour alone.
        shape: node.cell.kind === 'institution' ? 'square' : 'circle',
      });
    }
    for (const edge of model.edges) {
      if (!graph.hasEdge(edge.source, edge.target)) {
        graph.addEdge(edge.source, edge.target, { size: edge.size, color: EDGE_COLOR });
      }
    }
    // Sigma needs a laid-out container: wait for the element to be in the page.
    requestAnimationFrame(() => {
      if (!mapContainer.isConnected || mapContainer.clientWidth === 0) return;
      sigma = new Sigma(graph, mapContainer, {
        primitives: {
          nodes: { shapes: [sdfCircle(), sdfSquare({ cornerRadius: 0.15 })], layers: [layerFill()] },
          edges: { paths: [pathLine()] },
        },
        settings: {
          itemSizesReference: 'screen',
          // Sigma's label grid keeps labels from overlapping; the table below names every category.
          labelRenderedSizeThreshold: 0,
          labelDensity: 1,
          labelGridCellSize: 120,
          renderEdgeLabels: false,
          enableEdgeEvents: false,
          stagePadding: 80,
        },
      });
    });
  };

  const cellRows = (release: PublicRelease, shown: string): HTMLElement => {
    const model = publicWaveModel(release, shown);
    const locale = localeStore.get();
    const number = (value: number | null): string => (value === null ? t('public.suppressed') : `≈${value}`);
    return h(
      'table',
      { class: 'public-cells', 'data-testid': 'public-cells' },
      h('caption', null, t('public.tableCaption')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('public.category')),
          h('th', { scope: 'col', class: 'number' }, t('public.organizations')),
          h('th', { scope: 'col', class: 'number' }, t('public.ties')),
          h('th', { scope: 'col', class: 'number' }, t('public.change')),
          h('th', { scope: 'col' }, t('public.names')),
        ),
      ),
      h(
        'tbody',
        null,
        model.nodes.map((node) =>
          h(
            'tr',
            { 'data-testid': 'public-cell', 'data-kind': node.cell.kind },
            h(
              'th',
              { scope: 'row' },
              h('span', {
                class: 'swatch',
                style: { background: KIND_COLORS[node.cell.kind] ?? EDGE_COLOR },
                'aria-hidden': 'true',
              }),
              ` ${cellLabel(node.cell)}`,
              h('span', { class: 'badge' }, t(`kind.${node.cell.kind}`)),
            ),
            h('td', { class: 'number' }, `≈${node.cell.count}`),
            h('td', { class: 'number' }, number(node.ties)),
            h(
              'td',
              { class: 'number', 'data-testid': 'public-change' },
              model.previous === null
                ? '–'
                : node.change === null
                  ? t('public.suppressed')
                  : formatSigned(locale, node.change),
            ),
            h(
              'td',
              { 'data-testid': 'public-names' },
              node.cell.names.length === 0
                ? h('span', { class: 'hint' }, t('public.noNames'))
                : node.cell.names.map((name) => name.name).join(', '),
            ),
          ),
        ),
      ),
    );
  };

  function draw(): void {
    const locale = localeStore.get();
    document.documentElement.lang = locale;
    const other: Locale = locale === 'tr' ? 'en' : 'tr';
    const release = loaded.status === 'ready' ? loaded.release : null;
    const languages = h(
      'div',
      { class: 'languages', role: 'group', 'aria-label': t('app.language') },
      languageButtons(locale),
    );
    const header = h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'brand' },
        h('span', { class: 'logo', 'aria-hidden': 'true' }, '⌒'),
        h('h1', null, 'Köprü'),
        h('span', { class: 'dataset-name' }, t('public.title')),
      ),
      h(
        'div',
        { class: 'topbar-actions' },
        languages,
        // Members sign in from here; the public map stays the page for everyone else.
        h('a', { class: 'button', href: '?signin', 'data-testid': 'public-sign-in' }, t('session.signIn')),
      ),
    );
    // Both languages at once: whoever the page is shared with reads what was hidden and why.
    const explain = h(
      'div',
      { class: 'public-explanation', role: 'note', 'data-testid': 'public-explanation' },
      h('p', null, h('strong', null, explanation(locale, release))),
      h('p', { lang: other, class: 'banner-other' }, explanation(other, release)),
    );
    const synthetic = release?.dataset.synthetic
      ? h(
          'div',
          { class: 'banner', role: 'note', 'data-testid': 'synthetic-banner' },
          h('strong', null, t('banner.synthetic')),
          ' ',
          h(
            'span',
            { lang: other, class: 'banner-other' },
            formatMessage(CATALOGUES[other], other, 'banner.synthetic'),
          ),
        )
      : null;

    let body: HTMLElement;
    if (loaded.status === 'loading') body = loadingBlock();
    else if (loaded.status === 'error') {
      body =
        loaded.failure.kind === 'not-found'
          ? emptyBlock(t('public.nothing.title'), t('public.nothing.hint'))
          : errorBlock(loaded.failure, () => void load());
    } else {
      const shownRelease = loaded.release;
      const shown = wave ?? shownRelease.waves[0]?.id ?? '';
      const waveButtons = h(
        'div',
        { class: 'public-waves', role: 'group', 'aria-label': t('public.wave') },
        shownRelease.waves.map((w) =>
          h(
            'button',
            {
              type: 'button',
              class: 'button',
              'aria-pressed': String(w.id === shown),
              'data-testid': `public-wave-${w.id}`,
              on: {
                click: () => {
                  wave = w.id;
                  draw();
                },
              },
            },
            w.label,
          ),
        ),
      );
      const model = publicWaveModel(shownRelease, shown);
      body = h(
        'main',
        { id: 'main', class: 'public-main', 'data-testid': 'public-map' },
        h(
          'p',
          { class: 'hint' },
          t('public.published', {
            date: formatDateRange(locale, shownRelease.publishedAt.slice(0, 10), null),
            name: shownRelease.dataset.name,
          }),
        ),
        waveButtons,
        h(
          'p',
          { class: 'hint' },
          model.previous === null
            ? t('public.firstWave')
            : t('public.changeNote', {
                from: shownRelease.waves.find((w) => w.id === model.previous)?.label ?? model.previous,
              }),
        ),
        h(
          'div',
          { class: 'public-legend' },
          (['ngo', 'institution'] as const).map((kind) =>
            h(
              'span',
              { class: 'legend-item' },
              h('span', {
                class: 'swatch',
                style: { background: KIND_COLORS[kind] ?? EDGE_COLOR },
                'aria-hidden': 'true',
              }),
              ` ${t(`kind.${kind}`)}`,
            ),
          ),
          h('span', { class: 'legend-item' }, t('public.legendSize')),
        ),
        mapContainer,
        cellRows(shownRelease, shown),
        model.namedTies.length > 0
          ? h(
              'section',
              { class: 'public-named-ties', 'data-testid': 'public-named-ties' },
              h('h2', null, t('public.namedTies')),
              h(
                'ul',
                null,
                model.namedTies.map((tie) => h('li', null, `${tie.source.name} — ${tie.target.name}`)),
              ),
            )
          : null,
      );
      drawMap(shownRelease, shown);
    }
    render(root, header, synthetic, explain, body);
  }

  localeStore.subscribe(draw);
  void load();
}
