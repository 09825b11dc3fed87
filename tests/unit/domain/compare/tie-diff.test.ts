import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTies } from '../../../../server/domain/compare/tie-diff.js';
import { buildWaveGraph } from '../../../../server/domain/graph/build-wave-graph.js';
import type { AnalysisMode } from '../../../../server/domain/types.js';
import { readFixture, toDataset, waveGraph } from './helpers.js';

// Expected values: tests/fixtures/reference/scripts/compare_reference.py (Python sets over NetworkX graphs).
const reference = readFixture<{
  dataset: Parameters<typeof toDataset>[0];
  comparisons: {
    from: string;
    to: string;
    mode: AnalysisMode;
    ties: Record<'added' | 'removed' | 'stable' | 'strengthened' | 'weakened', number> & {
      jaccard: number | null;
    };
  }[];
}>('compare/waves.json');
const dataset = toDataset(reference.dataset);

describe('diffTies', () => {
  it('classifies a hand-checkable undirected pair of waves', () => {
    const nodes = ['a', 'b', 'c', 'd'];
    const from = waveGraph(nodes, [
      ['a', 'b', 1],
      ['b', 'c', 3],
      ['c', 'd', 2],
    ]);
    // b–a is a–b seen from the other side: stable, and its level went 1 → 2.
    const to = waveGraph(nodes, [
      ['b', 'a', 2],
      ['b', 'c', 1],
      ['a', 'd', 1],
    ]);
    const { ties, tieLists } = diffTies(from, to);
    expect(tieLists).toEqual({
      added: [['a', 'd']],
      removed: [['c', 'd']],
      stable: [
        ['a', 'b'],
        ['b', 'c'],
      ],
      strengthened: [['a', 'b']],
      weakened: [['b', 'c']],
    });
    expect(ties).toEqual({ added: 1, removed: 1, stable: 2, strengthened: 1, weakened: 1, jaccard: 2 / 4 });
  });

  it('keeps ordered pairs apart in directed mode', () => {
    const nodes = ['a', 'b', 'c'];
    const from = waveGraph(nodes, [['a', 'b']], true);
    const to = waveGraph(
      nodes,
      [
        ['b', 'a'],
        ['a', 'b'],
        ['c', 'a'],
      ],
      true,
    );
    const { ties, tieLists } = diffTies(from, to);
    expect(tieLists.added).toEqual([
      ['b', 'a'],
      ['c', 'a'],
    ]);
    expect(ties).toMatchObject({ added: 2, removed: 0, stable: 1, jaccard: 1 / 3 });
  });

  it('finds no change between a wave and itself', () => {
    const graph = buildWaveGraph(dataset, 'pre');
    const { ties } = diffTies(graph, graph);
    expect(ties).toEqual({
      added: 0,
      removed: 0,
      stable: graph.size,
      strengthened: 0,
      weakened: 0,
      jaccard: 1,
    });
  });

  it('has no Jaccard index when neither wave has a tie', () => {
    const empty = waveGraph(['a', 'b'], []);
    expect(diffTies(empty, empty).ties.jaccard).toBeNull();
  });

  it('refuses to compare a directed wave with an undirected one', () => {
    expect(() => diffTies(waveGraph(['a'], []), waveGraph(['a'], [], true))).toThrow(TypeError);
  });

  it.each(reference.comparisons.map((c) => [c.mode, c.from, c.to, c] as const))(
    'matches the reference counts (%s, %s → %s)',
    (mode, from, to, expected) => {
      const { ties } = diffTies(buildWaveGraph(dataset, from, mode), buildWaveGraph(dataset, to, mode));
      expect(ties).toEqual(expected.ties);
    },
  );

  it('satisfies the set identities on random waves', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'];
    const tie = fc.tuple(
      fc.constantFrom(...nodes),
      fc.constantFrom(...nodes),
      fc.integer({ min: 1, max: 4 }),
    );
    const wave = fc
      .array(tie, { maxLength: 30 })
      .map((ties) => ties.filter(([s, t]) => s !== t) as [string, string, number][]);
    fc.assert(
      fc.property(wave, wave, fc.boolean(), (fromTies, toTies, directed) => {
        const dedupe = (ties: [string, string, number][]) => {
          const seen = new Map<string, [string, string, number]>();
          for (const t of ties) seen.set(directed ? `${t[0]}>${t[1]}` : [t[0], t[1]].sort().join('-'), t);
          return [...seen.values()];
        };
        const from = waveGraph(nodes, dedupe(fromTies), directed);
        const to = waveGraph(nodes, dedupe(toTies), directed);
        const { ties } = diffTies(from, to);
        expect(ties.added + ties.stable).toBe(to.size);
        expect(ties.removed + ties.stable).toBe(from.size);
        expect(ties.strengthened + ties.weakened).toBeLessThanOrEqual(ties.stable);
        if (from.size + to.size === 0) expect(ties.jaccard).toBeNull();
        else {
          expect(ties.jaccard).toBeGreaterThanOrEqual(0);
          expect(ties.jaccard).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
