import { defineConfig } from 'vitest/config';

// Three tiers (STYLE.md §3.9): pure unit tests next to the code, database tests (*.db.test.ts) on PGlite or on the
// server named by DATABASE_URL, and browser flows under e2e/ (run by scripts/e2e.mjs, not here).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'cli/**/*.test.ts', 'shared/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['server/**/*.db.test.ts', 'cli/**/*.db.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['server/test/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
