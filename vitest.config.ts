import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests, tests against a real (throwaway, embedded) Neo4j, and
// end-to-end tests driving Debian's Chromium. `npm test` runs all three.
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
    ],
  },
});
