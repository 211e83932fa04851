import type { Kysely } from 'kysely';

/** Creates the auth domain's tables. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // filled in by the auth work
}
