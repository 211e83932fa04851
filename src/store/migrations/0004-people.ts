import type { Kysely } from 'kysely';

/** Creates the people domain's tables. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // filled in by the people work
}
