import { describe, expect, it } from 'vitest';
import { computeSize } from '../../../../server/domain/metrics/size.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, TRIANGLE_PENDANT } from './tiny.js';

describe('computeSize', () => {
  it('counts nodes and ties: triangle + pendant has 4 and 4, an isolate adds a node only', () => {
    expect(computeSize(graphOf(TRIANGLE_PENDANT, { nodes: ['e'] }))).toEqual({ nodes: 5, edges: 4 });
    expect(computeSize(graphOf([]))).toEqual({ nodes: 0, edges: 0 });
  });

  it('counts arcs in a directed graph (a mutual pair is two)', () => {
    expect(
      computeSize(
        graphOf(
          [
            ['a', 'b'],
            ['b', 'a'],
          ],
          { directed: true },
        ),
      ).edges,
    ).toBe(2);
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference }) => {
    expect(computeSize(graph)).toEqual({
      nodes: reference.network['nodes'],
      edges: reference.network['edges'],
    });
  });

  it('rejects an invalid level', () => {
    expect(() => computeSize(graphOf([['a', 'b', -1]]))).toThrow(ValidationError);
  });
});
