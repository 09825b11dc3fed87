/**
 * The view in the query string, so a link reproduces what its sender saw: wave, diff, mode, filters,
 * selected organization, language, tab and display choices. Defaults are left out to keep links short.
 * Parsing is forgiving: an unknown or malformed value is dropped (the default applies), never an error;
 * values that depend on the data (wave ids, metric ids) are checked once the data is loaded.
 */
import { ANALYSIS_MODES, type AnalysisMode, type OrganizationKind } from '../../api/types';
import { EMPTY_FILTERS, type Filters } from '../filters';
import { isLocale, type Locale } from '../i18n/locales';
import {
  COLOR_BY,
  DEFAULT_VIEW,
  LABEL_DENSITIES,
  LAYOUTS,
  TABS,
  type ColorBy,
  type LabelDensity,
  type LayoutKind,
  type Tab,
  type ViewState,
} from '../view';

export interface UrlState {
  view: ViewState;
  filters: Filters;
  locale: Locale | null;
}

const LIST_SEPARATOR = ',';
const KINDS: readonly OrganizationKind[] = ['ngo', 'institution'];
const MAX_VALUE_LENGTH = 200;

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function text(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > MAX_VALUE_LENGTH ? null : trimmed;
}

function list(value: string | null): string[] {
  if (value === null) return [];
  return [...new Set(value.split(LIST_SEPARATOR).map((item) => item.trim()))].filter(
    (item) => item !== '' && item.length <= MAX_VALUE_LENGTH,
  );
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const wave = text(params.get('wave'));
  const diffFrom = text(params.get('from'));
  const pair = list(params.get('pair'));
  const level = Number(params.get('level'));
  const selected = text(params.get('org'));
  const view: ViewState = {
    wave,
    diffFrom: diffFrom !== null && diffFrom !== wave ? diffFrom : null,
    mode: oneOf<AnalysisMode>(ANALYSIS_MODES, params.get('mode'), DEFAULT_VIEW.mode),
    sizeBy: text(params.get('size')) ?? DEFAULT_VIEW.sizeBy,
    colorBy: oneOf<ColorBy>(COLOR_BY, params.get('color'), DEFAULT_VIEW.colorBy),
    layout: oneOf<LayoutKind>(LAYOUTS, params.get('layout'), DEFAULT_VIEW.layout),
    labels: oneOf<LabelDensity>(LABEL_DENSITIES, params.get('labels'), DEFAULT_VIEW.labels),
    tab: oneOf<Tab>(TABS, params.get('tab'), DEFAULT_VIEW.tab),
    selected: selected ?? (pair.length === 2 ? pair[0] : null),
    pair: pair.length === 2 && pair[0] !== pair[1] ? [pair[0], pair[1]] : null,
  };
  const filters: Filters = {
    cities: list(params.get('city')),
    kinds: list(params.get('kind')).filter((kind): kind is OrganizationKind =>
      (KINDS as readonly string[]).includes(kind),
    ),
    types: list(params.get('type')),
    focus: list(params.get('focus')),
    minLevel: Number.isInteger(level) && level >= 1 && level <= 4 ? level : EMPTY_FILTERS.minLevel,
    communities: list(params.get('community'))
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 0),
    onlyIsolated: params.get('isolated') === '1',
  };
  const lang = params.get('lang');
  return { view, filters, locale: isLocale(lang) ? lang : null };
}

/** The query string (with its `?`, or '' when everything is default) for a state. */
export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  const { view, filters } = state;
  if (state.locale !== null) params.set('lang', state.locale);
  if (view.tab !== DEFAULT_VIEW.tab) params.set('tab', view.tab);
  if (view.wave !== null) params.set('wave', view.wave);
  if (view.diffFrom !== null) params.set('from', view.diffFrom);
  if (view.mode !== DEFAULT_VIEW.mode) params.set('mode', view.mode);
  if (view.selected !== null && view.pair === null) params.set('org', view.selected);
  if (view.pair !== null) params.set('pair', view.pair.join(LIST_SEPARATOR));
  if (filters.cities.length > 0) params.set('city', filters.cities.join(LIST_SEPARATOR));
  if (filters.kinds.length > 0) params.set('kind', filters.kinds.join(LIST_SEPARATOR));
  if (filters.types.length > 0) params.set('type', filters.types.join(LIST_SEPARATOR));
  if (filters.focus.length > 0) params.set('focus', filters.focus.join(LIST_SEPARATOR));
  if (filters.minLevel !== EMPTY_FILTERS.minLevel) params.set('level', String(filters.minLevel));
  if (filters.communities.length > 0) params.set('community', filters.communities.join(LIST_SEPARATOR));
  if (filters.onlyIsolated) params.set('isolated', '1');
  if (view.sizeBy !== DEFAULT_VIEW.sizeBy) params.set('size', view.sizeBy);
  if (view.colorBy !== DEFAULT_VIEW.colorBy) params.set('color', view.colorBy);
  if (view.layout !== DEFAULT_VIEW.layout) params.set('layout', view.layout);
  if (view.labels !== DEFAULT_VIEW.labels) params.set('labels', view.labels);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

/**
 * Drops what the loaded data contradicts: an unknown wave or metric, a selected organization that
 * does not exist. Returns the view to use.
 */
export function reconcileView(
  view: ViewState,
  known: { waves: readonly string[]; organizations: (id: string) => boolean; nodeMetrics: readonly string[] },
): ViewState {
  const lastWave = known.waves[known.waves.length - 1] ?? null;
  const wave = view.wave !== null && known.waves.includes(view.wave) ? view.wave : lastWave;
  const diffFrom =
    view.diffFrom !== null && known.waves.includes(view.diffFrom) && view.diffFrom !== wave
      ? view.diffFrom
      : null;
  const selected = view.selected !== null && known.organizations(view.selected) ? view.selected : null;
  const pair = view.pair !== null && view.pair.every((id) => known.organizations(id)) ? view.pair : null;
  const sizeBy =
    known.nodeMetrics.length === 0 || known.nodeMetrics.includes(view.sizeBy)
      ? view.sizeBy
      : DEFAULT_VIEW.sizeBy;
  return { ...view, wave, diffFrom, selected, pair, sizeBy };
}
