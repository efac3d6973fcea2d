import { defineConfig } from 'vitest/config';

// Tests say what they need by their name: `*.test.ts` are pure (no database), `*.int.test.ts` use
// the real Neo4j, `*.e2e.test.ts` speak HTTP to a started server on it. The "unit" project runs
// without Neo4j; the "neo4j" project boots one real engine for all its files (global setup).
const PURE = 'tests/**/*.test.ts';
const WITH_NEO4J = ['tests/**/*.int.test.ts', 'tests/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    // Files run one at a time and each resets the graph it needs, so no file sees another's data.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: [PURE], exclude: WITH_NEO4J } },
      {
        extends: true,
        test: { name: 'neo4j', include: WITH_NEO4J, globalSetup: ['tests/support/global-setup.ts'] },
      },
    ],
  },
});
