// Chooses where the log lives, by the same rule as the application database: PostgreSQL when a
// postgres:// URL is configured (VIGIL_DATABASE_URL), the embedded DATA/log.sqlite otherwise.
// The signing key stays a file in the data directory in both cases, never in a database.
import { join } from 'node:path';
import { isPostgresUrl } from '../store/open-database.ts';
import type { DatabaseLocation } from '../store/open-database.ts';
import { PgLogStore } from './log-store.pg.ts';
import type { LogStore } from './log-store.port.ts';
import { SqliteLogStore } from './log-store.sqlite.ts';

/** The file name of the embedded log inside the data directory. */
export const LOG_FILE = 'log.sqlite';

/**
 * Opens the log store for `location`: tables in the PostgreSQL database when `url` names one,
 * else `LOG_FILE` in `dataDir` (which must exist).
 *
 * @example
 * const store = await openLogStore({ dataDir, url: process.env['VIGIL_DATABASE_URL'] });
 */
export async function openLogStore(location: DatabaseLocation): Promise<LogStore> {
  if (isPostgresUrl(location.url)) return PgLogStore.open(location.url);
  return new SqliteLogStore(join(location.dataDir, LOG_FILE));
}
