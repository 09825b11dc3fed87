export * from './build-wave-graph.js';
