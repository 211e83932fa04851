// Where backup and restore get the master key. Backup uses the running mission's key exactly as
// the server does (VIGIL_MASTER_KEY, else DATA/master.key) but never creates one: a backup under
// a fresh key would be one nobody could ever open. Restore has an empty data directory, so the
// key comes from VIGIL_MASTER_KEY or from a copy kept apart (`--master-key FILE`), which is
// installed as DATA/master.key (mode 0600) once the restore is accepted.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupUsageError } from './backup-error.ts';
import { loadOrCreateMasterKey, MASTER_KEY_ENV, MASTER_KEY_FILE } from '../people/master-key.ts';

type Env = Readonly<Record<string, string | undefined>>;

const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

/** The master key of the data directory being backed up; refuses when there is none. */
export function masterKeyForBackup(dataDir: string, env: Env): Uint8Array {
  if (env[MASTER_KEY_ENV] === undefined && !existsSync(join(dataDir, MASTER_KEY_FILE))) {
    throw new BackupUsageError(
      `no master key: set ${MASTER_KEY_ENV} or keep ${MASTER_KEY_FILE} in ${dataDir}`,
    );
  }
  return loadOrCreateMasterKey({ dataDir, env }).key;
}

/** The master key to restore with, and the file to install once the restore is accepted. */
export interface RestoreKey {
  key: Uint8Array;
  /** The key file's line, when it came from --master-key (written to DATA/master.key). */
  fileText: string | undefined;
}

/** Reads `--master-key FILE`, else VIGIL_MASTER_KEY; the key never appears in a message. */
export async function masterKeyForRestore(file: string | undefined, env: Env): Promise<RestoreKey> {
  let text: string;
  let origin: string;
  if (file !== undefined) {
    origin = file;
    try {
      text = (await readFile(file, 'utf8')).trim();
    } catch (cause) {
      throw new BackupUsageError(`cannot read ${file}`, { cause });
    }
  } else {
    const fromEnv = env[MASTER_KEY_ENV];
    if (fromEnv === undefined) {
      throw new BackupUsageError(`give the master key: --master-key FILE or ${MASTER_KEY_ENV}`);
    }
    origin = MASTER_KEY_ENV;
    text = fromEnv.trim();
  }
  if (!BASE64_KEY.test(text)) {
    throw new BackupUsageError(`${origin} is not a master key (the base64 of 32 bytes)`);
  }
  return {
    key: new Uint8Array(Buffer.from(text, 'base64')),
    fileText: file === undefined ? undefined : text,
  };
}

/** Installs the key file in the restored data directory, readable by the owner only. */
export async function installMasterKey(dataDir: string, key: RestoreKey): Promise<void> {
  if (key.fileText === undefined) return;
  await writeFile(join(dataDir, MASTER_KEY_FILE), `${key.fileText}\n`, { mode: 0o600, flag: 'wx' });
}
