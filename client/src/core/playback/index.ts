/**
 * Timeline and playback: the waves and the project's events on one date axis, and a player that steps
 * through the waves in date order (each step animates the map from one wave to the next) so the
 * viewer sees which events happened between two surveys and how the ties changed after them.
 */
import type { EventRecord, Wave } from '../../api/types';
import { dayNumber } from '../i18n/format';
import { createStore } from '../store';

export interface TimelineItem {
  kind: 'wave' | 'event';
  id: string;
  date: string;
  endDate: string | null;
  /** 0 at the first date of the timeline, 1 at the last. */
  position: number;
  /** Event type (for events). */
  type: string | null;
}

export interface Timeline {
  start: string | null;
  end: string | null;
  items: TimelineItem[];
}

export function buildTimeline(waves: readonly Wave[], events: readonly EventRecord[]): Timeline {
  const dated = [
    ...waves.map((wave) => ({
      kind: 'wave' as const,
      id: wave.id,
      date: wave.date,
      endDate: null,
      type: null,
    })),
    ...events.map((event) => ({
      kind: 'event' as const,
      id: event.id,
      date: event.date,
      endDate: event.endDate,
      type: event.type,
    })),
  ].filter((item) => dayNumber(item.date) !== null);
  if (dated.length === 0) return { start: null, end: null, items: [] };
  const days = dated.map((item) => dayNumber(item.date) as number);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = Math.max(1, last - first);
  const items = dated
    .map((item, i) => ({ ...item, position: (days[i]! - first) / span }))
    .sort((a, b) => a.position - b.position || (a.kind === b.kind ? 0 : a.kind === 'wave' ? 1 : -1));
  const byDay = [...dated].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { start: byDay[0]!.date, end: byDay[byDay.length - 1]!.date, items };
}

/** Events that started after `fromDate` and on or before `toDate` (between two surveys). */
export function eventsBetween<T extends { date: string }>(
  events: readonly T[],
  fromDate: string,
  toDate: string,
): T[] {
  return events.filter((event) => event.date > fromDate && event.date <= toDate);
}

/** The wave after `current` in date order; the first one after the last (playback loops). */
export function nextWave(waves: readonly Wave[], current: string | null): string | null {
  if (waves.length === 0) return null;
  const index = waves.findIndex((wave) => wave.id === current);
  return waves[(index + 1) % waves.length]!.id;
}

export interface PlaybackState {
  playing: boolean;
}

export const playbackStore = createStore<PlaybackState>({ playing: false });

/** Milliseconds each wave stays on screen while playing (the transition itself takes ~0.8 s). */
export const PLAYBACK_STEP_MS = 2600;

let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * Plays through the waves: shows the first one, then each next one every PLAYBACK_STEP_MS, and stops
 * on the last. `show` is the view action that switches the wave.
 */
export function play(waves: readonly Wave[], current: string | null, show: (wave: string) => void): void {
  stop();
  if (waves.length < 2) return;
  playbackStore.set({ playing: true });
  const ids = waves.map((wave) => wave.id);
  let index = ids.indexOf(current ?? '');
  // From the last wave (or none) the story starts again at the first.
  if (index < 0 || index === ids.length - 1) {
    index = 0;
    show(ids[0]!);
  }
  const step = (): void => {
    index++;
    if (index >= ids.length) {
      stop();
      return;
    }
    show(ids[index]!);
    if (index === ids.length - 1) {
      timer = setTimeout(stop, PLAYBACK_STEP_MS / 2);
      return;
    }
    timer = setTimeout(step, PLAYBACK_STEP_MS);
  };
  timer = setTimeout(step, PLAYBACK_STEP_MS / 2);
}

export function stop(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (playbackStore.get().playing) playbackStore.set({ playing: false });
}
