// Prisma's CLI insists on locating its native schema engine before any command, and cannot
// download it on machines without internet access. `generate` never runs the engine, so any
// existing file satisfies the lookup. Generates the SQLite client and the PostgreSQL one (from
// the schema derived from the SQLite schema).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { POSTGRESQL_SCHEMA, SQLITE_SCHEMA, writePostgresqlSchema } from './prisma-schemas.mjs';

writePostgresqlSchema();
const placeholder = fileURLToPath(new URL('./prisma-engine-placeholder', import.meta.url));
for (const schema of [SQLITE_SCHEMA, POSTGRESQL_SCHEMA]) {
  const result = spawnSync('npx', ['prisma', 'generate', '--schema', schema], {
    stdio: 'inherit',
    env: {
      PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
      ...process.env,
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
