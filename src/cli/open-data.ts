// What a CLI command that works on a data directory opens: the application database (SQLite in
// the directory, or PostgreSQL when VIGIL_DATABASE_URL is set, as for the server) and the
// keyring derived from the master key.
import { Keyring } from '../people/keyring.ts';
import { loadOrCreateMasterKey } from '../people/master-key.ts';
import { openDatabase } from '../store/open-database.ts';
import type { AppDatabase } from '../store/open-database.ts';

/** An open data directory. Close it when done. */
export interface OpenData {
  database: AppDatabase;
  keyring: Keyring;
  close(): Promise<void>;
}

/** Opens the data directory `dataDir` the way `vigil serve` does. */
export async function openData(dataDir: string): Promise<OpenData> {
  const database = await openDatabase({ dataDir, url: process.env['VIGIL_DATABASE_URL'] });
  const keyring = new Keyring(loadOrCreateMasterKey({ dataDir, env: process.env }).key);
  return { database, keyring, close: () => database.close() };
}
