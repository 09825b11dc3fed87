/**
 * The per-wave metrics stored in Neo4j so they can be queried in Cypher (Neo4j Browser, Bloom):
 * each organization gets `<metric>_<wave>` properties (e.g. `betweenness_post`, `brokerageRole_pre`)
 * and each wave its network metrics (`density`, `modularity`, …). Undirected, binary — the defaults
 * of `kopru metrics` — so the stored numbers equal what the CLI and the API print by default.
 */
import type { Dataset } from '../types.js';
import { analyseWave } from './index.js';

export interface MetricsWriteBack {
  organizations: { id: string; props: Record<string, number | string | null> }[];
  waves: { id: string; props: Record<string, number | boolean | null> }[];
}

export function metricsWriteBack(dataset: Dataset): MetricsWriteBack {
  const byOrganization = new Map<string, Record<string, number | string | null>>(
    dataset.organizations.map((o) => [o.id, {}]),
  );
  const waves: MetricsWriteBack['waves'] = [];
  for (const wave of dataset.waves) {
    const result = analyseWave(dataset, { wave: wave.id });
    waves.push({ id: wave.id, props: { ...result.network } });
    for (const node of result.nodes) {
      const props = byOrganization.get(node.id);
      if (!props) continue;
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'id') props[`${key}_${wave.id}`] = value as number | string | null;
      }
    }
  }
  return { organizations: [...byOrganization].map(([id, props]) => ({ id, props })), waves };
}
