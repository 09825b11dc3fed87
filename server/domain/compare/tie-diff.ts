/**
 * Tie diff between two waves: which ties were added, removed or kept, and among the kept ones which
 * got a higher or lower level (levels of collaboration, DATA-FORMAT.md §1), plus the Jaccard stability
 * |stable| / |from ∪ to| of the two tie sets.
 *
 * Ties are sets of pairs (DATA-FORMAT.md §4): unordered pairs in undirected and reciprocated mode, ordered
 * pairs in directed mode. The level comparison ignores `--weighted`: a change of level is a change whether
 * or not the metrics look at levels.
 */
import type { WaveGraph } from '../graph/build-wave-graph.js';
import { assertSameDirection, comparePairs, levelOf, pairOf, type Pair } from './wave-pair.js';

export interface TieCounts {
  added: number;
  removed: number;
  stable: number;
  /** Stable ties whose level went up. */
  strengthened: number;
  /** Stable ties whose level went down. */
  weakened: number;
  /** |stable| / |from ∪ to| in [0, 1]; null when neither wave has a tie (nothing to be stable or not). */
  jaccard: number | null;
}

/** The pairs behind each count, sorted by first then second id. */
export interface TieLists {
  added: Pair[];
  removed: Pair[];
  stable: Pair[];
  strengthened: Pair[];
  weakened: Pair[];
}

export interface TieDiff {
  ties: TieCounts;
  tieLists: TieLists;
}

function tiesByPair(graph: WaveGraph, directed: boolean): Map<string, { pair: Pair; level: number }> {
  const ties = new Map<string, { pair: Pair; level: number }>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    const pair = pairOf(source, target, directed);
    // A control character cannot occur in an id read from CSV, so the key is unambiguous.
    ties.set(`${pair[0]}\u0000${pair[1]}`, { pair, level: levelOf(attributes) });
  });
  return ties;
}

/**
 * Compares the tie sets of two wave graphs of the same mode.
 * @throws TypeError when one graph is directed and the other is not.
 */
export function diffTies(from: WaveGraph, to: WaveGraph): TieDiff {
  const directed = assertSameDirection(from, to);
  const before = tiesByPair(from, directed);
  const after = tiesByPair(to, directed);
  const lists: TieLists = { added: [], removed: [], stable: [], strengthened: [], weakened: [] };

  for (const [key, tie] of after) {
    const previous = before.get(key);
    if (previous === undefined) {
      lists.added.push(tie.pair);
      continue;
    }
    lists.stable.push(tie.pair);
    if (tie.level > previous.level) lists.strengthened.push(tie.pair);
    else if (tie.level < previous.level) lists.weakened.push(tie.pair);
  }
  for (const [key, tie] of before) if (!after.has(key)) lists.removed.push(tie.pair);

  for (const list of Object.values(lists)) list.sort(comparePairs);
  const union = lists.added.length + lists.removed.length + lists.stable.length;
  return {
    ties: {
      added: lists.added.length,
      removed: lists.removed.length,
      stable: lists.stable.length,
      strengthened: lists.strengthened.length,
      weakened: lists.weakened.length,
      jaccard: union === 0 ? null : lists.stable.length / union,
    },
    tieLists: lists,
  };
}
