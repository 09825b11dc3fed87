/**
 * Isolated and peripheral organizations and introduction suggestions (find-isolated.ts), with the
 * link predictors they use (Adamic & Adar 2003; Liben-Nowell & Kleinberg 2007).
 */
export * from './find-isolated.js';
export * from './types.js';
export { SCORE_WEIGHTS, MEETING_EVENT_TYPES } from './suggestions.js';
export { adamicAdarIndex, commonNeighbors } from './adamic-adar.js';
export { buildNeighborhoods, type Neighborhoods } from './neighborhoods.js';
