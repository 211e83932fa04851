// The files of a data directory that a backup carries, and which it never does.
//
// Carried (inside the encrypted stream only): the two SQLite stores, the log's signing key
// (DATA/log-signer.key: a restored server must go on signing the same log, and the key is
// protected by the master key like everything else in the backup) and the demo marker.
// Never carried: the master key (DATA/master.key or VIGIL_MASTER_KEY). It must be kept apart,
// offline, where the people who may restore can reach it; without it a backup opens for no one.
// Not carried yet: evidence files (DATA/evidence), which are copied separately.
import { DEMO_MARKER_FILE } from '../demo/load/demo-marker.ts';
import { LOG_KEY_FILE } from '../log/log-signer.file.ts';
import { LOG_FILE } from '../log/open-log-store.ts';

/** The application database's file inside the data directory (src/store/open-database.ts). */
export const APP_FILE = 'vigil.sqlite';

/** The demo marker (src/demo/load/demo-marker.ts). */
export const DEMO_FILE = DEMO_MARKER_FILE;

/** The only file names a restore writes: anything else in a backup is refused. */
export const RESTORABLE_FILES: ReadonlySet<string> = new Set([
  APP_FILE,
  LOG_FILE,
  LOG_KEY_FILE,
  DEMO_FILE,
]);

/** The files a restore must have found for each engine. */
export const REQUIRED_FILES = {
  sqlite: [APP_FILE, LOG_FILE, LOG_KEY_FILE],
  postgres: [LOG_KEY_FILE],
} as const;
