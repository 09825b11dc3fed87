/** The graph of the bench parity test and its fixture (see write-parity-graph.ts). */
import { stochasticBlockModel, type EdgeList } from '../../../bench/graphs/generate.js';

export function parityGraph(): EdgeList {
  const sbm = stochasticBlockModel(120, 7);
  const n = 124;
  const groups = new Int32Array(n);
  groups.set(sbm.groups);
  return {
    ...sbm,
    name: 'parity-124',
    n,
    sources: Int32Array.from([...sbm.sources, 122]),
    targets: Int32Array.from([...sbm.targets, 123]),
    groups,
  };
}
