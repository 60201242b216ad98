import { defineConfig } from 'vitest/config';
import unit from './vitest.config';

// `npm run test:scale` (scale/*.test.ts): several production Passage processes on one database
// behind a load balancer (scripts/balancer.mjs), under a whole school's load, one of them killed mid-run. SQLite by
// default; PASSAGE_TEST_DATABASE=postgresql runs it on a PostgreSQL server of its own.
export default defineConfig({
  resolve: unit.resolve,
  test: {
    include: ['scale/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    ...(process.env.PASSAGE_TEST_DATABASE === 'postgresql' ? { globalSetup: ['scripts/vitest-postgresql.ts'] } : {}),
  },
});
