/**
 * The one Sigma settings object of the map, and the label-density presets the map's control switches
 * between (sigma draws at most `labelDensity` labels per grid cell of `labelGridCellSize` pixels, and
 * none for nodes drawn smaller than `labelRenderedSizeThreshold`, so labels do not overlap).
 */
import type { Settings } from 'sigma/settings';
import type { LabelDensity } from '../core/view';

export const LABEL_PRESETS: Record<
  LabelDensity,
  Pick<Settings, 'labelDensity' | 'labelGridCellSize' | 'labelRenderedSizeThreshold'>
> = {
  few: { labelDensity: 0.4, labelGridCellSize: 180, labelRenderedSizeThreshold: 9 },
  normal: { labelDensity: 1, labelGridCellSize: 120, labelRenderedSizeThreshold: 6 },
  many: { labelDensity: 3, labelGridCellSize: 70, labelRenderedSizeThreshold: 2 },
};

export function mapSettings(labels: LabelDensity, options: { large?: boolean } = {}): Partial<Settings> {
  return {
    ...LABEL_PRESETS[labels],
    // Sizes in screen pixels: the metric scale (selectors MIN_NODE_SIZE–MAX_NODE_SIZE) means the same at every zoom level.
    itemSizesReference: 'screen',
    zoomToSizeRatioFunction: Math.sqrt,
    minEdgeThickness: 0.6,
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    stagePadding: 40,
    minCameraRatio: 0.05,
    maxCameraRatio: 4,
    // The page scrolls on tablets; a wheel or one-finger drag over the map should still move the map.
    gestureTarget: 'graph',
    // Big graphs stay fluid while panning by skipping ties and labels until the camera stops.
    hideEdgesOnMove: options.large === true,
    hideLabelsOnMove: options.large === true,
  };
}
