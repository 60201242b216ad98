import { ConfigError } from '@/server/config';
import { ContentError } from '@/server/content-sync';
import { MigrationError } from '@/server/migrations';
import { disconnectDb } from '@/server/db';

/** A failure the user can act on: printed as its message alone. */
export class CliError extends Error {}

/** Runs a command-line entry point: expected failures print their message alone and exit 1. */
export function runCli(main: () => Promise<void>): void {
  main()
    .then(() => disconnectDb())
    .catch(async (error: unknown) => {
      await disconnectDb().catch(() => {});
      if (error instanceof ContentError || error instanceof ConfigError || error instanceof MigrationError || error instanceof CliError) {
        console.error(`\n${error.message}\n`);
      } else {
        console.error(error);
      }
      process.exit(1);
    });
}
