import { describe, expect, it } from 'vitest';
import {
  computeMeetingEffect,
  type MeetingEffectRow,
} from '../../../../server/domain/compare/meeting-effect.js';
import { buildWaveGraph } from '../../../../server/domain/graph/build-wave-graph.js';
import type { AnalysisMode, Dataset } from '../../../../server/domain/types.js';
import { NotFoundError } from '../../../../server/errors.js';
import { readFixture, toDataset } from './helpers.js';

// Expected rows: a brute-force pass over every pair, p-values from scipy.stats.fisher_exact (two-sided)
// (tests/fixtures/reference/scripts/compare_reference.py).
const reference = readFixture<{
  dataset: Parameters<typeof toDataset>[0];
  meetingEffect: Record<AnalysisMode, MeetingEffectRow[]>;
}>('compare/waves.json');
const dataset = toDataset(reference.dataset);

function tinyDataset(): Dataset {
  const org = (id: string, kind: 'ngo' | 'institution') => ({ id, name: id, kind, focus: [], extra: {} });
  const tie = (source: string, target: string, wave: string) => ({
    source,
    target,
    wave,
    level: 1,
    extra: {},
  });
  return {
    info: { name: 'tiny', synthetic: true },
    organizations: [org('a', 'ngo'), org('b', 'ngo'), org('c', 'institution'), org('d', 'institution')],
    waves: [
      { id: 'w1', label: 'w1', date: '2024-01-01' },
      { id: 'w2', label: 'w2', date: '2024-12-31' },
    ],
    // w1: a–b. w2: a–b, a–c, b–d.
    ties: [tie('a', 'b', 'w1'), tie('a', 'b', 'w2'), tie('a', 'c', 'w2'), tie('d', 'b', 'w2')],
    events: [
      { id: 'e1', name: 'workshop', date: '2024-06-01', type: 'workshop' },
      { id: 'e0', name: 'too early', date: '2023-06-01', type: 'training' },
    ],
    // a, b, c met at the workshop; b and d only at the early training, which does not count.
    attendance: [
      { organization: 'a', event: 'e1' },
      { organization: 'b', event: 'e1' },
      { organization: 'c', event: 'e1' },
      { organization: 'b', event: 'e0' },
      { organization: 'd', event: 'e0' },
    ],
    responses: [],
  };
}

describe('computeMeetingEffect', () => {
  it('counts a hand-checkable case', () => {
    const tiny = tinyDataset();
    const rows = computeMeetingEffect(tiny, buildWaveGraph(tiny, 'w1'), buildWaveGraph(tiny, 'w2'), {
      from: 'w1',
      to: 'w2',
    });
    // At risk: every pair but a–b (5). Met at the workshop: a–c (new), b–c. The others: a–d, b–d (new), c–d.
    const workshop = rows.find((r) => r.eventType === 'workshop')!;
    expect(workshop).toMatchObject({
      coAttendingPairs: 2,
      coAttendingNew: 1,
      otherPairs: 3,
      otherNew: 1,
      rateCoAttending: 0.5,
      rateOther: 1 / 3,
      rateRatio: 1.5,
      scope: 'all',
    });
    // Fisher: margins 2 / 3 and 2 new; P(table) for x = 0, 1, 2 new among the pair that met: 3/10, 6/10, 1/10.
    expect(workshop.pValue).toBeCloseTo(1, 12);
    expect(rows.find((r) => r.eventType === 'any')).toMatchObject({ coAttendingPairs: 2, coAttendingNew: 1 });
    expect(rows.find((r) => r.eventType === 'training')).toMatchObject({
      coAttendingPairs: 0,
      rateCoAttending: null,
      rateRatio: null,
      ci95: null,
      pValue: null,
    });
    expect(rows.map((r) => r.eventType)).toEqual([
      'any',
      'consultation_meeting',
      'cooperation_meeting',
      'network_meeting',
      'workshop',
      'training',
      'visit',
    ]);

    const cross = computeMeetingEffect(tiny, buildWaveGraph(tiny, 'w1'), buildWaveGraph(tiny, 'w2'), {
      from: 'w1',
      to: 'w2',
      crossSectorOnly: true,
    });
    // NGO–institution pairs: a–c (met, new), a–d, b–c (met), b–d (new).
    expect(cross.find((r) => r.eventType === 'workshop')).toMatchObject({
      scope: 'crossSector',
      coAttendingPairs: 2,
      coAttendingNew: 1,
      otherPairs: 2,
      otherNew: 1,
      rateRatio: 1,
    });
  });

  it.each(['undirected', 'directed', 'reciprocated'] as const)(
    'matches the brute-force reference (%s)',
    (mode) => {
      const from = buildWaveGraph(dataset, 'pre', mode);
      const to = buildWaveGraph(dataset, 'post', mode);
      const rows = [
        ...computeMeetingEffect(dataset, from, to, { from: 'pre', to: 'post' }),
        ...computeMeetingEffect(dataset, from, to, { from: 'pre', to: 'post', crossSectorOnly: true }),
      ];
      const expected = reference.meetingEffect[mode];
      expect(rows.map((r) => [r.scope, r.eventType])).toEqual(expected.map((r) => [r.scope, r.eventType]));
      rows.forEach((row, i) => {
        const want = expected[i]!;
        expect(row).toMatchObject({
          coAttendingPairs: want.coAttendingPairs,
          coAttendingNew: want.coAttendingNew,
          otherPairs: want.otherPairs,
          otherNew: want.otherNew,
        });
        for (const key of ['rateCoAttending', 'rateOther', 'rateRatio'] as const) {
          if (want[key] === null) expect(row[key]).toBeNull();
          else expect(row[key]).toBeCloseTo(want[key], 12);
        }
        if (want.ci95 === null) expect(row.ci95).toBeNull();
        else {
          expect(row.ci95![0]).toBeCloseTo(want.ci95[0], 10);
          expect(row.ci95![1]).toBeCloseTo(want.ci95[1], 10);
        }
        if (want.pValue === null) expect(row.pValue).toBeNull();
        else expect(Math.abs(row.pValue! - want.pValue) / want.pValue).toBeLessThan(1e-9);
      });
    },
  );

  it('rejects an unknown wave', () => {
    const graph = buildWaveGraph(dataset, 'pre');
    expect(() => computeMeetingEffect(dataset, graph, graph, { from: 'pre', to: 'nope' })).toThrow(
      NotFoundError,
    );
  });
});
