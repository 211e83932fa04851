// The encrypted body of a backup: AES-256-GCM in authenticated chunks, so a backup of any size
// is written and read with one chunk in memory, and any altered, reordered, dropped or
// truncated byte fails the restore. This is the STREAM construction (Hoang, Reyhanitabar,
// Rogaway, Vizár 2015): chunk i is encrypted under nonce = i, and its AAD binds the header's
// SHA-256, i and a final-chunk flag, so cutting a file after any chunk is detected (no chunk
// but the last says it is final) and so is appending or swapping chunks. One key per file
// (backup-format.ts), so a counter nonce never repeats under a key.
//
// Chunk on disk: u32be plaintext length ‖ u8 final ‖ ciphertext ‖ 16-byte tag.
// Inside the plaintext, frames: u8 type ‖ u32be length ‖ payload (SECTION json, DATA, END).
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { VerificationError } from '../verifier/verification-error.ts';
import { CHUNK_BYTES } from './backup-format.ts';

const TAG_BYTES = 16;
const CHUNK_PREFIX = 5;
const FRAME_PREFIX = 5;
/** Largest frame payload accepted when reading: a PostgreSQL row batch, or one big row. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** What a frame holds. */
export const FRAME = { section: 1, data: 2, end: 3 } as const;

/** One frame read back from a backup. */
export interface Frame {
  type: number;
  payload: Buffer;
}

function nonceOf(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

function aadOf(digest: Uint8Array, index: number, isFinal: boolean): Buffer {
  const aad = Buffer.alloc(digest.length + 9);
  aad.set(digest, 0);
  aad.writeBigUInt64BE(BigInt(index), digest.length);
  aad[digest.length + 8] = isFinal ? 1 : 0;
  return aad;
}

/** Frames in, encrypted chunks out to an open file (after its clear header). */
export class ChunkWriter {
  readonly #file: FileHandle;
  readonly #key: KeyObject;
  readonly #digest: Uint8Array;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #index = 0;

  constructor(file: FileHandle, key: KeyObject, headerDigest: Uint8Array) {
    this.#file = file;
    this.#key = key;
    this.#digest = headerDigest;
  }

  /** Appends one frame; full chunks are encrypted and written as they fill. */
  async writeFrame(type: number, payload: Uint8Array): Promise<void> {
    const prefix = Buffer.alloc(FRAME_PREFIX);
    prefix[0] = type;
    prefix.writeUInt32BE(payload.length, 1);
    this.#pending.push(prefix, Buffer.from(payload));
    this.#pendingBytes += FRAME_PREFIX + payload.length;
    while (this.#pendingBytes >= CHUNK_BYTES) {
      const all = Buffer.concat(this.#pending);
      await this.#writeChunk(all.subarray(0, CHUNK_BYTES), false);
      this.#pending = [all.subarray(CHUNK_BYTES)];
      this.#pendingBytes = all.length - CHUNK_BYTES;
    }
  }

  /** Writes the END frame and the final chunk. */
  async finish(): Promise<void> {
    await this.writeFrame(FRAME.end, new Uint8Array(0));
    await this.#writeChunk(Buffer.concat(this.#pending), true);
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  async #writeChunk(plain: Buffer, isFinal: boolean): Promise<void> {
    const index = this.#index++;
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonceOf(index));
    cipher.setAAD(aadOf(this.#digest, index, isFinal));
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const prefix = Buffer.alloc(CHUNK_PREFIX);
    prefix.writeUInt32BE(plain.length, 0);
    prefix[4] = isFinal ? 1 : 0;
    await this.#file.write(Buffer.concat([prefix, body]));
  }
}

async function readExactly(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

const truncated = () => new VerificationError('backup', 'the file is truncated');

/** Decrypts the chunks of `file` from `offset`, checking each one's tag before yielding it. */
export async function* readChunks(
  file: FileHandle,
  offset: number,
  options: { key: KeyObject; headerDigest: Uint8Array },
): AsyncGenerator<Buffer> {
  let position = offset;
  for (let index = 0; ; index++) {
    const prefix = await readExactly(file, position, CHUNK_PREFIX);
    if (prefix.length < CHUNK_PREFIX) throw truncated();
    const length = prefix.readUInt32BE(0);
    const flag = prefix[4];
    if (length > CHUNK_BYTES || (flag !== 0 && flag !== 1)) {
      throw new VerificationError('backup', `chunk ${index} is malformed`);
    }
    const body = await readExactly(file, position + CHUNK_PREFIX, length + TAG_BYTES);
    if (body.length < length + TAG_BYTES) throw truncated();
    position += CHUNK_PREFIX + body.length;
    const decipher = createDecipheriv('aes-256-gcm', options.key, nonceOf(index));
    decipher.setAAD(aadOf(options.headerDigest, index, flag === 1));
    decipher.setAuthTag(body.subarray(length));
    try {
      yield Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
    } catch (cause) {
      throw new VerificationError('backup', `chunk ${index} was altered`, { cause });
    }
    if (flag === 1) {
      if ((await readExactly(file, position, 1)).length > 0) {
        throw new VerificationError('backup', 'bytes follow the final chunk');
      }
      return;
    }
  }
}

/** Splits the decrypted chunks into frames; the stream must end with exactly one END frame. */
export async function* readFrames(chunks: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  let buffer: Buffer = Buffer.alloc(0);
  let ended = false;
  for await (const chunk of chunks) {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    while (buffer.length >= FRAME_PREFIX) {
      if (ended) throw new VerificationError('backup', 'data follows the end of the archive');
      const type = buffer[0] ?? 0;
      const length = buffer.readUInt32BE(1);
      if (length > MAX_FRAME_BYTES) throw new VerificationError('backup', 'a frame is too large');
      if (buffer.length < FRAME_PREFIX + length) break;
      const payload = buffer.subarray(FRAME_PREFIX, FRAME_PREFIX + length);
      buffer = buffer.subarray(FRAME_PREFIX + length);
      if (type === FRAME.end) ended = true;
      else yield { type, payload };
    }
  }
  if (!ended || buffer.length > 0) {
    throw new VerificationError('backup', 'the archive ends without its end mark');
  }
}
