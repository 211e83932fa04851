// Streaming, authenticated encryption of evidence files at rest: AES-256-GCM over 64 KiB
// chunks in the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár, "Online
// Authenticated-Encryption and its Nonce-Reuse Misuse-Resistance", CRYPTO 2015): the nonce of
// chunk i is i as 11 big-endian bytes followed by a flag byte that is 1 only on the last chunk.
// Each chunk is authenticated before any of its plaintext is released, and a file cut at a
// chunk boundary fails because its new last chunk was not sealed as last. Every blob has its
// own random key, so the counter nonces never repeat under one key.
//
// File layout: MAGIC ‖ chunk₀ ‖ … ‖ chunkₙ, each chunk = ciphertext (64 KiB, the last 0–64 KiB)
// ‖ 16-byte tag. The magic is authenticated as every chunk's additional data.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/** Plaintext bytes per chunk. */
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const NONCE_BYTES = 12;
const MAGIC = Buffer.from('VIGILEV1', 'latin1');

/** The stored file was altered, truncated, or belongs to another key. */
export class EvidenceCipherError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EvidenceCipherError';
  }
}

function nonceOf(counter: number, isLast: boolean): Buffer {
  const nonce = Buffer.alloc(NONCE_BYTES);
  nonce.writeUIntBE(counter, NONCE_BYTES - 1 - 6, 6);
  nonce[NONCE_BYTES - 1] = isLast ? 1 : 0;
  return nonce;
}

function sealChunk(key: KeyObject, counter: number, plain: Buffer, isLast: boolean): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonceOf(counter, isLast));
  cipher.setAAD(MAGIC);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function openChunk(key: KeyObject, counter: number, sealed: Buffer, isLast: boolean): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(counter, isLast));
    decipher.setAAD(MAGIC);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch (cause) {
    throw new EvidenceCipherError('evidence chunk does not authenticate', { cause });
  }
}

/** Bytes received but not yet turned into whole chunks. */
class Pending {
  #parts: Buffer[] = [];
  length = 0;

  add(part: Buffer): void {
    this.#parts.push(part);
    this.length += part.length;
  }

  take(count: number): Buffer {
    const all = Buffer.concat(this.#parts);
    this.#parts = [all.subarray(count)];
    this.length = all.length - count;
    return all.subarray(0, count);
  }
}

/**
 * A Transform that encrypts a plaintext stream into the evidence file layout under `key`.
 *
 * @example await pipeline(source, encryptEvidence(key), createWriteStream(path))
 */
export function encryptEvidence(key: KeyObject): Transform {
  const pending = new Pending();
  let counter = 0;
  let isStarted = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!isStarted) {
        this.push(MAGIC);
        isStarted = true;
      }
      pending.add(chunk);
      // Strictly more than a chunk: the last chunk must be sealed as last, in flush.
      while (pending.length > CHUNK_BYTES) {
        this.push(sealChunk(key, counter++, pending.take(CHUNK_BYTES), false));
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!isStarted) this.push(MAGIC);
      this.push(sealChunk(key, counter, pending.take(pending.length), true));
      done();
    },
  });
}

/**
 * A Transform that decrypts an evidence file made by encryptEvidence under `key`, releasing
 * each chunk only once it authenticates; fails with EvidenceCipherError otherwise.
 */
export function decryptEvidence(key: KeyObject): Transform {
  const pending = new Pending();
  const record = CHUNK_BYTES + TAG_BYTES;
  let counter = 0;
  let hasMagic = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending.add(chunk);
      try {
        if (!hasMagic && pending.length >= MAGIC.length) {
          if (!pending.take(MAGIC.length).equals(MAGIC)) {
            throw new EvidenceCipherError('not an evidence file');
          }
          hasMagic = true;
        }
        // A full record followed by more bytes cannot be the last one.
        while (hasMagic && pending.length > record) {
          this.push(openChunk(key, counter++, pending.take(record), false));
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (!hasMagic || pending.length < TAG_BYTES) {
          throw new EvidenceCipherError('evidence file is truncated');
        }
        this.push(openChunk(key, counter, pending.take(pending.length), true));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
