/**
 * The sensitivity table: on the tiny survey every density is a count of pairs over 6 (checked by hand in
 * tiny.ts); on the demo, each treated column equals analyseWave of the treated dataset, key for key.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseWave } from '../../../../server/domain/analysis/index.js';
import { metricOutputs } from '../../../../server/domain/metrics/registry.js';
import {
  applyTreatment,
  computeSensitivity,
  NON_RESPONSE_TREATMENTS,
} from '../../../../server/domain/survey/index.js';
import { PROJECT_ROOT } from '../../../../server/config.js';
import { readBundleFolder } from '../../../../server/files/read-bundle.js';
import { NotFoundError } from '../../../../server/errors.js';
import { tinySurvey } from './tiny.js';

describe('computeSensitivity on the tiny survey', () => {
  const result = computeSensitivity(tinySurvey(), { wave: 'w1' });
  const row = (key: string) => result.metrics.find((m) => m.key === key)!;

  it('counts respondents', () => {
    expect(result.respondents).toEqual({ total: 4, responded: 3, nonRespondents: 1, inferred: 0 });
    expect(result.treatments).toEqual([...NON_RESPONSE_TREATMENTS]);
    expect(result).toMatchObject({ wave: 'w1', mode: 'undirected', dataset: { synthetic: true } });
  });

  it('gives each treatment its density and the change against as-reported', () => {
    const density = row('density').values;
    expect(density['as-reported']).toEqual({ value: 4 / 6, change: 0, relativeChange: 0 });
    expect(density.union.value).toBeCloseTo(4 / 6, 12);
    expect(density.reciprocated.value).toBeCloseTo(2 / 6, 12);
    expect(density.reciprocated.change).toBeCloseTo(-2 / 6, 12);
    expect(density.reciprocated.relativeChange).toBeCloseTo(-0.5, 12);
    // Three respondents, all three pairs tied.
    expect(density['drop-non-respondents'].value).toBe(1);
    expect(density['drop-non-respondents'].relativeChange).toBeCloseTo(0.5, 12);
    expect(row('density').largestRelativeChange).toBeCloseTo(0.5, 12);
    expect(row('nodes').values['drop-non-respondents']).toEqual({
      value: 3,
      change: -1,
      relativeChange: -0.25,
    });
  });

  it('leaves relative change undefined where as-reported is 0', () => {
    // No isolate as reported; reciprocated isolates c.
    expect(row('isolates').values.reciprocated).toEqual({ value: 1, change: 1, relativeChange: null });
  });

  it('lists the registry network outputs of the mode, numbers only', () => {
    const keys = result.metrics.map((m) => m.key);
    expect(keys).not.toContain('eigenvectorConverged');
    expect(keys).toContain('eiIndex');
    const registryOrder = metricOutputs('network').map((o) => o.key);
    expect(keys).toEqual(registryOrder.filter((key) => keys.includes(key)));
    expect(row('density').label).toEqual({ en: 'Density', tr: 'Yoğunluk' });
    const directed = computeSensitivity(tinySurvey(), { wave: 'w1', mode: 'directed' });
    expect(directed.metrics.find((m) => m.key === 'reciprocity')!.values.union.value).toBe(1);
  });

  it('rejects an unknown wave', () => {
    expect(() => computeSensitivity(tinySurvey(), { wave: 'x' })).toThrow(NotFoundError);
  });
});

describe('computeSensitivity on the demo', async () => {
  const demo = await readBundleFolder(path.join(PROJECT_ROOT, 'data', 'demo'));
  const result = computeSensitivity(demo, { wave: 'pre' });

  it('equals analyseWave of each treated dataset', () => {
    for (const treatment of NON_RESPONSE_TREATMENTS) {
      const network = analyseWave(applyTreatment(demo, 'pre', treatment), { wave: 'pre' }).network as never;
      for (const row of result.metrics) expect(row.values[treatment].value).toBe(network[row.key]);
    }
  });

  it('shows union unchanged in undirected mode and 52 organizations fewer when dropping', () => {
    expect(result.respondents).toMatchObject({ total: 172, responded: 120, nonRespondents: 52 });
    for (const row of result.metrics) expect(row.values.union.change).toBe(0);
    const nodes = result.metrics.find((m) => m.key === 'nodes')!;
    expect(nodes.values['drop-non-respondents'].value).toBe(120);
  });
});
