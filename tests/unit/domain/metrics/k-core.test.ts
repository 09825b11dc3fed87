import { describe, expect, it } from 'vitest';
import { computeKCore } from '../../../../server/domain/metrics/k-core.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases, mismatches, nodeColumn } from './reference.js';
import { graphOf, PATH_4, TRIANGLE_PENDANT } from './tiny.js';

describe('computeKCore', () => {
  it('is the deepest core a node belongs to', () => {
    // The triangle is a 2-core; the pendant only in the 1-core; an isolate in the 0-core.
    expect(computeKCore(graphOf(TRIANGLE_PENDANT, { nodes: ['e'] }))).toEqual({
      a: 2,
      b: 2,
      c: 2,
      d: 1,
      e: 0,
    });
    expect(computeKCore(graphOf(PATH_4))).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    // K4 is a 3-core.
    const k4 = graphOf([
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'd'],
      ['b', 'c'],
      ['b', 'd'],
      ['c', 'd'],
    ]);
    expect(computeKCore(k4)).toEqual({ a: 3, b: 3, c: 3, d: 3 });
  });

  it('uses the undirected view in directed mode (a mutual pair is one partner)', () => {
    expect(
      computeKCore(
        graphOf(
          [
            ['a', 'b'],
            ['b', 'a'],
          ],
          { directed: true },
        ),
      ),
    ).toEqual({ a: 1, b: 1 });
  });

  it.each(loadCases())('matches NetworkX core_number on $name', ({ graph, reference }) => {
    expect(mismatches(computeKCore(graph), nodeColumn(reference, 'kCore'), 0)).toEqual([]);
  });

  it('rejects an invalid level', () => {
    expect(() => computeKCore(graphOf([['a', 'b', 0]]))).toThrow(ValidationError);
  });
});
