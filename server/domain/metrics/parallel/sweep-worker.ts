/**
 * Worker thread of the parallel shortest-path sweep (sweep-pool.ts): receives the CSR arrays once,
 * then runs the source ranges it is sent and posts back their partial sums (buffers transferred, not
 * copied). Pure computation: the same kernel as the single-thread path (sweep-kernel.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSweeper, type SweepInput } from '../sweep-kernel.js';

if (!parentPort) throw new Error('sweep-worker.ts must run in a worker thread');
const port = parentPort;
const sweeper = createSweeper(workerData as SweepInput);

port.on('message', (message: { from: number; to: number }) => {
  const partial = sweeper.run(message.from, message.to);
  // Fresh arrays made by the sweeper: moving their buffers avoids a copy of n doubles × 4 per chunk.
  const buffers = [
    partial.betweenness,
    partial.distanceSum,
    partial.reachedBy,
    partial.harmonic,
    partial.eccentricity,
    partial.outgoingDistanceSum,
  ].map((array) => array.buffer as ArrayBuffer);
  port.postMessage(partial, buffers);
});
