import { defineConfig } from 'vitest/config';
import unit from './vitest.config';

// The reliability suite (reliability/*.test.ts): load, crash, fuzz, busy-database and backup tests
// against real production servers on temporary databases. One file at a time: each starts servers.
export default defineConfig({
  resolve: unit.resolve,
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
