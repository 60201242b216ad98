// prisma/schema.prisma (SQLite) is the one schema people edit. The PostgreSQL schema is derived
// from it, provider and client output swapped, so the two can never describe different models;
// scripts/prisma-generate.mjs writes it and server/migrations-postgresql.test.ts checks it is current.
import fs from 'node:fs';

export const SQLITE_SCHEMA = 'prisma/schema.prisma';
export const POSTGRESQL_SCHEMA = 'prisma/postgresql/schema.prisma';

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs: edit that file, not this
// one. The same models for PostgreSQL (DATABASE_URL=postgresql://…); migrations in ./migrations.
`;

export function postgresqlSchema(sqlite) {
  const swaps = [
    [/^\/\/ Passage's database\.[\s\S]*?\n\n/m, HEADER + '\n'],
    [/(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"'],
    [/(output\s*=\s*)"\.\.\/server\/generated\/prisma"/, '$1"../../server/generated/prisma-postgresql"'],
  ];
  return swaps.reduce((text, [pattern, replacement]) => {
    if (!pattern.test(text)) throw new Error(`${SQLITE_SCHEMA} no longer matches ${pattern}; update scripts/prisma-schemas.mjs`);
    return text.replace(pattern, replacement);
  }, sqlite);
}

export function writePostgresqlSchema() {
  const text = postgresqlSchema(fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
  fs.mkdirSync('prisma/postgresql', { recursive: true });
  if (!fs.existsSync(POSTGRESQL_SCHEMA) || fs.readFileSync(POSTGRESQL_SCHEMA, 'utf8') !== text) fs.writeFileSync(POSTGRESQL_SCHEMA, text);
}
