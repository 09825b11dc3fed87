import { describe, expect, it } from 'vitest';
import { computeReciprocity } from '../../../../server/domain/metrics/reciprocity.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf } from './tiny.js';

describe('computeReciprocity', () => {
  it('is the share of arcs reported back', () => {
    // a⇄b reciprocated (2 arcs), b→c not: 2/3.
    expect(
      computeReciprocity(
        graphOf(
          [
            ['a', 'b'],
            ['b', 'a'],
            ['b', 'c'],
          ],
          { directed: true },
        ),
      ),
    ).toBeCloseTo(2 / 3, 12);
  });

  it('is 0 without ties', () => {
    expect(computeReciprocity(graphOf([], { directed: true, nodes: ['a'] }))).toBe(0);
  });

  it.each(loadCases().filter(({ fixture }) => fixture.directed))(
    'matches NetworkX on $name',
    ({ graph, reference }) => {
      expect(computeReciprocity(graph)).toBeCloseTo(reference.network['reciprocity'] as number, 12);
    },
  );

  it('rejects an undirected graph, naming the mode', () => {
    expect(() => computeReciprocity(graphOf([['a', 'b']]))).toThrow(ValidationError);
    expect(() => computeReciprocity(graphOf([['a', 'b']]))).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ column: 'mode' })] }),
    );
  });
});
