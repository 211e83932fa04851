import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../test/support/temp-dir.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import { createBackupFile, openBackupFile, readBackupHeader } from './backup-file.ts';
import { CHUNK_BYTES, parseHeader } from './backup-format.ts';

const dir = tempDir();
const masterKey = new Uint8Array(randomBytes(32));
const facts = { engine: 'sqlite' as const, logSize: 3, checkpoint: 'example.org/log\n3\n…\n' };
// Two and a half chunks of content, so chunk boundaries fall inside frames.
const big = new Uint8Array(randomBytes(Math.floor(CHUNK_BYTES * 2.5)));
const small = new Uint8Array(Buffer.from('log signer key'));

async function writeSample(name: string): Promise<string> {
  const path = join(dir, name);
  const sink = await createBackupFile(path, facts, masterKey);
  await sink.section({ kind: 'file', name: 'log-signer.key' });
  await sink.data(small);
  await sink.section({ kind: 'file', name: 'vigil.sqlite' });
  await sink.data(big.subarray(0, CHUNK_BYTES));
  await sink.data(big.subarray(CHUNK_BYTES));
  await sink.complete();
  return path;
}

async function readAll(path: string, key = masterKey): Promise<Map<string, Buffer>> {
  const backup = await openBackupFile(path, key);
  const files = new Map<string, Buffer>();
  try {
    for await (const { section, data } of backup.sections()) {
      const parts: Buffer[] = [];
      for await (const part of data) parts.push(part);
      files.set(section.kind === 'file' ? section.name : section.table, Buffer.concat(parts));
    }
  } finally {
    await backup.close();
  }
  return files;
}

// Offsets of each chunk (prefix included) after the header: u32 length, u8 flag, body, tag.
function chunkOffsets(bytes: Buffer): number[] {
  const offsets: number[] = [];
  let at = parseHeader(bytes).length;
  while (at < bytes.length) {
    offsets.push(at);
    at += 5 + bytes.readUInt32BE(at) + 16;
  }
  return offsets;
}

const sample = await writeSample('sample.backup');

async function refused(bytes: Buffer, reason: RegExp): Promise<void> {
  const path = join(dir, `${randomBytes(4).toString('hex')}.backup`);
  writeFileSync(path, bytes);
  await assert.rejects(readAll(path), (error: unknown) => {
    assert.ok(error instanceof VerificationError);
    assert.match(error.message, reason);
    return true;
  });
}

describe('backup files', () => {
  it('round-trips sections across several chunks, and the header reads without a key', async () => {
    const files = await readAll(sample);
    assert.deepEqual([...files.keys()], ['log-signer.key', 'vigil.sqlite']);
    assert.ok(files.get('vigil.sqlite')?.equals(big));
    assert.ok(files.get('log-signer.key')?.equals(small));
    const header = await readBackupHeader(sample);
    assert.equal(header.logSize, 3);
    assert.equal(header.engine, 'sqlite');
    assert.ok(chunkOffsets(readFileSync(sample)).length >= 3);
  });

  it('uses a new salt, hence a new key, for every file', async () => {
    const other = await writeSample('other.backup');
    assert.notEqual((await readBackupHeader(other)).salt, (await readBackupHeader(sample)).salt);
  });

  it('refuses another master key before reading any data', async () => {
    await assert.rejects(readAll(sample, new Uint8Array(randomBytes(32))), /another master key/);
  });

  it('refuses swapped chunks', async () => {
    const bytes = readFileSync(sample);
    const [first, second, third] = chunkOffsets(bytes);
    assert.ok(first !== undefined && second !== undefined && third !== undefined);
    const swapped = Buffer.concat([
      bytes.subarray(0, first),
      bytes.subarray(second, third),
      bytes.subarray(first, second),
      bytes.subarray(third),
    ]);
    await refused(swapped, /chunk 0 was altered/);
  });

  it('refuses a file cut at a chunk boundary (no final chunk)', async () => {
    const bytes = readFileSync(sample);
    const last = chunkOffsets(bytes).at(-1) ?? 0;
    await refused(bytes.subarray(0, last), /truncated/);
  });

  it('refuses bytes appended after the final chunk', async () => {
    await refused(Buffer.concat([readFileSync(sample), Buffer.from([0])]), /follow the final/);
  });

  it('refuses a file that is not a backup', async () => {
    await refused(Buffer.from('SQLite format 3\0'), /not a Vigil backup/);
  });
});
