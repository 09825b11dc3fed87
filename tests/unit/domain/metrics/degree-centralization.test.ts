import { describe, expect, it } from 'vitest';
import { computeDegreeCentralization } from '../../../../server/domain/metrics/degree-centralization.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, PATH_4, TRIANGLE_PENDANT } from './tiny.js';

describe('computeDegreeCentralization', () => {
  it('is Σ(max − deg)/((n−1)(n−2))', () => {
    // Path of 4: degrees 1, 2, 2, 1, max 2 → (1 + 0 + 0 + 1)/(3·2) = 1/3.
    expect(computeDegreeCentralization(graphOf(PATH_4))).toBeCloseTo(1 / 3, 12);
    // Triangle + pendant: degrees 2, 2, 3, 1, max 3 → (1 + 1 + 0 + 2)/6 = 2/3.
    expect(computeDegreeCentralization(graphOf(TRIANGLE_PENDANT))).toBeCloseTo(2 / 3, 12);
    // A star is the most centralized: 1.
    expect(
      computeDegreeCentralization(
        graphOf([
          ['h', 'a'],
          ['h', 'b'],
          ['h', 'c'],
        ]),
      ),
    ).toBe(1);
  });

  it('counts partners on the undirected view in directed mode', () => {
    // a⇄b and b→c: partners a 1, b 2, c 1 → (1 + 0 + 1)/2 = 1.
    expect(
      computeDegreeCentralization(
        graphOf(
          [
            ['a', 'b'],
            ['b', 'a'],
            ['b', 'c'],
          ],
          { directed: true },
        ),
      ),
    ).toBe(1);
  });

  it('is 0 below three nodes', () => {
    expect(computeDegreeCentralization(graphOf([['a', 'b']]))).toBe(0);
    expect(computeDegreeCentralization(graphOf([]))).toBe(0);
  });

  it.each(loadCases())('matches the formula on NetworkX degrees on $name', ({ graph, reference }) => {
    expect(computeDegreeCentralization(graph)).toBeCloseTo(
      reference.network['degreeCentralization'] as number,
      9,
    );
  });

  it('rejects an invalid level', () => {
    expect(() => computeDegreeCentralization(graphOf([['a', 'b', 0]]))).toThrow(ValidationError);
  });
});
