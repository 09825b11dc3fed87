/**
 * The sidebar's upper part: which wave (or which two waves compared), analysis mode, and how the map
 * draws organizations (size, colour, layout, labels). Native form controls, so every one is reachable
 * and operable from the keyboard.
 */
import { h, render, uid } from '../components/dom';
import { ANALYSIS_MODES, type AnalysisMode } from '../api/types';
import { dataStore } from '../core/data';
import { formatDate, localeStore, t } from '../core/i18n';
import { layoutStore } from '../core/layout';
import { stop as stopPlayback } from '../core/playback';
import { currentMetrics, labelOf, nodeMetricInfos } from '../core/selectors';
import { dataOf } from '../core/status';
import {
  COLOR_BY,
  LABEL_DENSITIES,
  LAYOUTS,
  defaultDiff,
  setView,
  showWave,
  startDiff,
  stopDiff,
  viewStore,
  type ColorBy,
  type LabelDensity,
  type LayoutKind,
} from '../core/view';
import { bind } from './bind';

function select<T extends string>(
  label: string,
  focusKey: string,
  value: T,
  options: readonly { value: T; label: string }[],
  onChange: (value: T) => void,
  testId?: string,
): HTMLElement {
  const id = uid('select');
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      {
        id,
        'data-focus-key': focusKey,
        ...(testId ? { 'data-testid': testId } : {}),
        on: { change: (event) => onChange((event.target as HTMLSelectElement).value as T) },
      },
      options.map((option) =>
        h('option', { value: option.value, selected: option.value === value }, option.label),
      ),
    ),
  );
}

export function mountControls(): { element: HTMLElement; kill(): void } {
  const element = h('section', { class: 'controls', 'aria-labelledby': 'controls-title' });
  const draw = (): void => {
    const data = dataStore.get();
    const view = viewStore.get();
    const locale = localeStore.get();
    if (data.boot.status !== 'ready') {
      render(element);
      return;
    }
    const waves = data.boot.data.waves;
    const metrics = currentMetrics(data, view);
    const infos = nodeMetricInfos(dataOf(data.registry), metrics).filter((info) => info.key !== 'community');
    const layout = layoutStore.get();
    const diffDefault = defaultDiff(waves);

    const waveButtons = h(
      'div',
      { class: 'segmented', role: 'group', 'aria-label': t('controls.wave') },
      waves.map((wave) =>
        h(
          'button',
          {
            type: 'button',
            class: 'segment',
            'aria-pressed': String(view.wave === wave.id),
            'data-focus-key': `wave-${wave.id}`,
            'data-testid': `wave-${wave.id}`,
            title: `${wave.label} · ${formatDate(locale, wave.date)}`,
            on: {
              click: () => {
                stopPlayback();
                showWave(wave.id);
              },
            },
          },
          h('span', { class: 'segment-title' }, wave.label),
          h('span', { class: 'segment-sub' }, formatDate(locale, wave.date, 'short')),
        ),
      ),
    );

    const diffToggleId = uid('diff');
    const diffSection =
      waves.length >= 2 && diffDefault
        ? h(
            'div',
            { class: 'diff-controls' },
            h(
              'div',
              { class: 'check' },
              h('input', {
                type: 'checkbox',
                id: diffToggleId,
                checked: view.diffFrom !== null,
                'data-focus-key': 'diff-toggle',
                'data-testid': 'diff-toggle',
                on: {
                  change: (event) => {
                    stopPlayback();
                    if ((event.target as HTMLInputElement).checked) {
                      // Compare the shown wave with the first one; from the first, compare first with last.
                      const to =
                        view.wave !== null && view.wave !== diffDefault.from ? view.wave : diffDefault.to;
                      startDiff(diffDefault.from, to);
                    } else stopDiff();
                  },
                },
              }),
              h('label', { for: diffToggleId }, t('controls.diff')),
            ),
            view.diffFrom !== null
              ? h(
                  'div',
                  { class: 'field-row' },
                  select(
                    t('controls.diffFrom'),
                    'diff-from',
                    view.diffFrom,
                    waves
                      .filter((wave) => wave.id !== view.wave)
                      .map((wave) => ({ value: wave.id, label: wave.label })),
                    (from) => startDiff(from, view.wave ?? diffDefault.to),
                  ),
                )
              : null,
            h(
              'p',
              { class: 'hint' },
              view.diffFrom !== null ? t('controls.diffHintOn') : t('controls.diffHint'),
            ),
          )
        : null;

    render(
      element,
      h('h2', { id: 'controls-title', class: 'section-title' }, t('controls.title')),
      h('div', { class: 'field' }, h('span', { class: 'field-label' }, t('controls.wave')), waveButtons),
      diffSection,
      h(
        'details',
        { class: 'display-options', open: true },
        h('summary', null, t('controls.display')),
        select<string>(
          t('controls.sizeBy'),
          'size-by',
          view.sizeBy,
          infos.map((info) => ({ value: info.key, label: labelOf(info, info.key, locale) })),
          (sizeBy) => setView({ sizeBy }),
          'size-by',
        ),
        select<ColorBy>(
          t('controls.colorBy'),
          'color-by',
          view.colorBy,
          COLOR_BY.map((value) => ({ value, label: t(`legend.colorBy.${value}`) })),
          (colorBy) => setView({ colorBy }),
          'color-by',
        ),
        select<LayoutKind>(
          t('controls.layout'),
          'layout',
          view.layout,
          LAYOUTS.map((value) => ({ value, label: t(`controls.layouts.${value}`) })),
          (next) => setView({ layout: next }),
          'layout',
        ),
        layout.status === 'running'
          ? h(
              'p',
              { class: 'hint', role: 'status' },
              t('controls.layoutRunning', { percent: Math.round(layout.progress * 100) }),
            )
          : layout.status === 'error'
            ? h('p', { class: 'hint warning', role: 'status' }, t('controls.layoutFailed'))
            : null,
        select<LabelDensity>(
          t('controls.labels'),
          'labels',
          view.labels,
          LABEL_DENSITIES.map((value) => ({ value, label: t(`controls.labelDensity.${value}`) })),
          (labels) => setView({ labels }),
        ),
        select<AnalysisMode>(
          t('controls.mode'),
          'mode',
          view.mode,
          ANALYSIS_MODES.map((value) => ({ value, label: t(`mode.${value}`) })),
          (mode) => setView({ mode }),
          'mode',
        ),
      ),
    );
  };
  const unbind = bind(element, [dataStore, viewStore, localeStore, layoutStore], draw);
  return { element, kill: unbind };
}
