import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The reliability suite (reliability/*.test.ts): load, crash, fuzz, busy-database and backup tests
// against real production servers on temporary databases. One file at a time: each starts servers.
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests import server/ directly.
      'server-only': path.resolve(import.meta.dirname, 'scripts/server-only-stub.ts'),
    },
  },
  test: {
    include: ['reliability/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
