// The backup file's clear part: a magic line and a one-line JSON header that anyone may read
// (`vigil restore --check`), followed by the encrypted stream (backup-cipher.ts). The header is
// untrusted input until the stream authenticates it: every chunk's AAD carries its SHA-256, so a
// header altered after the backup was written fails the restore at the first chunk.
//
// Keys: the stream key is derived from the mission's master key with HKDF-SHA256 (RFC 5869)
// under its own purpose and a random per-file salt, so no two backups share a key and a nonce
// counter starting at zero in every file is safe. The master key itself is never in a backup:
// a backup is useless without it, which is the point; it is kept apart (DESIGN.md §4).
import { createHash, createHmac, createSecretKey, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { VerificationError } from '../verifier/verification-error.ts';

/** First line of every backup file. */
export const BACKUP_MAGIC = 'vigil-backup v1\n';

/** Longest header line accepted: the header is read before anything is authenticated. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** Plaintext bytes per encrypted chunk (the last one may be shorter, even empty). */
export const CHUNK_BYTES = 1024 * 1024;

/** Bytes of the per-file HKDF salt. */
const SALT_BYTES = 32;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const headerSchema = z.strictObject({
  format: z.literal(1),
  engine: z.enum(['sqlite', 'postgres']),
  createdAt: z.iso.datetime(),
  /** The log's size in the backup, and its latest signed checkpoint (a public note). */
  logSize: z.number().int().nonnegative(),
  checkpoint: z.string().max(16 * 1024),
  salt: base64.length(44),
  /** HMAC of a constant under a key derived like the stream key: tells a wrong master key apart. */
  keyCheck: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

/** What a backup's clear header says. */
export type BackupHeader = z.infer<typeof headerSchema>;

/** Which store engine a backup was taken from. */
export type BackupEngine = BackupHeader['engine'];

/** The keys of one backup file, derived from the master key and the file's salt. */
export interface BackupKeys {
  streamKey: KeyObject;
  keyCheck: string;
}

function deriveKey(masterKey: Uint8Array, salt: Uint8Array, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', masterKey, salt, `vigil/backup/${purpose}/v1`, 32));
}

/** Derives the stream key and the key check of a backup whose header salt is `salt`. */
export function deriveBackupKeys(masterKey: Uint8Array, salt: Uint8Array): BackupKeys {
  const checkKey = deriveKey(masterKey, salt, 'key-check');
  return {
    streamKey: createSecretKey(deriveKey(masterKey, salt, 'stream')),
    keyCheck: createHmac('sha256', checkKey).update('vigil-backup-key-check').digest('base64url'),
  };
}

/** A fresh random salt for a new backup, as the header stores it. */
export function newBackupSalt(random: (bytes: number) => Uint8Array): string {
  return Buffer.from(random(SALT_BYTES)).toString('base64');
}

/** Refuses with a VerificationError unless `keys` were derived from the backup's master key. */
export function checkBackupKey(header: BackupHeader, keys: BackupKeys): void {
  const expected = Buffer.from(header.keyCheck, 'base64url');
  const actual = Buffer.from(keys.keyCheck, 'base64url');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new VerificationError(
      'master key',
      'this backup was made under another master key (VIGIL_MASTER_KEY or --master-key), ' +
        'or its header was altered',
    );
  }
}

/** The header's exact bytes as written: magic line, JSON, newline. */
export function encodeHeader(header: BackupHeader): Uint8Array {
  return new Uint8Array(Buffer.from(`${BACKUP_MAGIC}${JSON.stringify(header)}\n`, 'utf8'));
}

/** SHA-256 of the header bytes: bound into every chunk's AAD. */
export function headerDigest(headerBytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(headerBytes).digest());
}

/**
 * Parses the clear part at the start of `prefix` (attacker-controlled bytes: any file given to
 * restore). Returns the header and how many bytes it took, or throws VerificationError.
 */
export function parseHeader(prefix: Uint8Array): { header: BackupHeader; length: number } {
  const magic = Buffer.from(BACKUP_MAGIC, 'utf8');
  const bytes = Buffer.from(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  if (bytes.length < magic.length || !bytes.subarray(0, magic.length).equals(magic)) {
    throw new VerificationError('header', 'not a Vigil backup (no "vigil-backup v1" line)');
  }
  const end = bytes.indexOf(0x0a, magic.length);
  if (end === -1) throw new VerificationError('header', 'the header line is cut short');
  let value: unknown;
  try {
    value = JSON.parse(bytes.subarray(magic.length, end).toString('utf8'));
  } catch (cause) {
    throw new VerificationError('header', 'the header is not JSON', { cause });
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) {
    throw new VerificationError('header', `unexpected header: ${parsed.error.issues[0]?.message}`);
  }
  return { header: parsed.data, length: end + 1 };
}

/** The salt of a parsed header as bytes. */
export function headerSalt(header: BackupHeader): Uint8Array {
  return new Uint8Array(Buffer.from(header.salt, 'base64'));
}
