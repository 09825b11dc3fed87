/**
 * Reads one wave's graph out of Neo4j as a stream: organizations and the wave's ties arrive record
 * by record (the driver pulls them in pages of `fetchSize` and pauses when we are busy) and go
 * straight into the graphology graph, so no array of a million ties is ever built. The graph is
 * the one `buildWaveGraph` (server/domain/graph/build-wave-graph.ts) builds from the whole
 * dataset, node for node and edge for edge in the same order, in every analysis mode.
 */
import Graph from 'graphology';
import type { Driver } from 'neo4j-driver';
import {
  assertWave,
  nodeAttributes,
  tieKey,
  type EdgeAttributes,
  type NodeAttributes,
  type WaveGraph,
} from '../domain/graph/build-wave-graph.js';
import type { AnalysisMode } from '../domain/types.js';
import { cypher } from './cypher.js';
import { withNeo4jErrors } from './errors.js';
import { toOrganization, toWave } from './mappers.js';

export interface ReadWaveOptions {
  mode?: AnalysisMode;
  /** Records per page pulled from the server; default 10 000. */
  fetchSize?: number;
  /** Called every `fetchSize` ties with the count so far. */
  onProgress?: (ties: number) => void;
}

/**
 * The graph of wave `waveId` as stored in `database`.
 * @throws NotFoundError when the wave does not exist.
 */
export async function readWaveGraph(
  driver: Driver,
  database: string,
  waveId: string,
  options: ReadWaveOptions = {},
): Promise<WaveGraph> {
  const mode = options.mode ?? 'undirected';
  const fetchSize = options.fetchSize ?? 10_000;
  return withNeo4jErrors(async () => {
    const session = driver.session({ database, defaultAccessMode: 'READ', fetchSize });
    try {
      return await session.executeRead(async (tx) => {
        const waves = [];
        for await (const record of tx.run(cypher('waves/list-all'))) waves.push(toWave(record.toObject()));
        assertWave({ waves }, waveId);

        const directed = mode === 'directed';
        const graph: WaveGraph = new Graph<NodeAttributes, EdgeAttributes>({
          type: directed ? 'directed' : 'undirected',
          multi: false,
          allowSelfLoops: false,
        });
        for await (const record of tx.run(cypher('organizations/list-all'))) {
          const organization = toOrganization(record.toObject());
          graph.addNode(organization.id, nodeAttributes(organization));
        }

        let ties = 0;
        for await (const record of tx.run(cypher('ties/list-wave'), { wave: waveId })) {
          const source = String(record.get('source'));
          const target = String(record.get('target'));
          const level = Number(record.get('level'));
          ties += 1;
          if (options.onProgress && ties % fetchSize === 0) options.onProgress(ties);
          if (source === target) continue;
          const key = tieKey(source, target, directed);
          if (graph.hasEdge(key)) {
            // Undirected: the other side reported the same pair.
            graph.updateEdgeAttributes(key, (attributes) => ({
              level: Math.max(attributes.level, level),
              reciprocated: true,
            }));
            continue;
          }
          const reverse = directed ? tieKey(target, source, true) : undefined;
          const reciprocated = reverse !== undefined && graph.hasEdge(reverse);
          if (reverse !== undefined && reciprocated) graph.setEdgeAttribute(reverse, 'reciprocated', true);
          graph.addEdgeWithKey(key, source, target, { level, reciprocated });
        }
        if (mode === 'reciprocated') {
          graph
            .filterEdges((_key, attributes) => !attributes.reciprocated)
            .forEach((key) => graph.dropEdge(key));
        }
        return graph;
      });
    } finally {
      await session.close();
    }
  });
}
