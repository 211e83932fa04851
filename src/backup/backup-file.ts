// A backup file as a whole: written to FILE.partial and renamed into place only once complete
// and flushed (a crash never leaves something that looks like a backup), read back as a clear
// header plus a sequence of authenticated sections. A section is a file of the data directory
// or a table of the PostgreSQL database; its DATA frames follow it.
import { randomBytes } from 'node:crypto';
import { link, open, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { BackupUsageError } from './backup-error.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import { ChunkWriter, FRAME, readChunks, readFrames } from './backup-cipher.ts';
import type { Frame } from './backup-cipher.ts';
import {
  checkBackupKey,
  deriveBackupKeys,
  encodeHeader,
  headerDigest,
  headerSalt,
  MAX_HEADER_BYTES,
  newBackupSalt,
  parseHeader,
} from './backup-format.ts';
import type { BackupHeader } from './backup-format.ts';

const sectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), name: z.string() }),
  z.strictObject({
    kind: z.literal('table'),
    table: z.string().regex(/^[a-z_][a-z0-9_]*$/),
    columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
  }),
]);

/** What a section holds: one file of the data directory, or one table's rows. */
export type Section = z.infer<typeof sectionSchema>;

/** What the header says besides what the writer fills in (salt, key check, format). */
export type HeaderFacts = Pick<BackupHeader, 'engine' | 'logSize' | 'checkpoint'>;

/** An open backup being written. Call `complete` or `abort`. */
export interface BackupSink {
  section(section: Section): Promise<void>;
  data(bytes: Uint8Array): Promise<void>;
  complete(): Promise<void>;
  abort(): Promise<void>;
}

/** Creates `path` (refusing to overwrite) and writes its header; sections follow. */
export async function createBackupFile(
  path: string,
  facts: HeaderFacts,
  masterKey: Uint8Array,
): Promise<BackupSink> {
  const salt = newBackupSalt((bytes) => randomBytes(bytes));
  const keys = deriveBackupKeys(masterKey, Buffer.from(salt, 'base64'));
  const header: BackupHeader = {
    format: 1,
    ...facts,
    createdAt: new Date().toISOString(),
    salt,
    keyCheck: keys.keyCheck,
  };
  const partial = `${path}.${randomBytes(6).toString('hex')}.partial`;
  const file = await open(partial, 'wx', 0o600);
  const headerBytes = encodeHeader(header);
  await file.write(headerBytes);
  const chunks = new ChunkWriter(file, keys.streamKey, headerDigest(headerBytes));
  return {
    section: (section) => chunks.writeFrame(FRAME.section, Buffer.from(JSON.stringify(section))),
    data: (bytes) => chunks.writeFrame(FRAME.data, bytes),
    async complete() {
      await chunks.finish();
      await file.sync();
      await file.close();
      // link, not rename: it fails if `path` appeared meanwhile, so nothing is overwritten.
      try {
        await link(partial, path);
      } catch (cause) {
        throw new BackupUsageError(`cannot create ${path}`, { cause });
      } finally {
        await unlink(partial);
      }
    },
    async abort() {
      await file.close().catch(() => undefined);
      await unlink(partial).catch(() => undefined);
    },
  };
}

async function openForReading(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (cause) {
    throw new BackupUsageError(`cannot read ${path}`, { cause });
  }
}

async function readHeaderOf(file: FileHandle) {
  const prefix = Buffer.alloc(MAX_HEADER_BYTES);
  const { bytesRead } = await file.read(prefix, 0, prefix.length, 0);
  const parsed = parseHeader(prefix.subarray(0, bytesRead));
  return { ...parsed, bytes: prefix.subarray(0, parsed.length) };
}

/** The clear header of the backup at `path`: readable without any key. */
export async function readBackupHeader(path: string): Promise<BackupHeader> {
  const file = await openForReading(path);
  try {
    return (await readHeaderOf(file)).header;
  } finally {
    await file.close();
  }
}

/** A section read back, with its DATA frames to consume before asking for the next section. */
export interface ReadSection {
  section: Section;
  data: AsyncGenerator<Buffer>;
}

/** An opened backup: its header, checked against the master key, and its sections in order. */
export interface OpenedBackup {
  header: BackupHeader;
  sections(): AsyncGenerator<ReadSection>;
  close(): Promise<void>;
}

function parseSection(payload: Buffer): Section {
  try {
    return sectionSchema.parse(JSON.parse(payload.toString('utf8')));
  } catch (cause) {
    throw new VerificationError('backup', 'a section header is malformed', { cause });
  }
}

/** Opens `path` under `masterKey`; refuses a wrong key before any data is read. */
export async function openBackupFile(path: string, masterKey: Uint8Array): Promise<OpenedBackup> {
  const file = await openForReading(path);
  try {
    const { header, length, bytes } = await readHeaderOf(file);
    const keys = deriveBackupKeys(masterKey, headerSalt(header));
    checkBackupKey(header, keys);
    // The header's exact bytes are in every chunk's AAD: an edited header fails like any other
    // alteration, even one that parses to the same values.
    const digest = headerDigest(bytes);
    const frames = readFrames(
      readChunks(file, length, { key: keys.streamKey, headerDigest: digest }),
    );
    return { header, sections: () => splitSections(frames), close: () => file.close() };
  } catch (error) {
    await file.close();
    throw error;
  }
}

async function* splitSections(frames: AsyncGenerator<Frame>): AsyncGenerator<ReadSection> {
  let next = await frames.next();
  while (!next.done) {
    if (next.value.type !== FRAME.section) {
      throw new VerificationError('backup', 'data outside any section');
    }
    const section = parseSection(next.value.payload);
    const state = { next: await frames.next() };
    async function* data(): AsyncGenerator<Buffer> {
      while (!state.next.done && state.next.value.type === FRAME.data) {
        yield state.next.value.payload;
        state.next = await frames.next();
      }
    }
    const reader = data();
    yield { section, data: reader };
    // Drain whatever the consumer left, so the next section starts at its own frame.
    let drained = await reader.next();
    while (drained.done !== true) drained = await reader.next();
    next = state.next;
  }
}
