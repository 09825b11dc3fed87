import { describe, expect, it } from 'vitest';
import { computeIsolates } from '../../../../server/domain/metrics/isolates.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, PATH_4 } from './tiny.js';

describe('computeIsolates', () => {
  it('lists organizations without a tie, sorted', () => {
    expect(computeIsolates(graphOf(PATH_4, { nodes: ['z', 'e'] }))).toEqual({ isolates: 2, ids: ['e', 'z'] });
  });

  it('counts a node that only receives ties as tied', () => {
    expect(computeIsolates(graphOf([['a', 'b']], { directed: true, nodes: ['c'] })).ids).toEqual(['c']);
  });

  it('makes every node an isolate when there are no ties', () => {
    expect(computeIsolates(graphOf([], { nodes: ['a', 'b'] })).isolates).toBe(2);
    expect(computeIsolates(graphOf([])).isolates).toBe(0);
  });

  it.each(loadCases())('matches NetworkX on $name', ({ graph, reference }) => {
    expect(computeIsolates(graph).isolates).toBe(reference.network['isolates']);
  });

  it('rejects an invalid level', () => {
    expect(() => computeIsolates(graphOf([['a', 'b', 0]]))).toThrow(ValidationError);
  });
});
