// The one engine-specific setting of the demo build, for the embedded SQLite database only: a
// page cache large enough to hold a batch's dirty index pages. The vault's and the journeys'
// indexes are keyed by random UUIDs and HMACs, so each batch touches pages all over them; with
// SQLite's default 2 MB cache those pages spill to the WAL mid-transaction and are written
// several times. Durability is unchanged (WAL, synchronous=FULL): only memory is traded.
import { sql } from 'kysely';
import type { AppDatabase } from '../../store/open-database.ts';

/** Page cache of the build's connection, in KiB (SQLite takes a negative number as KiB). */
export const BUILD_CACHE_KIB = 256 * 1024;

/**
 * Gives the (single) SQLite connection of `database` a large page cache; a no-op on PostgreSQL.
 * Lasts as long as the connection: the build closes it when done.
 *
 * @example await tuneForBulkLoad(vigil.database);
 */
export async function tuneForBulkLoad(database: AppDatabase): Promise<void> {
  if (database.dialect !== 'sqlite') return;
  await sql.raw(`PRAGMA cache_size = -${String(BUILD_CACHE_KIB)}`).execute(database.db);
}

/**
 * Sets SQLite's `synchronous` for the monitoring part of the build, which writes through the
 * services one small transaction each: NORMAL skips the fsync per commit (WAL mode stays
 * consistent; only the last commits may be lost on power failure), which cannot matter here,
 * since the build's marker says 'complete' only after everything is closed — an interrupted
 * build is refused and rebuilt. FULL again afterwards. A no-op on PostgreSQL.
 *
 * @example await setBuildSynchronous(vigil.database, 'NORMAL');
 */
export async function setBuildSynchronous(
  database: AppDatabase,
  level: 'NORMAL' | 'FULL',
): Promise<void> {
  if (database.dialect !== 'sqlite') return;
  await sql.raw(`PRAGMA synchronous = ${level}`).execute(database.db);
}
