/** Messages between the map and the ForceAtlas2 worker (fa2.worker.ts). Indices refer to `ids`. */
export interface LayoutRequest {
  ids: string[];
  x: Float64Array;
  y: Float64Array;
  sources: Uint32Array;
  targets: Uint32Array;
  weights: Float32Array;
  iterations: number;
}

export type LayoutResponse =
  | { type: 'progress'; done: number; total: number; x: Float64Array; y: Float64Array }
  | { type: 'done'; x: Float64Array; y: Float64Array };
