/**
 * Scale benchmark (issue: scale): seeded SBM and Barabási–Albert graphs of 1 000, 10 000 and 50 000
 * nodes with 5 ties per node (bench/graphs/generate.ts), the full metric suite and a compare with
 * 1 000 permutations, medians over several runs; and, when /usr/bin/python3 has igraph, the same
 * measures with python-igraph on the same edge lists in the same run, with the ratio Köprü/igraph.
 * Then the whole `kopru metrics` process against a python-igraph process doing the same measures.
 * Last, parity: igraph's values on the same graph (igraph_suite.py --values, written by the first
 * igraph run, outside its timed section) against Köprü's full suite, measure by measure (parity.ts);
 * below 20 000 nodes also a sampled betweenness against igraph's exact one, within its error bound.
 * `parityOnly` skips every timing: one igraph --values run and one Köprü full suite per graph, then the
 * parity table (the cheap way to check parity at 50 000 nodes, where a timed run takes hours).
 * Never fails: a missing igraph or dist/ build is reported and skipped, a differing value printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../server/config.js';
import { analyseChangeAsync } from '../server/domain/analysis/index.js';
import { computeBrokerage } from '../server/domain/brokerage/gould-fernandez.js';
import {
  approximateBetweenness,
  computeAverageClustering,
  computeClustering,
  computeCommunities,
  computeComponents,
  computeDegree,
  computeDensity,
  computeEigenvector,
  computeKCore,
  computePageRank,
  computePathLength,
  computeTransitivity,
  computeWaveMetricsAsync,
  createMetricContext,
  parallelShortestPathSweep,
  PARALLEL_MIN_NODES,
  sampledDistances,
} from '../server/domain/metrics/index.js';
import {
  riondatoKornaropoulosSamples,
  vertexDiameterBound,
} from '../server/domain/metrics/approximate-betweenness.js';
import { shortestPathSweep } from '../server/domain/metrics/shortest-paths.js';
import type { WaveMetrics } from '../server/domain/metrics/index.js';
import { readSource } from '../server/files/read-source.js';
import { generateGraph, perturb, toGraph, toRosterCsv, type GraphKind } from './graphs/generate.js';
import {
  compareWithIgraph,
  formatParity,
  type IgraphValues,
  type ParityRow,
  type SampledBetweenness,
} from './parity.js';

const PYTHON = '/usr/bin/python3';
const IGRAPH_SCRIPT = path.join(PROJECT_ROOT, 'bench', 'igraph_suite.py');
const CLI_DIST = path.join(PROJECT_ROOT, 'dist', 'server', 'cli', 'main.js');

export interface ScaleOptions {
  sizes: number[];
  kinds: GraphKind[];
  /** Exact betweenness on 50 000 nodes too (minutes); default: sampled there, as `auto` does. */
  exactLarge: boolean;
  /** Runs per size; default 5 at 1 000 nodes, 3 at 10 000, 1 above. */
  runs?: number;
  /** Parity only: no timings, one igraph --values run and one Köprü full suite per graph. */
  parityOnly?: boolean;
  /**
   * With `parityOnly`: use the igraph-values.json already in the graph's folder instead of running
   * igraph again (its n and m are checked against the graph; the graphs are seeded, so the same).
   */
  reuseIgraphValues?: boolean;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function runsFor(n: number): number {
  return n <= 1000 ? 5 : n <= 10_000 ? 3 : 1;
}

function igraphAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import igraph'], { stdio: 'ignore' }).status === 0;
}

async function timeAsync(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Köprü's measures grouped as igraph_suite.py groups them, on a fresh context each time. */
async function koprüGroups(
  graph: ReturnType<typeof toGraph>,
  exact: boolean,
): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  const start = performance.now();
  const context = createMetricContext(graph);
  const timed = async (name: string, run: () => unknown) => (times[name] = await timeAsync(run));
  await timed('degree, density', () => (computeDegree(context), computeDensity(context)));
  await timed('components', () => computeComponents(context));
  await timed('shortest paths', async () => {
    if (!exact) {
      // As computeWaveMetrics does in approximate mode: sampled pairs and sampled sources, no sweep.
      approximateBetweenness(context, { seed: 42 });
      sampledDistances(context, { seed: 42 });
      return;
    }
    // As computeWaveMetricsAsync does: worker threads from PARALLEL_MIN_NODES up.
    if (context.n >= PARALLEL_MIN_NODES) await parallelShortestPathSweep(context, false, {}, exact);
    else shortestPathSweep(context, false, exact);
    computePathLength(context);
  });
  await timed('eigenvector', () => computeEigenvector(context));
  await timed('pagerank', () => computePageRank(context));
  await timed('clustering, transitivity', () => {
    computeClustering(context);
    computeTransitivity(context);
    computeAverageClustering(context);
  });
  await timed('k-core', () => computeKCore(context));
  await timed('communities (Louvain)', () => computeCommunities(context, { seed: 42 }));
  await timed('brokerage (no igraph equivalent)', () => computeBrokerage(context, { groupBy: 'kind' }));
  times['total'] = performance.now() - start;
  return times;
}

/** igraph's timings; with `values`, its values too, written to that file after the timed part. */
function igraphGroups(folder: string, values?: string): Record<string, number> | undefined {
  const result = spawnSync(PYTHON, [IGRAPH_SCRIPT, folder, ...(values ? ['--values', values] : [])], {
    encoding: 'utf8',
  });
  if (result.status !== 0) return undefined;
  return JSON.parse(result.stdout) as Record<string, number>;
}

function processTime(command: string, args: string[]): number | undefined {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  return result.status === 0 ? performance.now() - start : undefined;
}

function load(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
}

const fmt = (ms: number | undefined): string => (ms === undefined ? '–' : ms.toFixed(0));

export async function benchScale(options: ScaleOptions): Promise<void> {
  const withIgraph = igraphAvailable();
  const withDist = existsSync(CLI_DIST);
  console.log(
    options.parityOnly
      ? '\nScale: parity with igraph only (one run of each, no timings)'
      : `\nScale: full metric suite, compare with 1 000 permutations; medians (runs: ${options.runs ?? '5 at 1 000 nodes, 3 at 10 000, 1 at 50 000'})`,
  );
  if (!withIgraph) console.log('igraph not available (Debian: apt-get install python3-igraph): no ratios.');
  if (!withDist && !options.parityOnly)
    console.log('dist/ not built (npm run build:server): no whole-process comparison.');
  const folderRoot = path.join(os.tmpdir(), 'kopru-bench-graphs');
  const summary: string[] = [];
  const header = `${'graph'.padEnd(10)}  ${'measure'.padEnd(34)}  ${'Köprü ms'.padStart(9)}  ${'igraph ms'.padStart(9)}  ${'ratio'.padStart(6)}`;
  for (const kind of options.kinds) {
    for (const n of options.sizes) {
      const list = generateGraph(kind, n);
      const folder = path.join(folderRoot, list.name);
      mkdirSync(folder, { recursive: true });
      const csv = toRosterCsv(list, perturb(list));
      writeFileSync(path.join(folder, 'nodes.csv'), csv.nodes);
      writeFileSync(path.join(folder, 'edges.csv'), csv.edges);
      const graph = toGraph(list);
      const exact = n < 20_000 || options.exactLarge;
      if (options.parityOnly) {
        await parityOnly(list.name, folder, graph, exact, withIgraph, options.reuseIgraphValues, summary);
        continue;
      }
      const runs = options.runs ?? runsFor(n);
      console.log(
        `\n${list.name}: ${n} nodes, ${list.sources.length} ties, ${exact ? 'exact' : 'approximate: betweenness ε 0.01, distances ε 0.05, δ 0.1'}; load average ${load()}`,
      );
      console.log(header);

      const ours: Record<string, number[]> = {};
      const theirs: Record<string, number[]> = {};
      const valuesFile = path.join(folder, 'igraph-values.json');
      rmSync(valuesFile, { force: true });
      for (let r = 0; r < runs; r++) {
        for (const [key, ms] of Object.entries(await koprüGroups(graph, exact))) (ours[key] ??= []).push(ms);
        if (withIgraph) {
          const times = igraphGroups(folder, r === 0 ? valuesFile : undefined);
          if (times) for (const [key, ms] of Object.entries(times)) (theirs[key] ??= []).push(ms);
        }
      }
      const suite: number[] = [];
      let metrics: WaveMetrics | undefined;
      for (let r = 0; r < runs; r++) {
        suite.push(
          await timeAsync(
            async () =>
              (metrics = await computeWaveMetricsAsync(graph, {
                wave: '1',
                mode: 'undirected',
                betweenness: exact ? 'exact' : 'approximate',
              })),
          ),
        );
      }
      const rows: [string, number | undefined, number | undefined][] = Object.keys(ours).map((key) => [
        key === 'total' ? 'sum of the measures above' : key,
        median(ours[key]!),
        theirs[key] ? median(theirs[key]) : undefined,
      ]);
      rows.push(['full suite (computeWaveMetrics, all keys)', median(suite), undefined]);

      const { dataset } = await readSource(folder, PROJECT_ROOT);
      const compare: number[] = [];
      for (let r = 0; r < Math.min(runs, 2); r++) {
        compare.push(
          await timeAsync(() =>
            analyseChangeAsync(dataset, {
              from: '1',
              to: '2',
              permutations: 1000,
              betweenness: exact ? 'exact' : 'approximate',
            }),
          ),
        );
      }
      rows.push(['compare 1→2, 1 000 permutations', median(compare), undefined]);

      if (withDist) {
        const cli: number[] = [];
        const py: number[] = [];
        for (let r = 0; r < runs; r++) {
          const ms = processTime(process.execPath, [
            CLI_DIST,
            'metrics',
            folder,
            '--wave',
            '1',
            '--format',
            'json',
            ...(exact ? ['--exact'] : []),
          ]);
          if (ms !== undefined) cli.push(ms);
          if (withIgraph) {
            const pyMs = processTime(PYTHON, [IGRAPH_SCRIPT, folder]);
            if (pyMs !== undefined) py.push(pyMs);
          }
        }
        rows.push([
          'whole process: kopru metrics vs python',
          cli.length ? median(cli) : undefined,
          py.length ? median(py) : undefined,
        ]);
      }
      for (const [name, k, i] of rows) {
        const ratio = k !== undefined && i !== undefined && i > 0 ? (k / i).toFixed(2) : '';
        console.log(
          `${list.name.padEnd(10)}  ${name.padEnd(34)}  ${fmt(k).padStart(9)}  ${fmt(i).padStart(9)}  ${ratio.padStart(6)}`,
        );
      }
      if (metrics) reportParity(list.name, graph, metrics, valuesFile, withIgraph, summary);
    }
  }
  if (summary.length) console.log(`\nParity with igraph: ${summary.join('; ')}.`);
}

/**
 * `--parity-only`: igraph's values (one igraph_suite.py --values run, or the file already there with
 * `reuse`), one Köprü full suite, then the parity table. The two wall times are
 * printed for orientation only (one run each, on whatever load the machine has).
 */
async function parityOnly(
  name: string,
  folder: string,
  graph: ReturnType<typeof toGraph>,
  exact: boolean,
  withIgraph: boolean,
  reuse: boolean | undefined,
  summary: string[],
): Promise<void> {
  const valuesFile = path.join(folder, 'igraph-values.json');
  console.log(`\n${name}: parity only, ${exact ? 'exact' : 'approximate'}; load average ${load()}`);
  if (reuse && existsSync(valuesFile)) {
    console.log(`  igraph values: reused ${valuesFile}`);
  } else {
    rmSync(valuesFile, { force: true });
    if (withIgraph) {
      const start = performance.now();
      igraphGroups(folder, valuesFile);
      console.log(`  igraph --values run: ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  }
  const start = performance.now();
  const metrics = await computeWaveMetricsAsync(graph, {
    wave: '1',
    mode: 'undirected',
    betweenness: exact ? 'exact' : 'approximate',
  });
  console.log(`  Köprü full suite: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  reportParity(name, graph, metrics, valuesFile, withIgraph, summary);
}

/** Prints the parity table of one graph and adds its one-line verdict to `summary`. */
function reportParity(
  name: string,
  graph: ReturnType<typeof toGraph>,
  metrics: WaveMetrics,
  valuesFile: string,
  withIgraph: boolean,
  summary: string[],
): void {
  if (!existsSync(valuesFile)) {
    if (withIgraph) console.log(`\n${name}: no igraph values (the igraph run failed): no parity check.`);
    return;
  }
  const rows = parity(graph, metrics, JSON.parse(readFileSync(valuesFile, 'utf8')) as IgraphValues);
  const differing = rows.filter((row) => row.verdict === 'differs');
  summary.push(`${name}: ${rows.length - differing.length} of ${rows.length} rows agree`);
  console.log(`\n${name}: parity with igraph (max |Köprü − igraph| / max |igraph| unless stated)`);
  console.log(formatParity(rows, '  ').join('\n'));
  if (differing.length) console.log(`  DIFFERS: ${differing.map((row) => row.measure).join(', ')}`);
}

/**
 * Parity rows of one graph: the full suite's values against igraph's, plus, where the suite computed
 * betweenness exactly, a sampled estimate checked against igraph's exact values within its bound. ε is
 * the smallest of 0.01, 0.02, 0.05, 0.1 for which sampling takes fewer searches than the n of the
 * exact sweep (at 1 000 and 10 000 nodes ε 0.01 would fall back to the exact sweep).
 */
function parity(graph: ReturnType<typeof toGraph>, metrics: WaveMetrics, values: IgraphValues): ParityRow[] {
  const context = createMetricContext(graph);
  let sampled: SampledBetweenness | undefined;
  if (!metrics.approximate) {
    const bound = vertexDiameterBound(context, false);
    const epsilon = [0.01, 0.02, 0.05, 0.1].find(
      (e) => riondatoKornaropoulosSamples(bound, e, 0.1) < context.n,
    );
    const estimate = epsilon ? approximateBetweenness(context, { epsilon, delta: 0.1, seed: 42 }) : undefined;
    if (estimate) {
      sampled = {
        values: Object.fromEntries(context.ids.map((id, i) => [id, estimate.values[i]!])),
        errorBound: estimate.info.errorBound,
        label: `sampled, ε ${epsilon}, δ 0.1, ${estimate.info.samples} samples`,
      };
    }
  }
  return compareWithIgraph(metrics, values, context, sampled);
}
