// Vitest global setup for PASSAGE_TEST_DATABASE=postgresql: one throwaway PostgreSQL server for
// the run, and a template database migrated once, which useTemporaryDatabase (server/test-database.ts)
// copies into a fresh database for each test.
import type { TestProject } from 'vitest/node';
import { migratePostgresql } from '@/server/migrations-postgresql';
import { startPgServer } from './pg-server';

export const TEMPLATE_DATABASE = 'passage_template';

export default async function setup(project: TestProject) {
  const server = await startPgServer();
  try {
    const template = await server.createDatabase(TEMPLATE_DATABASE);
    await migratePostgresql(template, 'prisma/postgresql/migrations');
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('postgresqlServerUrl', server.url);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresqlServerUrl: string;
  }
}
