import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildTimeline,
  eventsBetween,
  nextWave,
  play,
  PLAYBACK_STEP_MS,
  playbackStore,
  stop,
} from '../../../../../client/src/core/playback';

const waves = [
  { id: 'pre', label: 'Pre', date: '2019-12-02' },
  { id: 'post', label: 'Post', date: '2020-02-17' },
];
const events = [
  { id: 'w', name: 'Workshop', type: 'workshop', date: '2019-08-21', endDate: null, city: null },
  {
    id: 'c',
    name: 'Consultation',
    type: 'consultation_meeting',
    date: '2019-12-11',
    endDate: null,
    city: null,
  },
  { id: 'v', name: 'Visit', type: 'visit', date: '2020-02-05', endDate: '2020-02-06', city: null },
];

describe('the timeline', () => {
  it('places waves and events on one date axis from 0 to 1', () => {
    const timeline = buildTimeline(waves, events);
    expect(timeline.start).toBe('2019-08-21');
    expect(timeline.end).toBe('2020-02-17');
    expect(timeline.items[0]).toMatchObject({ kind: 'event', id: 'w', position: 0 });
    expect(timeline.items[timeline.items.length - 1]).toMatchObject({
      kind: 'wave',
      id: 'post',
      position: 1,
    });
  });

  it('lists the events between two surveys', () => {
    expect(eventsBetween(events, '2019-12-02', '2020-02-17').map((event) => event.id)).toEqual(['c', 'v']);
  });

  it('loops to the first wave after the last', () => {
    expect(nextWave(waves, 'pre')).toBe('post');
    expect(nextWave(waves, 'post')).toBe('pre');
  });
});

describe('playback', () => {
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('starts again from the first wave, steps to the next and stops on the last', () => {
    vi.useFakeTimers();
    const shown: string[] = [];
    play(waves, 'post', (wave) => shown.push(wave));
    expect(playbackStore.get().playing).toBe(true);
    expect(shown).toEqual(['pre']);
    vi.advanceTimersByTime(PLAYBACK_STEP_MS);
    expect(shown).toEqual(['pre', 'post']);
    vi.advanceTimersByTime(PLAYBACK_STEP_MS);
    expect(playbackStore.get().playing).toBe(false);
  });

  it('does nothing with a single wave', () => {
    play([waves[0]!], 'pre', () => undefined);
    expect(playbackStore.get().playing).toBe(false);
  });
});
