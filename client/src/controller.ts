/**
 * Wires the stores together: restores the view from the URL, loads what the view needs when it
 * changes, and writes the view back to the URL. Views never fetch; they read stores and call actions,
 * and this module turns the resulting state into data requests.
 */
import { createApi } from './api/client';
import { createSessionApi } from './api/session';
import { createUploadApi } from './api/upload';
import {
  dataStore,
  ensureCompare,
  ensureIsolated,
  ensureMetrics,
  ensureOrganization,
  loadBoot,
  loadNetwork,
  loadRegistry,
  useApi,
} from './core/data';
import { filterStore } from './core/filters';
import { initialLocale, localeStore, rememberedLocale, setLocale, useLocaleStorage } from './core/i18n';
import { buildSearchIndex, setSearchIndex } from './core/search';
import { comparedWaves, nodeMetricInfos, currentMetrics } from './core/selectors';
import { dataOf } from './core/status';
import { parseUrlState, reconcileView, serializeUrlState } from './core/url';
import { loadSession, sessionStore, useSessionApi } from './core/session';
import { useUploadApi } from './core/upload';
import { viewStore } from './core/view';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Loads what the current view shows; cheap to call often (loaded or loading items are skipped). */
function ensureViewData(): void {
  const data = dataStore.get();
  if (data.boot.status !== 'ready') return;
  const view = viewStore.get();
  const { waves } = data.boot.data;
  void loadRegistry();
  void loadNetwork(view.mode);
  // The analyses are CPU work on the server: ask once the map's graph is in, so it shows first.
  if (data.network.status === 'loading' || data.network.status === 'idle') return;
  if (view.wave !== null) {
    void ensureMetrics(view.wave, view.mode);
    void ensureIsolated(view.wave);
  }
  if (view.diffFrom !== null) void ensureMetrics(view.diffFrom, view.mode);
  const pair = comparedWaves(data.boot.data, view);
  if (pair) void ensureCompare(pair.from, pair.to, view.mode);
  // The dashboard charts every wave, and sizes share one scale across waves.
  for (const wave of waves) void ensureMetrics(wave.id, view.mode);
  if (view.selected !== null) void ensureOrganization(view.selected);
  if (view.pair !== null) view.pair.forEach((id) => void ensureOrganization(id));
}

let reconciled = false;

function reconcileOnce(): void {
  const data = dataStore.get();
  if (reconciled || data.boot.status !== 'ready' || data.network.status !== 'ready') return;
  // Wait for the registry to settle too, so a metric id from the link is checked against it.
  if (data.registry.status === 'loading' || data.registry.status === 'idle') return;
  reconciled = true;
  const view = viewStore.get();
  const graph = data.network.data.graph;
  const metrics = currentMetrics(data, view);
  const nodeMetrics = nodeMetricInfos(dataOf(data.registry), metrics).map((info) => info.key);
  viewStore.set(
    reconcileView(view, {
      waves: data.boot.data.waves.map((wave) => wave.id),
      organizations: (id) => graph.hasNode(id),
      nodeMetrics: metrics || dataOf(data.registry) ? nodeMetrics : [],
    }),
  );
}

function writeUrl(): void {
  const search = serializeUrlState({
    view: viewStore.get(),
    filters: filterStore.get(),
    locale: localeStore.get(),
  });
  if (search !== window.location.search) {
    window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }
}

export function startController(): void {
  useApi(createApi((input, init) => fetch(input, init)));
  useUploadApi(createUploadApi());
  useSessionApi(createSessionApi((input, init) => fetch(input, init)));
  useLocaleStorage(safeStorage());

  const fromUrl = parseUrlState(window.location.search);
  setLocale(initialLocale(fromUrl.locale, rememberedLocale(), navigator.languages ?? [navigator.language]));
  viewStore.set(fromUrl.view);
  filterStore.set(fromUrl.filters);

  let lastGraph: unknown = null;
  dataStore.subscribe((data) => {
    if (data.boot.status === 'ready' && viewStore.get().wave === null) {
      const waves = data.boot.data.waves;
      const last = waves[waves.length - 1];
      if (last) viewStore.set({ ...viewStore.get(), wave: last.id });
    }
    if (data.network.status === 'ready' && data.network.data.graph !== lastGraph) {
      lastGraph = data.network.data.graph;
      const graph = data.network.data.graph;
      setSearchIndex(
        buildSearchIndex(
          graph.mapNodes((id, attributes) => ({
            id,
            name: attributes.name,
            context: [attributes.city, attributes.district].filter(Boolean).join(' '),
          })),
        ),
      );
    }
    reconcileOnce();
    ensureViewData();
  });
  viewStore.subscribe(() => {
    ensureViewData();
    writeUrl();
  });
  filterStore.subscribe(writeUrl);
  localeStore.subscribe(() => {
    document.documentElement.lang = localeStore.get();
    writeUrl();
  });
  document.documentElement.lang = localeStore.get();
  writeUrl();
  // The data is loaded once the session says this user may read it (a retry of the session too).
  let booted = false;
  sessionStore.subscribe((state) => {
    if (booted || state.info.status !== 'ready' || state.info.data.role === 'public') return;
    booted = true;
    void loadBoot();
  });
  void loadSession();
}
