/**
 * Benchmark cases for `npm run bench` (bench/ is wired by the lead): the full wave metrics of the
 * 172-organization reference wave in each mode, binary and weighted. Each `run` is one complete
 * `computeWaveMetrics` call, CSR construction included; `prepare` is done once, outside the timing.
 *
 *   import { metricsBenchCases } from '../tests/unit/domain/metrics/bench-cases.js';
 *   for (const { name, run } of metricsBenchCases()) time(name, run);
 */
import { computeWaveMetrics } from '../../../../server/domain/metrics/index.js';
import { fixtureGraph, fixtureMode, loadFixture } from './reference.js';

export interface MetricsBenchCase {
  name: string;
  /** Nodes and ties of the graph, for the report. */
  nodes: number;
  edges: number;
  run: () => void;
}

export function metricsBenchCases(): MetricsBenchCase[] {
  return ['survey-172-undirected', 'survey-172-directed', 'survey-172-reciprocated'].flatMap((name) => {
    const fixture = loadFixture(name);
    const graph = fixtureGraph(fixture);
    const mode = fixtureMode(fixture);
    return [false, true].map((weighted) => ({
      name: `metrics ${mode}${weighted ? ' weighted' : ''} (${graph.order} nodes, ${graph.size} ties)`,
      nodes: graph.order,
      edges: graph.size,
      run: () => {
        computeWaveMetrics(graph, { wave: 'bench', mode, weighted });
      },
    }));
  });
}
