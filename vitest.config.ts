import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, tests against a real (throwaway, embedded) Neo4j, and
// end-to-end tests driving Debian's Chromium against the real server. `npm test` runs all three.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-line-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/http/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          environment: 'node',
          // One database for the whole project: files run one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the client and starts the real server (and its own embedded Neo4j) once.
          globalSetup: ['tests/e2e/global-setup.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
