import { afterEach, describe, expect, it } from 'vitest';
import type { ApproximationInfo } from '../../../../../client/src/api/types';
import {
  approximationNote,
  estimatedKeys,
  estimateTitle,
  marginOf,
} from '../../../../../client/src/core/approximation';
import { localeStore } from '../../../../../client/src/core/i18n';

// The shape `kopru metrics --format json` gives on 50 000 organizations (values rounded).
const INFO: ApproximationInfo = {
  measures: ['betweenness', 'closeness', 'diameter'],
  delta: 0.1,
  errorBound: 0.0100004,
  estimates: {
    betweenness: {
      method: 'riondato-kornaropoulos-2016',
      samples: 31513,
      confidence: 0.9,
      errorBound: 0.0100004,
    },
    closeness: { method: 'eppstein-wang-2004', samples: 2764, confidence: 0.9, errorBound: 0.0162 },
    diameter: { method: 'eccentricity-bounds', samples: 2770, confidence: 1, lower: 9, upper: 10 },
  },
};

describe('approximation labels', () => {
  afterEach(() => localeStore.set('en'));

  it('lists the estimated keys, none when exact', () => {
    expect([...estimatedKeys(INFO)]).toEqual(['betweenness', 'closeness', 'diameter']);
    expect(estimatedKeys(undefined).size).toBe(0);
    expect(approximationNote(undefined, (key) => key, 'en')).toBeNull();
  });

  it('gives a ± margin, or the bounds of a network value', () => {
    expect(marginOf(INFO, 'closeness', 'en')).toBe('±0.016');
    expect(marginOf(INFO, 'diameter', 'en')).toBe('9–10');
    expect(marginOf(INFO, 'pagerank', 'en')).toBe('');
  });

  it('says which measures are estimates, with their margins, in both languages', () => {
    const labels: Record<string, string> = {
      betweenness: 'Betweenness',
      closeness: 'Closeness',
      diameter: 'Diameter',
    };
    const note = approximationNote(INFO, (key) => labels[key]!, 'en');
    expect(note).toContain('Betweenness (±0.010), Closeness (±0.016), Diameter (9–10)');
    expect(note).toContain('90%');
    expect(estimateTitle(INFO, 'closeness', 'en')).toBe(
      'Estimated by sampling: within ±0.016 of the exact value with probability 90%.',
    );
    localeStore.set('tr');
    expect(estimateTitle(INFO, 'closeness', 'tr')).toMatch(
      /^Örnekleme ile tahmin edildi: %90 olasılıkla kesin değerden en fazla ±0,016 uzakta\.$/,
    );
  });
});
