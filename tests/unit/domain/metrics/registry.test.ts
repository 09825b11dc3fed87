import { describe, expect, it } from 'vitest';
import { computeWaveMetrics } from '../../../../server/domain/metrics/index.js';
import { findMetric, METRICS, metricOutputs } from '../../../../server/domain/metrics/registry.js';
import { ANALYSIS_MODES } from '../../../../server/domain/types.js';
import { graphOf, TRIANGLE_PENDANT } from './tiny.js';

describe('metric registry', () => {
  it('has unique ids and a label and one-sentence description in every language', () => {
    expect(new Set(METRICS.map((metric) => metric.id)).size).toBe(METRICS.length);
    for (const metric of METRICS) {
      for (const text of [
        metric.label,
        metric.description,
        ...metric.outputs.map((output) => output.label),
      ]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.tr.trim()).not.toBe('');
      }
      expect(metric.description.en).toMatch(/\.$/);
      expect(metric.description.tr).toMatch(/\.$/);
    }
  });

  it('names exactly the keys computeWaveMetrics returns, in every mode', () => {
    const directed = graphOf(
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      { directed: true },
    );
    for (const mode of ANALYSIS_MODES) {
      for (const weighted of [false, true]) {
        const graph = mode === 'directed' ? directed : graphOf(TRIANGLE_PENDANT);
        const result = computeWaveMetrics(graph, { wave: 'w', mode, weighted });
        expect(
          metricOutputs('network', mode, weighted)
            .map((output) => output.key)
            .sort(),
        ).toEqual(Object.keys(result.network).sort());
        expect(['id', ...metricOutputs('node', mode, weighted).map((output) => output.key)].sort()).toEqual(
          Object.keys(result.nodes[0]!).sort(),
        );
      }
    }
  });

  it('lists parameters with defaults that match each metric', () => {
    expect(
      findMetric('pagerank')?.parameters.find((parameter) => parameter.name === 'damping')?.default,
    ).toBe(0.85);
    expect(
      findMetric('communities')?.parameters.find((parameter) => parameter.name === 'seed')?.default,
    ).toBe(42);
    expect(findMetric('nope')).toBeUndefined();
  });

  it('computes through the descriptor', () => {
    expect(findMetric('density')?.compute(graphOf(TRIANGLE_PENDANT))).toBeCloseTo(2 / 3, 12);
    expect(findMetric('reciprocity')?.modes).toEqual(['directed']);
  });
});
