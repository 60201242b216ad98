import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests import server/ directly.
      'server-only': path.resolve(import.meta.dirname, 'scripts/server-only-stub.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // PASSAGE_TEST_DATABASE=postgresql runs the integration tests on a PostgreSQL server of their own.
    ...(process.env.PASSAGE_TEST_DATABASE === 'postgresql' ? { globalSetup: ['scripts/vitest-postgresql.ts'] } : {}),
  },
});
