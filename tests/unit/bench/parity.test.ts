/**
 * The bench's parity check (bench/parity.ts) on a small graph against committed python-igraph values
 * (tests/fixtures/reference/bench-parity/igraph-values.json; commands in
 * tests/fixtures/reference/scripts/write-parity-graph.ts): every measure agrees, and a value off by
 * a little, on either side, is reported as differing, so the comparison cannot pass everything.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareWithIgraph, EQUAL, type IgraphValues, type ParityRow } from '../../../bench/parity.js';
import { toGraph } from '../../../bench/graphs/generate.js';
import {
  approximateBetweenness,
  computeWaveMetrics,
  createMetricContext,
  type WaveMetrics,
} from '../../../server/domain/metrics/index.js';
import { parityGraph } from './parity-graph.js';

const DIR = fileURLToPath(new URL('../../fixtures/reference/bench-parity/', import.meta.url));
const reference = JSON.parse(readFileSync(`${DIR}igraph-values.json`, 'utf8')) as IgraphValues;
const fixtureEdges = readFileSync(`${DIR}edges.csv`, 'utf8').trim().split('\n').slice(1);

const list = parityGraph();
const context = createMetricContext(toGraph(list));
const metrics = computeWaveMetrics(context, { wave: '1', mode: 'undirected', betweenness: 'exact' });

function check(ours: WaveMetrics = metrics, ref: IgraphValues = reference): Map<string, ParityRow> {
  return new Map(compareWithIgraph(ours, ref, context).map((row) => [row.measure, row]));
}
const copy = <T>(value: T): T => structuredClone(value);

describe('bench parity check against python-igraph', () => {
  it('reads the graph the fixture was made from', () => {
    expect(fixtureEdges).toHaveLength(list.sources.length);
    fixtureEdges.forEach((line, e) => expect(line).toBe(`${list.sources[e]},${list.targets[e]},1`));
    expect(reference.n).toBe(124);
    expect(reference.components).toBe(4);
    // igraph's closeness of an isolate is NaN (null), of a pair's node 1 over reachable nodes.
    expect(reference.closeness.slice(120)).toEqual([null, null, 1, 1]);
  });

  it('finds every measure equal, or within its bound, with the conversions it documents', () => {
    const rows = check();
    expect([...rows.keys()]).toEqual([
      'degree',
      'betweenness',
      'closeness',
      'harmonic closeness',
      'eigenvector (default, NetworkX stopping rule)',
      'eigenvector (tolerance 1e-14)',
      'pagerank (default, tolerance 1e-10)',
      'pagerank (tolerance 1e-15)',
      'local clustering',
      'k-core',
      'density',
      'transitivity',
      'average clustering',
      'components',
      'largest component',
      'diameter',
      'average path length',
      "modularity of igraph's partition",
      'Louvain modularity',
    ]);
    for (const row of rows.values()) expect(row.verdict, row.measure).not.toBe('differs');
    for (const row of rows.values())
      if (row.verdict === 'equal (≤1e-9)') expect(row.difference, row.measure).toBeLessThanOrEqual(EQUAL);
    // Wasserman–Faust closeness from igraph's: 0 for the isolates, 1 × 1/(n − 1) for the pair.
    expect(metrics.nodes.find((v) => v.id === '120')!.closeness).toBe(0);
    expect(metrics.nodes.find((v) => v.id === '122')!.closeness).toBeCloseTo(1 / 123, 15);
  });

  it('reports a value off by a little on either side as differing', () => {
    const verdict = (ours: WaveMetrics, ref: IgraphValues, measure: string) =>
      check(ours, ref).get(measure)!.verdict;
    const shifted = (change: (ours: WaveMetrics) => void): WaveMetrics => {
      const ours = copy(metrics);
      change(ours);
      return ours;
    };
    const node = (ours: WaveMetrics, id: string) => ours.nodes.find((v) => v.id === id)!;
    expect(
      verdict(
        shifted((o) => (node(o, '7').betweenness += 1e-6)),
        reference,
        'betweenness',
      ),
    ).toBe('differs');
    expect(
      verdict(
        shifted((o) => (node(o, '7').closeness += 1e-7)),
        reference,
        'closeness',
      ),
    ).toBe('differs');
    expect(
      verdict(
        shifted((o) => (node(o, '7').clustering = Number.NaN)),
        reference,
        'local clustering',
      ),
    ).toBe('differs');
    expect(
      verdict(
        shifted((o) => (node(o, '7').kCore += 1)),
        reference,
        'k-core',
      ),
    ).toBe('differs');
    expect(
      verdict(
        shifted((o) => (o.network.diameter += 1)),
        reference,
        'diameter',
      ),
    ).toBe('differs');
    expect(
      verdict(
        shifted((o) => (node(o, '7').pagerank *= 1.01)),
        reference,
        'pagerank (default, tolerance 1e-10)',
      ),
    ).toBe('differs');

    const ref = copy(reference);
    ref.betweenness[7]! += 1; // one more raw shortest path through node 7
    ref.components += 1;
    ref.louvainModularity += 0.05;
    ref.eigenvector[7]! *= 1.001;
    ref.harmonic[7]! += 1e-8;
    const rows = check(metrics, ref);
    for (const measure of [
      'betweenness',
      'components',
      'Louvain modularity',
      "modularity of igraph's partition",
      'eigenvector (tolerance 1e-14)',
      'harmonic closeness',
    ])
      expect(rows.get(measure)!.verdict, measure).toBe('differs');
    expect(rows.get('degree')!.verdict).toBe('equal (≤1e-9)');

    // Not the same graph: one row saying so, nothing else compared.
    const other = copy(reference);
    other.m -= 1;
    expect(compareWithIgraph(metrics, other, context).map((row) => row.verdict)).toEqual(['differs']);
  });

  it('checks sampled betweenness against igraph exact within ε·n/(n−2), and catches one outside it', () => {
    const estimate = approximateBetweenness(context, { epsilon: 0.2, delta: 0.1, seed: 42 })!;
    const values = Object.fromEntries(context.ids.map((id, i) => [id, estimate.values[i]!]));
    const sampled = { values, errorBound: estimate.info.errorBound, label: 'sampled' };
    const row = (s: typeof sampled) =>
      compareWithIgraph(metrics, reference, context, s).find((r) => r.measure === 'betweenness (sampled)')!;
    expect(estimate.info.errorBound).toBeCloseTo((0.2 * 124) / 122, 12);
    expect(row(sampled).verdict).toBe('within bound');
    expect(row(sampled).difference).toBeGreaterThan(0);
    expect(
      row({ ...sampled, values: { ...values, '7': values['7']! + 2 * sampled.errorBound } }).verdict,
    ).toBe('differs');
  });
});
