/**
 * Builds the RenderModel (what the reducers read) from the stores: colours by the chosen colouring,
 * sizes by the chosen metric on one scale across waves (a node's growth from pre to post is visible),
 * filter results, and the neighbourhood emphasised by hover, selection or a suggested pair.
 */
import type { DataState, Network } from '../core/data';
import type { Filters } from '../core/filters';
import { neighboursIn } from '../core/network';
import {
  communityOf,
  currentMetrics,
  isolatedIds,
  maxValue,
  nodeValues,
  passingIds,
  sizesFrom,
} from '../core/selectors';
import type { ViewState } from '../core/view';
import { colorNodes, type NodeColoring } from './colors';
import type { RenderModel } from './reducers';

export interface ModelInputs {
  data: DataState;
  network: Network;
  view: ViewState;
  filters: Filters;
  hovered: string | null;
}

export interface BuiltModel {
  model: RenderModel;
  coloring: NodeColoring;
  /** Largest value of the size metric over the waves, for the legend. */
  sizeDomainMax: number;
}

export function buildRenderModel(inputs: ModelInputs, previousWave: string | null = null): BuiltModel {
  const { data, network, view, filters, hovered } = inputs;
  const graph = network.graph;
  const waves = data.boot.status === 'ready' ? data.boot.data.waves.map((wave) => wave.id) : [];
  const metrics = currentMetrics(data, view);
  const values = nodeValues(metrics, view.sizeBy, graph, view.wave);
  // One scale for every wave: otherwise a node would look the same size before and after growing.
  const allValues = waves.map((wave) =>
    nodeValues(currentMetrics(data, view, wave), view.sizeBy, graph, wave),
  );
  const domainMax = maxValue(values, ...allValues);
  const sizes = sizesFrom(values, domainMax);
  const previousSizes =
    previousWave !== null
      ? sizesFrom(
          nodeValues(currentMetrics(data, view, previousWave), view.sizeBy, graph, previousWave),
          domainMax,
        )
      : null;

  const communities = communityOf(metrics);
  const coloring = colorNodes(graph, view.colorBy, communities);
  const isolated = isolatedIds(data, network, view.wave);
  const passes = passingIds(graph, filters, communities, isolated);

  const shownWaves = [view.wave, view.diffFrom].filter((wave): wave is string => wave !== null);
  const spotlight = new Set<string>();
  let emphasis: Set<string> | null = null;
  if (hovered !== null && graph.hasNode(hovered)) {
    spotlight.add(hovered);
    emphasis = new Set([hovered, ...neighboursIn(graph, hovered, shownWaves)]);
  } else if (view.pair !== null) {
    view.pair.forEach((id) => spotlight.add(id));
    emphasis = new Set(view.pair.flatMap((id) => [id, ...neighboursIn(graph, id, shownWaves)]));
  }
  if (view.selected !== null && graph.hasNode(view.selected)) {
    spotlight.add(view.selected);
    if (emphasis === null)
      emphasis = new Set([view.selected, ...neighboursIn(graph, view.selected, shownWaves)]);
  }

  return {
    model: {
      wave: view.wave,
      previousWave,
      progress: previousWave === null ? 1 : 0,
      diffFrom: view.diffFrom,
      colors: coloring.colors,
      sizes,
      previousSizes,
      passes,
      minLevel: filters.minLevel,
      emphasis,
      // The renderer switches big maps to 'outline' (renderer.ts).
      focus: 'fade',
      spotlight,
      labels: true,
      placedLabels: null,
    },
    coloring,
    sizeDomainMax: domainMax,
  };
}
