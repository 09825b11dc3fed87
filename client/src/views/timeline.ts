/**
 * The timeline under the map: surveys (waves) and the project's events on one date axis, a play
 * button that steps through the waves, and the event under the pointer or keyboard described in words.
 * Every marker is a button, so the timeline is usable without a mouse.
 */
import { h, render } from '../components/dom';
import type { EventRecord } from '../api/types';
import { dataStore } from '../core/data';
import { formatDate, formatDateRange, localeStore, t, tOr } from '../core/i18n';
import { buildTimeline, eventsBetween, play, playbackStore, stop } from '../core/playback';
import { showWave, viewStore } from '../core/view';
import { bind } from './bind';

const EVENT_SYMBOLS: Record<string, string> = {
  workshop: '◆',
  training: '▲',
  network_meeting: '●',
  consultation_meeting: '■',
  cooperation_meeting: '★',
  visit: '✚',
};

export function eventSymbol(type: string | null): string {
  return (type && EVENT_SYMBOLS[type]) || '•';
}

export function mountTimeline(): { element: HTMLElement; kill(): void } {
  const element = h('section', {
    class: 'timeline panel',
    'aria-label': t('timeline.title'),
    'data-testid': 'timeline',
  });
  let described: EventRecord | null = null;

  const draw = (): void => {
    const data = dataStore.get();
    const view = viewStore.get();
    const locale = localeStore.get();
    const { playing } = playbackStore.get();
    element.setAttribute('aria-label', t('timeline.title'));
    if (data.boot.status !== 'ready') {
      render(element);
      return;
    }
    const { waves, events } = data.boot.data;
    const timeline = buildTimeline(waves, events);
    const eventById = new Map(events.map((event) => [event.id, event]));
    const waveIndex = waves.findIndex((wave) => wave.id === view.wave);
    const previous = waveIndex > 0 ? waves[waveIndex - 1] : undefined;
    const current = waves[waveIndex];
    const between = previous && current ? eventsBetween(events, previous.date, current.date) : [];

    const playButton = h(
      'button',
      {
        type: 'button',
        class: 'button icon-button',
        'data-focus-key': 'play',
        'data-testid': 'play',
        'aria-pressed': String(playing),
        disabled: waves.length < 2,
        on: { click: () => (playing ? stop() : play(waves, viewStore.get().wave, showWave)) },
      },
      h('span', { 'aria-hidden': 'true' }, playing ? '❚❚' : '▶'),
      h('span', null, playing ? t('timeline.pause') : t('timeline.play')),
    );

    const track = h(
      'div',
      { class: 'timeline-track' },
      h('div', { class: 'timeline-axis', 'aria-hidden': 'true' }),
      timeline.items.map((item) => {
        const left = `${(4 + item.position * 92).toFixed(2)}%`;
        if (item.kind === 'wave') {
          const wave = waves.find((w) => w.id === item.id)!;
          const active = wave.id === view.wave || wave.id === view.diffFrom;
          return h(
            'button',
            {
              type: 'button',
              class: `timeline-wave${active ? ' active' : ''}${item.position > 0.8 ? ' at-end' : item.position < 0.2 ? ' at-start' : ''}`,
              style: { left },
              'data-focus-key': `timeline-wave-${wave.id}`,
              'aria-pressed': String(wave.id === view.wave),
              title: `${wave.label} · ${formatDate(locale, wave.date)}`,
              on: {
                click: () => {
                  stop();
                  showWave(wave.id);
                },
              },
            },
            h('span', { class: 'timeline-wave-label' }, wave.label),
            h('span', { class: 'timeline-wave-date' }, formatDate(locale, wave.date, 'short')),
          );
        }
        const event = eventById.get(item.id)!;
        const name = `${event.name} · ${formatDateRange(locale, event.date, event.endDate)}`;
        const highlighted = between.includes(event);
        return h(
          'button',
          {
            type: 'button',
            class: `timeline-event type-${event.type ?? 'other'}${highlighted ? ' between' : ''}${described?.id === event.id ? ' described' : ''}`,
            style: { left },
            title: name,
            'aria-label': name,
            'data-focus-key': `timeline-event-${event.id}`,
            on: {
              click: () => {
                described = described?.id === event.id ? null : event;
                draw();
              },
              mouseenter: () => {
                if (described?.id === event.id) return;
                described = event;
                draw();
              },
              focus: () => {
                if (described?.id === event.id) return;
                described = event;
                draw();
              },
            },
          },
          h('span', { 'aria-hidden': 'true' }, eventSymbol(event.type)),
        );
      }),
    );

    const caption = described
      ? h(
          'p',
          { class: 'timeline-caption', 'aria-live': 'polite' },
          h('strong', null, described.name),
          ` · ${tOr(`eventType.${described.type ?? 'other'}`, described.type ?? '')} · ${formatDateRange(locale, described.date, described.endDate)}`,
          described.city ? ` · ${described.city}` : '',
          described.attendees !== undefined
            ? ` · ${t('timeline.attendees', { count: described.attendees })}`
            : '',
        )
      : h(
          'p',
          { class: 'timeline-caption', 'aria-live': 'polite' },
          previous && current
            ? t('timeline.between', { count: between.length, from: previous.label, to: current.label })
            : t('timeline.hint'),
        );

    const types = [...new Set(events.map((event) => event.type ?? 'other'))];
    render(
      element,
      h(
        'div',
        { class: 'timeline-head' },
        playButton,
        h('h2', { class: 'section-title' }, t('timeline.title')),
      ),
      track,
      caption,
      h(
        'ul',
        { class: 'timeline-key', 'aria-label': t('timeline.key') },
        types.map((type) =>
          h(
            'li',
            { class: `type-${type}` },
            h('span', { 'aria-hidden': 'true' }, eventSymbol(type)),
            ' ',
            tOr(`eventType.${type}`, type),
          ),
        ),
      ),
    );
  };
  const unbind = bind(element, [dataStore, viewStore, localeStore, playbackStore], draw);
  return {
    element,
    kill() {
      stop();
      unbind();
    },
  };
}
