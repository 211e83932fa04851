// The evidence files under DATA/evidence/: each upload is streamed through a byte meter (size
// limit and SHA-256 at intake) and the chunked AES-256-GCM encryption (evidence-cipher.ts) into
// a temporary file, never held whole in memory; once its hash is known it is moved to its
// content address DATA/evidence/ab/<sha256>.<keyId>. The key id in the name lets two racing
// uploads of the same bytes each write their own file: the database row says which one holds
// the content, and the other is removed.
import { createHash, createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../../errors/domain-error.ts';
import { decryptEvidence, encryptEvidence } from './evidence-cipher.ts';

/** An upload written to a temporary file, not yet at its address. */
export interface StagedBlob {
  sha256: string;
  size: number;
  keyId: string;
  /** The blob's own AES-256 key (raw bytes, to be wrapped by the keyring). */
  dataKey: Uint8Array;
  tempPath: string;
}

/** The stored file of a blob: where it is and the key that opens it. */
export interface BlobLocation {
  sha256: string;
  keyId: string;
  key: KeyObject;
}

/** Counts and hashes the bytes going through; fails past `limit` with payload_too_large. */
function byteMeter(limit: number): { meter: Transform; digest: () => [string, number] } {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) {
        done(new DomainError('payload_too_large', 'evidence larger than the upload limit'));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { meter, digest: () => [hash.digest('hex'), size] };
}

/** The encrypted files of the evidence slice. */
export class EvidenceBlobStore {
  readonly #root: string;

  /** `root` is DATA/evidence. */
  constructor(root: string) {
    this.#root = root;
  }

  /** The file of blob `sha256` written under key `keyId`. */
  pathOf(sha256: string, keyId: string): string {
    return join(this.#root, sha256.slice(0, 2), `${sha256}.${keyId}`);
  }

  /**
   * Streams `source` into a temporary encrypted file, hashing as it goes. Past `limit` bytes it
   * stops reading, removes the file and throws payload_too_large; the caller drains or closes
   * the source (an HTTP request must stay open for the 413 answer).
   */
  async stage(source: Readable, limit: number): Promise<StagedBlob> {
    const incoming = join(this.#root, 'incoming');
    await mkdir(incoming, { recursive: true, mode: 0o700 });
    const keyId = randomBytes(8).toString('hex');
    const dataKey = new Uint8Array(randomBytes(32));
    const tempPath = join(incoming, keyId);
    const { meter, digest } = byteMeter(limit);
    const sink = pipeline(
      meter,
      encryptEvidence(createSecretKey(dataKey)),
      createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }),
    );
    source.on('error', (error) => meter.destroy(error));
    // A client that hangs up mid-upload closes the stream without ending it.
    source.on('close', () => {
      if (!source.readableEnded) meter.destroy(new Error('the upload was interrupted'));
    });
    source.pipe(meter);
    try {
      await sink;
    } catch (error) {
      source.unpipe(meter);
      await rm(tempPath, { force: true });
      throw error;
    }
    const [sha256, size] = digest();
    return { sha256, size, keyId, dataKey, tempPath };
  }

  /** Moves a staged upload to its content address. */
  async place(staged: StagedBlob): Promise<void> {
    const path = this.pathOf(staged.sha256, staged.keyId);
    await mkdir(join(this.#root, staged.sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    await rename(staged.tempPath, path);
  }

  /** Removes a staged upload that is not kept (a duplicate, or a failed write). */
  async discard(staged: StagedBlob): Promise<void> {
    await rm(staged.tempPath, { force: true });
    await rm(this.pathOf(staged.sha256, staged.keyId), { force: true });
  }

  /** The decrypted content of a stored blob, authenticated chunk by chunk. */
  open(location: BlobLocation): Readable {
    const file = createReadStream(this.pathOf(location.sha256, location.keyId));
    const plain = decryptEvidence(location.key);
    file.on('error', (error) => plain.destroy(error));
    return file.pipe(plain);
  }

  /** Removes a blob's file (its key is destroyed by the caller: crypto-shredding). */
  async remove(sha256: string, keyId: string): Promise<void> {
    await rm(this.pathOf(sha256, keyId), { force: true });
  }
}
