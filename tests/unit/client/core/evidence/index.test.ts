import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../../../client/src/api/types';
import { buildFindings, overallMeetingRow } from '../../../../../client/src/core/evidence';
import { localeStore, t } from '../../../../../client/src/core/i18n';

const compare: CompareResult = {
  from: 'pre',
  to: 'post',
  mode: 'undirected',
  network: { density: { from: 0.02, to: 0.0252, change: 0.0052 } },
  ties: { added: 120, removed: 58, stable: 352, strengthened: 40, weakened: 10, jaccard: 0.66 },
  qap: { correlation: 0.71, pValue: 0.0002, permutations: 5000 },
  densityTest: { difference: 0.0052, ci95: [0.002, 0.008], pValue: 0.001 },
  eiIndex: { from: -0.61, to: -0.45, change: 0.16 },
  crossSectorTies: { from: 50, to: 80, change: 30 },
  meetingEffect: [
    {
      eventType: 'any',
      scope: 'all',
      coAttendingPairs: 100,
      coAttendingNew: 12,
      otherPairs: 1000,
      otherNew: 20,
      rateCoAttending: 0.12,
      rateOther: 0.02,
      rateRatio: 6,
      ci95: [3.1, 11.6],
      pValue: 0.00001,
    },
    {
      eventType: 'any',
      scope: 'crossSector',
      coAttendingPairs: 10,
      coAttendingNew: 1,
      otherPairs: 10,
      otherNew: 1,
      rateCoAttending: 0.1,
      rateOther: 0.1,
      rateRatio: 1,
      ci95: [0.1, 9],
      pValue: 1,
    },
  ],
  isolates: { integrated: ['x', 'y'], becameIsolated: [] },
  nodes: [],
};

describe('buildFindings', () => {
  it('says cooperation grew, by how much, with the interval, and that it is unlikely to be chance', () => {
    localeStore.set('en');
    const density = buildFindings(compare, 'en').find((finding) => finding.id === 'density')!;
    expect(density.tone).toBe('positive');
    expect(density.verdictKey).toBe('evidence.verdict.real');
    expect(t(density.key, density.params)).toBe(
      'Cooperation grew: density +26% (0.020 → 0.025; 95% CI +10% to +40%).',
    );
    expect(t(density.verdictKey!, density.params)).toBe('Unlikely to be chance (p = 0.001).');
  });

  it('says "could be chance" when the interval includes no change', () => {
    const unclear = {
      ...compare,
      densityTest: { difference: 0.001, ci95: [-0.002, 0.004] as [number, number], pValue: 0.4 },
    };
    const density = buildFindings(unclear, 'en').find((finding) => finding.id === 'density')!;
    expect(density.verdictKey).toBe('evidence.verdict.chance');
  });

  it('reports the meeting effect from the all-pairs "any event" row, in Turkish too', () => {
    expect(overallMeetingRow(compare.meetingEffect)?.scope).toBe('all');
    localeStore.set('tr');
    const meeting = buildFindings(compare, 'tr').find((finding) => finding.id === 'meeting')!;
    expect(t(meeting.key, meeting.params)).toContain('6,0 kat');
    expect(t(meeting.key, meeting.params)).toContain('%12');
    localeStore.set('en');
  });

  it('covers cross-sector ties, QAP, tie counts and isolates, and skips what is missing', () => {
    const ids = buildFindings(compare, 'en').map((finding) => finding.id);
    expect(ids).toEqual(['density', 'meeting', 'crossSector', 'qap', 'ties', 'isolates']);
    const sparse = {
      ...compare,
      meetingEffect: [],
      crossSectorTies: undefined,
      isolates: undefined,
    } as unknown as CompareResult;
    expect(buildFindings(sparse, 'en').map((finding) => finding.id)).toEqual(['density', 'qap', 'ties']);
  });
});
