// The secret box's key lives in a file beside the database, never inside it, readable only by
// the owner, so a stolen database (or a PostgreSQL dump) does not open the sealed secrets.
// Interim: the vault's master key will derive this key instead.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File name of the secret box key inside the data directory. */
export const SECRET_BOX_KEY_FILE = 'secret-box.key';

/**
 * Reads the 32-byte secret box key (base64, one line) from `dataDir`, creating it with mode
 * 0600 on first start.
 */
export function loadOrCreateSecretBoxKey(dataDir: string): Uint8Array {
  const path = join(dataDir, SECRET_BOX_KEY_FILE);
  if (!existsSync(path)) {
    // 'wx' fails if another process created the file meanwhile: then read theirs.
    try {
      writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (!existsSync(path)) throw error;
    }
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte base64 key`);
  return new Uint8Array(key);
}
