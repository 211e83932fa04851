// The master key of the identity vault (DESIGN.md §4). It is never stored in the database: it
// comes from VIGIL_MASTER_KEY or from DATA/master.key, created on first start with mode 0600.
// Whoever holds the database without this key holds ciphertext only; whoever loses this key
// loses every identity record, which is why its creation prints MASTER_KEY_WARNING.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { KEY_BYTES } from './keyring.ts';

/** File name of the master key inside the data directory. */
export const MASTER_KEY_FILE = 'master.key';

/** Environment variable that holds the master key (base64 of 32 bytes); wins over the file. */
export const MASTER_KEY_ENV = 'VIGIL_MASTER_KEY';

/** Printed once, when the master key file has just been created. Never contains the key. */
export const MASTER_KEY_WARNING = [
  '************************************************************************',
  '*  A NEW MASTER KEY WAS CREATED: DATA/master.key                         *',
  '*                                                                      *',
  '*  It encrypts every identity record (names, documents, phones) and it *',
  '*  is NOT in the database. A backup of the database without this key  *',
  '*  cannot be read by anyone, including you. LOSE THIS KEY AND EVERY    *',
  '*  IDENTITY RECORD IS LOST FOR GOOD.                                   *',
  '*                                                                      *',
  '*  Back it up now, apart from the database backups: copy master.key to *',
  '*  offline media or a password manager (it is one line of base64), and *',
  '*  store it where the people who may restore the system can reach it.  *',
  '*  To run from the environment instead, set VIGIL_MASTER_KEY to that   *',
  '*  line and remove the file.                                           *',
  '************************************************************************',
].join('\n');

/** The loaded master key and where it came from. */
export interface MasterKey {
  key: Uint8Array;
  source: 'env' | 'file';
  /** True when the key file was created by this call (print MASTER_KEY_WARNING then). */
  created: boolean;
}

/** Why the master key could not be loaded; the message says how to fix it. */
export class MasterKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MasterKeyError';
  }
}

const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Loads the master key: VIGIL_MASTER_KEY if set (base64 of exactly 32 bytes, anything else is
 * refused), otherwise DATA/master.key, created with mode 0600 if missing. Refuses a key file
 * that group or others may read.
 *
 * @example const { key, created } = loadOrCreateMasterKey({ dataDir, env: process.env })
 */
export function loadOrCreateMasterKey(options: {
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
}): MasterKey {
  const fromEnv = options.env[MASTER_KEY_ENV];
  if (fromEnv !== undefined) {
    return { key: parseKey(fromEnv, MASTER_KEY_ENV), source: 'env', created: false };
  }
  const path = join(options.dataDir, MASTER_KEY_FILE);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const created = !existsSync(path) && createKeyFile(path);
  return { key: readKeyFile(path), source: 'file', created };
}

function parseKey(text: string, origin: string): Uint8Array {
  const trimmed = text.trim();
  // The key itself never appears in a message: only what is wrong with it.
  if (!BASE64_KEY.test(trimmed)) {
    throw new MasterKeyError(
      `${origin} must be the standard base64 (with padding) of exactly 32 random bytes, ` +
        `e.g. from \`openssl rand -base64 32\`; it is ${String(trimmed.length)} characters ` +
        `that are not that`,
    );
  }
  return new Uint8Array(Buffer.from(trimmed, 'base64'));
}

// Written to a private temporary file, flushed, then hard-linked into place: the link fails if
// the file exists (another process won the race, and its key is used), and a crash never
// leaves a half-written master.key behind.
function createKeyFile(path: string): boolean {
  const temporary = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    syncDirectory(dirname(path));
    return true;
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

// The new directory entry must be durable too, or a power cut could lose a key already in use.
function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}

function readKeyFile(path: string): Uint8Array {
  const stat = statSync(path);
  if (!stat.isFile()) throw new MasterKeyError(`${path} is not a regular file`);
  // Windows has no POSIX modes to check; everywhere else a readable key is a leaked key.
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8);
    throw new MasterKeyError(
      `${path} has mode ${mode}: group or others may read the master key. ` +
        `Restrict it with \`chmod 600 ${path}\` (and check who may have copied it), then restart.`,
    );
  }
  return parseKey(readFileSync(path, 'utf8'), path);
}
