/**
 * A hand-checkable survey: four organizations, one wave, d did not answer.
 *
 *   reported arcs (level): a→b (2), b→a (3), a→c (1), b→d (2), c→b (1)
 *   responses: a, b, c responded; d missing
 *
 * Treatments, undirected pairs:
 *   as-reported / union  ab, ac, bd, bc     4 of 6 pairs
 *   reciprocated         ab (confirmed), bd (d could not confirm)   a→c and c→b dropped: c answered, did not confirm
 *   drop-non-respondents ab, ac, bc among a, b, c: a triangle
 */
import type { Dataset, ResponseStatus, Tie } from '../../../../server/domain/types.js';

export function tie(source: string, target: string, level = 1, wave = 'w1'): Tie {
  return { source, target, wave, level, extra: {} };
}

export function tinySurvey(
  options: { responses?: [string, string, ResponseStatus][]; ties?: Tie[] } = {},
): Dataset {
  return {
    info: { name: 'tiny survey', synthetic: true },
    organizations: ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      name: id.toUpperCase(),
      kind: id === 'a' ? 'institution' : 'ngo',
      focus: [],
      extra: {},
    })),
    waves: [
      { id: 'w1', label: 'Wave 1', date: '2020-01-01' },
      { id: 'w2', label: 'Wave 2', date: '2021-01-01' },
    ],
    ties: options.ties ?? [
      tie('a', 'b', 2),
      tie('b', 'a', 3),
      tie('a', 'c', 1),
      tie('b', 'd', 2),
      tie('c', 'b', 1),
      tie('a', 'b', 1, 'w2'),
      tie('c', 'd', 1, 'w2'),
    ],
    events: [],
    attendance: [{ organization: 'd', event: 'e1' }],
    responses: (
      options.responses ?? [
        ['a', 'w1', 'responded'],
        ['b', 'w1', 'responded'],
        ['c', 'w1', 'responded'],
        ['d', 'w1', 'missing'],
        ['a', 'w2', 'responded'],
        ['b', 'w2', 'missing'],
        ['c', 'w2', 'responded'],
        ['d', 'w2', 'responded'],
      ]
    ).map(([organization, wave, status]) => ({ organization, wave, status })),
  };
}

/** The wave's arcs as sorted `source>target:level` strings. */
export function arcs(dataset: Dataset, wave = 'w1'): string[] {
  return dataset.ties
    .filter((t) => t.wave === wave)
    .map((t) => `${t.source}>${t.target}:${t.level}`)
    .sort();
}
