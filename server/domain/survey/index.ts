/**
 * Survey responses and non-response: who answered in a wave (respondents.ts), the treatments of the
 * non-respondents applied to a wave's ties (treatments.ts) and the sensitivity of every network metric to
 * that choice (sensitivity.ts). Reference: Huisman (2009), Journal of Social Structure 10(1).
 */
export * from './respondents.js';
export * from './sensitivity.js';
export * from './treatments.js';
