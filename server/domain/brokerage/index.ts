/**
 * Brokerage roles (Gould & Fernandez 1989): see gould-fernandez.ts.
 */
export * from './gould-fernandez.js';
