/**
 * What the map shows: the wave, the diff (from which wave), the analysis mode, how nodes are sized and
 * coloured, the layout, label density, the open tab and the selected organization. All of it goes into
 * the URL (core/url), so a link reproduces the view.
 */
import type { AnalysisMode } from '../../api/types';
import { createStore, shallowEqual } from '../store';

export type ColorBy = 'kind' | 'type' | 'community' | 'city';
export const COLOR_BY: readonly ColorBy[] = ['kind', 'type', 'community', 'city'];

export type LayoutKind = 'force' | 'city' | 'kind';
export const LAYOUTS: readonly LayoutKind[] = ['force', 'city', 'kind'];

export type LabelDensity = 'few' | 'normal' | 'many';
export const LABEL_DENSITIES: readonly LabelDensity[] = ['few', 'normal', 'many'];

export type Tab = 'map' | 'dashboard' | 'table';
export const TABS: readonly Tab[] = ['map', 'dashboard', 'table'];

export interface ViewState {
  /** Shown wave; null until the waves are known (then the last one). */
  wave: string | null;
  /** Diff mode: the earlier wave compared with `wave`; null when not comparing. */
  diffFrom: string | null;
  mode: AnalysisMode;
  /** Node metric that sizes the nodes (a registry id). */
  sizeBy: string;
  colorBy: ColorBy;
  layout: LayoutKind;
  labels: LabelDensity;
  tab: Tab;
  /** Organization whose details are open. */
  selected: string | null;
  /** Two organizations shown together (an introduction suggestion). */
  pair: [string, string] | null;
}

export const DEFAULT_VIEW: ViewState = {
  wave: null,
  diffFrom: null,
  mode: 'undirected',
  sizeBy: 'degree',
  colorBy: 'kind',
  layout: 'force',
  labels: 'normal',
  tab: 'map',
  selected: null,
  pair: null,
};

export const viewStore = createStore<ViewState>(DEFAULT_VIEW);

export function setView(next: Partial<ViewState>): void {
  const current = viewStore.get();
  const merged = { ...current, ...next };
  if (!shallowEqual(current, merged)) viewStore.set(merged);
}

export function showWave(wave: string): void {
  const { diffFrom } = viewStore.get();
  // Comparing a wave with itself shows nothing: leave diff mode instead.
  setView({ wave, diffFrom: diffFrom === wave ? null : diffFrom });
}

export function startDiff(from: string, to: string): void {
  if (from === to) return;
  setView({ diffFrom: from, wave: to });
}

export function stopDiff(): void {
  setView({ diffFrom: null });
}

export function selectOrganization(id: string | null): void {
  setView({ selected: id, pair: null });
}

export function showPair(a: string, b: string): void {
  setView({ selected: a, pair: [a, b], tab: 'map' });
}

/** Waves in date order; the default comparison is the first against the last. */
export function defaultDiff(waves: readonly { id: string }[]): { from: string; to: string } | null {
  if (waves.length < 2) return null;
  return { from: waves[0].id, to: waves[waves.length - 1].id };
}
