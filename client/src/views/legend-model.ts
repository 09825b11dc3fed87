/**
 * What the legend says, as data: drawn as HTML next to the map and onto the exported PNG, so the two
 * always agree. Diff counts are counted on the map's own ties (core/network countTieChanges), which
 * follow the same definitions as the server's comparison.
 */
import { dataStore } from '../core/data';
import { filterStore } from '../core/filters';
import { localeStore, t, tOr } from '../core/i18n';
import { countTieChanges, countTies, type TieChangeCounts } from '../core/network';
import { currentMetrics, labelOf, nodeMetricInfos, communityOf } from '../core/selectors';
import { dataOf } from '../core/status';
import { viewStore, type ColorBy } from '../core/view';
import { colorNodes } from '../sigma/colors';
import { DIFF_COLORS, DIFF_NODE_FADE, EDGE_COLOR, fade } from '../sigma/palette';
import { edgeSize } from '../sigma/reducers';

export interface LegendItem {
  id: string;
  label: string;
  color: string;
  shape: 'circle' | 'square' | 'mixed' | 'line';
  /** Line width for tie items. */
  width?: number;
  count?: number;
}

export interface LegendSection {
  id: 'nodes' | 'size' | 'ties' | 'diff';
  title: string;
  items: LegendItem[];
  note?: string;
}

export interface LegendModel {
  title: string;
  sections: LegendSection[];
  tieCount: number | null;
  diff: TieChangeCounts | null;
}

export function categoryLabel(colorBy: ColorBy, category: string): string {
  if (category === '') return t('legend.unknown');
  switch (colorBy) {
    case 'kind':
      return tOr(`kind.${category}`, category);
    case 'type':
      return category === 'ngo'
        ? t('kind.ngo')
        : tOr(
            `institutionType.${category.slice('institution:'.length)}`,
            category.slice('institution:'.length),
          );
    case 'community':
      return t('legend.community', { number: Number(category) + 1 });
    case 'city':
      return category;
  }
}

export const LEVELS = [1, 2, 3, 4] as const;

export function buildLegendModel(): LegendModel | null {
  const data = dataStore.get();
  const view = viewStore.get();
  const filters = filterStore.get();
  const locale = localeStore.get();
  if (data.network.status !== 'ready' || data.boot.status !== 'ready' || view.wave === null) return null;
  const graph = data.network.data.graph;
  const waves = data.boot.data.waves;
  const waveLabel = (id: string | null): string => waves.find((wave) => wave.id === id)?.label ?? id ?? '';
  const metrics = currentMetrics(data, view);
  const coloring = colorNodes(graph, view.colorBy, communityOf(metrics));
  const sizeInfo = nodeMetricInfos(dataOf(data.registry), metrics).find((info) => info.key === view.sizeBy);

  const sections: LegendSection[] = [
    {
      id: 'nodes',
      title: t(`legend.colorBy.${view.colorBy}`),
      items: coloring.legend.slice(0, 10).map((entry) => ({
        id: entry.category,
        label: categoryLabel(view.colorBy, entry.category),
        color: view.diffFrom !== null ? fade(entry.color, DIFF_NODE_FADE) : entry.color,
        shape: entry.shape,
        count: entry.count,
      })),
      note: t('legend.shapes'),
    },
    {
      id: 'size',
      title: t('legend.size', { metric: labelOf(sizeInfo, view.sizeBy, locale) }),
      items: [],
    },
  ];

  let diff: TieChangeCounts | null = null;
  let tieCount: number | null = null;
  if (view.diffFrom !== null) {
    diff = countTieChanges(graph, view.diffFrom, view.wave);
    sections.push({
      id: 'diff',
      title: t('legend.diffTitle', { from: waveLabel(view.diffFrom), to: waveLabel(view.wave) }),
      items: (['added', 'removed', 'stable', 'strengthened', 'weakened'] as const).map((change) => ({
        id: change,
        label: t(`legend.diff.${change}`),
        color: DIFF_COLORS[change],
        shape: 'line' as const,
        width: change === 'stable' ? 2 : 3,
        count: diff![change],
      })),
      note: t('legend.diffNote'),
    });
  } else {
    tieCount = countTies(graph, view.wave, filters.minLevel);
    sections.push({
      id: 'ties',
      title: t('legend.ties'),
      items: LEVELS.map((level) => ({
        id: `level-${level}`,
        label: t(`level.${level}`),
        color: EDGE_COLOR,
        shape: 'line' as const,
        width: edgeSize(level),
      })),
    });
  }
  const title =
    view.diffFrom !== null
      ? t('legend.titleDiff', { from: waveLabel(view.diffFrom), to: waveLabel(view.wave) })
      : t('legend.titleWave', { wave: waveLabel(view.wave) });
  return { title, sections, tieCount, diff };
}
