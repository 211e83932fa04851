// The log's signing key lives in a file beside the database, never inside it, readable only by
// the owner. Losing it means the log can no longer sign: back it up with the data directory.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSignerKey, parseSignerKey } from '../ledger/note-keys.ts';
import type { SignerKey } from '../ledger/note-keys.ts';

/** File name of the log's signer key inside the data directory. */
export const LOG_KEY_FILE = 'log-signer.key';

/** Reads the log key from `dataDir`, creating one for `origin` on first start. */
export function loadOrCreateLogSigner(
  dataDir: string,
  origin: string,
): { signer: SignerKey; created: boolean } {
  const path = join(dataDir, LOG_KEY_FILE);
  if (existsSync(path)) {
    return { signer: parseSignerKey(readFileSync(path, 'utf8').trim()), created: false };
  }
  const { signerKey } = generateSignerKey(origin);
  writeFileSync(path, `${signerKey}\n`, { mode: 0o600, flag: 'wx' });
  return { signer: parseSignerKey(signerKey), created: true };
}

/** Reads the log key from `dataDir`; throws if there is none. */
export function readLogSigner(dataDir: string): SignerKey {
  return parseSignerKey(readFileSync(join(dataDir, LOG_KEY_FILE), 'utf8').trim());
}
