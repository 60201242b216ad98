export const SQLITE_SCHEMA: string;
export const POSTGRESQL_SCHEMA: string;
export function postgresqlSchema(sqlite: string): string;
export function writePostgresqlSchema(): void;
