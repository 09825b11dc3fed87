/**
 * Non-response treatments on the hand-checkable survey of tiny.ts (expected arcs worked out by hand in
 * its docblock), and on the demo bundle: invariants that hold whatever the data.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseWave } from '../../../../server/domain/analysis/index.js';
import { buildWaveGraph } from '../../../../server/domain/graph/build-wave-graph.js';
import {
  applyTreatment,
  NON_RESPONSE_TREATMENTS,
  respondentsOf,
} from '../../../../server/domain/survey/index.js';
import { PROJECT_ROOT } from '../../../../server/config.js';
import { readBundleFolder } from '../../../../server/files/read-bundle.js';
import { NotFoundError, ValidationError } from '../../../../server/errors.js';
import { arcs, tie, tinySurvey } from './tiny.js';

describe('respondentsOf', () => {
  it('takes the recorded status', () => {
    const split = respondentsOf(tinySurvey(), 'w1');
    expect([...split.respondents].sort()).toEqual(['a', 'b', 'c']);
    expect([...split.nonRespondents]).toEqual(['d']);
    expect(split).toMatchObject({ inferred: [], recorded: true });
  });

  it('infers a missing status from the ties an organization reported', () => {
    // No responses at all: a, b, c reported ties in w1 and count as respondents; d did not.
    const split = respondentsOf(tinySurvey({ responses: [] }), 'w1');
    expect([...split.respondents].sort()).toEqual(['a', 'b', 'c']);
    expect([...split.nonRespondents]).toEqual(['d']);
    expect(split).toMatchObject({ inferred: ['a', 'b', 'c', 'd'], recorded: false });
  });

  it('lets an explicit "missing" win over reported ties', () => {
    const split = respondentsOf(tinySurvey({ responses: [['b', 'w1', 'missing']] }), 'w1');
    expect(split.nonRespondents.has('b')).toBe(true);
    expect(split.inferred).toEqual(['a', 'c', 'd']);
  });

  it('rejects an unknown wave', () => {
    expect(() => respondentsOf(tinySurvey(), 'nope')).toThrow(NotFoundError);
  });
});

describe('applyTreatment on the tiny survey', () => {
  it('as-reported returns the dataset itself', () => {
    const dataset = tinySurvey();
    expect(applyTreatment(dataset, 'w1', 'as-reported')).toBe(dataset);
  });

  it('union makes every reported tie mutual at the higher level', () => {
    const treated = applyTreatment(tinySurvey(), 'w1', 'union');
    expect(arcs(treated)).toEqual(['a>b:3', 'a>c:1', 'b>a:3', 'b>c:1', 'b>d:2', 'c>a:1', 'c>b:1', 'd>b:2']);
    // Other waves are untouched.
    expect(arcs(treated, 'w2')).toEqual(['a>b:1', 'c>d:1']);
  });

  it('union equals as-reported in undirected mode and symmetrizes in directed mode', () => {
    const dataset = tinySurvey();
    const union = applyTreatment(dataset, 'w1', 'union');
    const undirected = analyseWave(dataset, { wave: 'w1' });
    expect(analyseWave(union, { wave: 'w1' }).network).toEqual(undirected.network);
    const directedReported = analyseWave(dataset, { wave: 'w1', mode: 'directed' }).network;
    const directedUnion = analyseWave(union, { wave: 'w1', mode: 'directed' }).network;
    // 5 arcs, 2 of them mutual (a↔b): NetworkX overall_reciprocity = 2/5.
    expect(directedReported).toMatchObject({ edges: 5, reciprocity: 0.4 });
    expect(directedReported.density).toBeCloseTo(5 / 12, 12);
    expect(directedUnion).toMatchObject({ edges: 8, reciprocity: 1 });
    // 8 arcs of 12 = the undirected density 4 of 6.
    expect(directedUnion.density).toBeCloseTo(undirected.network.density, 12);
  });

  it('reciprocated keeps confirmed ties and ties to non-respondents', () => {
    const treated = applyTreatment(tinySurvey(), 'w1', 'reciprocated');
    expect(arcs(treated)).toEqual(['a>b:2', 'b>a:3', 'b>d:2']);
    const graph = buildWaveGraph(treated, 'w1');
    expect(graph.size).toBe(2);
    expect(graph.degree('c')).toBe(0);
    // The analysis mode `reciprocated` is stricter: it also drops b–d, which d could not confirm.
    expect(buildWaveGraph(tinySurvey(), 'w1', 'reciprocated').size).toBe(1);
  });

  it('drop-non-respondents removes the organization, its ties, attendance and responses', () => {
    const dataset = tinySurvey();
    const treated = applyTreatment(dataset, 'w1', 'drop-non-respondents');
    expect(treated.organizations.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(arcs(treated)).toEqual(['a>b:2', 'a>c:1', 'b>a:3', 'c>b:1']);
    expect(arcs(treated, 'w2')).toEqual(['a>b:1']);
    expect(treated.attendance).toEqual([]);
    expect(treated.responses.some((r) => r.organization === 'd')).toBe(false);
    const network = analyseWave(treated, { wave: 'w1' }).network;
    expect(network).toMatchObject({ nodes: 3, edges: 3, density: 1, transitivity: 1 });
  });

  it('treats several waves at once: the panel that answered every time', () => {
    const treated = applyTreatment(tinySurvey(), ['w1', 'w2'], 'drop-non-respondents');
    expect(treated.organizations.map((o) => o.id)).toEqual(['a', 'c']);
    const both = applyTreatment(tinySurvey(), ['w1', 'w2'], 'union');
    expect(arcs(both, 'w2')).toEqual(['a>b:1', 'b>a:1', 'c>d:1', 'd>c:1']);
  });

  it('keeps the highest level of duplicate reports and ignores self-ties', () => {
    const dataset = tinySurvey({ ties: [tie('a', 'b', 1), tie('a', 'b', 4), tie('b', 'b', 2)] });
    expect(arcs(applyTreatment(dataset, 'w1', 'union'))).toEqual(['a>b:4', 'b>a:4']);
  });

  it('does not modify its input', () => {
    const dataset = tinySurvey();
    const before = structuredClone(dataset);
    for (const treatment of NON_RESPONSE_TREATMENTS) applyTreatment(dataset, ['w1', 'w2'], treatment);
    expect(dataset).toEqual(before);
  });

  it('rejects an unknown treatment or wave', () => {
    expect(() => applyTreatment(tinySurvey(), 'w1', 'impute' as never)).toThrow(ValidationError);
    expect(() => applyTreatment(tinySurvey(), 'w9', 'union')).toThrow(NotFoundError);
  });
});

describe('applyTreatment on the demo', async () => {
  const demo = await readBundleFolder(path.join(PROJECT_ROOT, 'data', 'demo'));

  it('drops the 52 non-respondents of a wave', () => {
    const treated = applyTreatment(demo, 'post', 'drop-non-respondents');
    expect(treated.organizations).toHaveLength(120);
    const kept = new Set(treated.organizations.map((o) => o.id));
    expect(treated.ties.every((t) => kept.has(t.source) && kept.has(t.target))).toBe(true);
  });

  it('never adds a pair with reciprocated, never removes one with union', () => {
    const pairs = (dataset: typeof demo) => buildWaveGraph(dataset, 'post').size;
    const reported = pairs(demo);
    expect(pairs(applyTreatment(demo, 'post', 'reciprocated'))).toBeLessThanOrEqual(reported);
    expect(pairs(applyTreatment(demo, 'post', 'union'))).toBe(reported);
    // Looser than the strict analysis mode, which also drops ties to non-respondents.
    expect(pairs(applyTreatment(demo, 'post', 'reciprocated'))).toBeGreaterThanOrEqual(
      buildWaveGraph(demo, 'post', 'reciprocated').size,
    );
  });
});
