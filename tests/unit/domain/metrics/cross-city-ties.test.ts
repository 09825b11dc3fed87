import { describe, expect, it } from 'vitest';
import { computeCrossCityTies } from '../../../../server/domain/metrics/cross-city-ties.js';
import { ValidationError } from '../../../../server/errors.js';
import { loadCases } from './reference.js';
import { graphOf, PATH_4 } from './tiny.js';

describe('computeCrossCityTies', () => {
  it('counts ties between two different known cities', () => {
    // a–b same city, b–c across, c–d: d's city unknown → 1.
    const nodes = { a: { city: 'Hatay' }, b: { city: 'Hatay' }, c: { city: 'Şanlıurfa' }, d: { city: '' } };
    expect(computeCrossCityTies(graphOf(PATH_4, { nodes }))).toBe(1);
  });

  it('counts arcs in directed mode', () => {
    const nodes = { a: { city: 'Hatay' }, b: { city: 'Kilis' } };
    expect(
      computeCrossCityTies(
        graphOf(
          [
            ['a', 'b'],
            ['b', 'a'],
          ],
          { directed: true, nodes },
        ),
      ),
    ).toBe(2);
  });

  it('is 0 without ties or without any city attribute', () => {
    expect(computeCrossCityTies(graphOf([]))).toBe(0);
    expect(computeCrossCityTies(graphOf(PATH_4), { attribute: 'region' })).toBe(0);
  });

  it.each(loadCases())('matches the reference on $name', ({ graph, reference }) => {
    expect(computeCrossCityTies(graph)).toBe(reference.network['crossCityTies']);
  });

  it('rejects a list-valued city attribute', () => {
    const graph = graphOf([['a', 'b']], { nodes: { a: { city: ['Hatay', 'Kilis'] } } });
    expect(() => computeCrossCityTies(graph)).toThrow(ValidationError);
  });
});
