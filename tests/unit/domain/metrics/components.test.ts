import { describe, expect, it } from 'vitest';
import { computeComponents } from '../../../../server/domain/metrics/components.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, TRIANGLE_PENDANT } from './tiny.js';

describe('computeComponents', () => {
  it('counts components, isolates included, and numbers them by size', () => {
    // {a,b,c,d}, {x,y}, {z}: three components, the largest has 4 nodes.
    const result = computeComponents(graphOf([...TRIANGLE_PENDANT, ['x', 'y']], { nodes: ['z'] }));
    expect(result.components).toBe(3);
    expect(result.largestComponent).toBe(4);
    expect(result.membership).toEqual({ a: 0, b: 0, c: 0, d: 0, x: 1, y: 1, z: 2 });
  });

  it('uses weak components in a directed graph and orders equal sizes by smallest id', () => {
    // q→p and b→a: two weak components of two; the one holding "a" comes first.
    const result = computeComponents(
      graphOf(
        [
          ['q', 'p'],
          ['b', 'a'],
        ],
        { directed: true },
      ),
    );
    expect(result).toEqual({ components: 2, largestComponent: 2, membership: { a: 0, b: 0, p: 1, q: 1 } });
  });

  it('is 0 and 0 for an empty graph', () => {
    expect(computeComponents(graphOf([]))).toEqual({ components: 0, largestComponent: 0, membership: {} });
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference }) => {
    const { components, largestComponent } = computeComponents(graph);
    expect({ components, largestComponent }).toEqual({
      components: reference.network['components'],
      largestComponent: reference.network['largestComponent'],
    });
  });

  it('rejects an invalid level', () => {
    expect(() => computeComponents(graphOf([['a', 'b', 0]]))).toThrow(ValidationError);
  });
});
