/**
 * Camera requests from outside the map (search's Enter, a suggestion, a table row): the map view
 * watches this store and moves its camera; `seq` makes the same request twice still count.
 */
import { createStore } from '../store';

export interface CameraRequest {
  seq: number;
  kind: 'focus' | 'fit' | 'reset';
  nodes: string[];
}

export const cameraStore = createStore<CameraRequest>({ seq: 0, kind: 'reset', nodes: [] });

export function focusCamera(node: string): void {
  cameraStore.set({ seq: cameraStore.get().seq + 1, kind: 'focus', nodes: [node] });
}

export function fitCamera(nodes: string[]): void {
  cameraStore.set({ seq: cameraStore.get().seq + 1, kind: 'fit', nodes });
}

export function resetCamera(): void {
  cameraStore.set({ seq: cameraStore.get().seq + 1, kind: 'reset', nodes: [] });
}
