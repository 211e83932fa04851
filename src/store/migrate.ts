// Runs the application migrations. The list is static (not read from a folder) so that the
// same code works from a checkout, a bundle or a test, and the order is explicit.
import { Migrator } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import * as apiToken from './migrations/0001-api-token.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-api-token': apiToken,
};

/** Brings the database to the latest schema; throws if any migration fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  }
}
