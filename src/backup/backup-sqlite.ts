// Backing up the embedded stores while the server runs. Each file is copied with SQLite's
// `VACUUM INTO`, which reads one consistent snapshot in a single read transaction (WAL readers
// never block the writer, so the server keeps serving) and writes a compact, self-contained
// database. node:sqlite's page-by-page backup() would restart whenever another connection
// writes, which under load could mean never finishing.
import { existsSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { BackupUsageError } from './backup-error.ts';
import { LOG_KEY_FILE } from '../log/log-signer.file.ts';
import { LOG_FILE } from '../log/open-log-store.ts';
import { APP_FILE, DEMO_FILE } from './data-files.ts';
import type { BackupSink, HeaderFacts } from './backup-file.ts';

/** Bytes read from a file per DATA frame. */
const READ_BYTES = 1024 * 1024;

function snapshot(source: string, target: string): void {
  const db = new DatabaseSync(source);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
}

function latestCheckpointOf(logCopy: string): { size: number; note: string } {
  const db = new DatabaseSync(logCopy, { readOnly: true });
  try {
    const row = db
      .prepare('SELECT size, note FROM log_checkpoint ORDER BY size DESC LIMIT 1')
      .get();
    if (row === undefined)
      throw new BackupUsageError('the log holds no checkpoint yet: nothing to back up');
    return { size: Number(row['size']), note: String(row['note']) };
  } finally {
    db.close();
  }
}

/** Streams the file at `path` into the backup as section `name`. */
export async function writeFileSection(sink: BackupSink, path: string, name: string) {
  await sink.section({ kind: 'file', name });
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(READ_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      await sink.data(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
}

/** The snapshots of a data directory's two SQLite stores, taken in the safe order. */
export interface SqliteSnapshot {
  facts: HeaderFacts;
  appCopy: string;
  logCopy: string;
  remove(): Promise<void>;
}

/**
 * Snapshots DATA/vigil.sqlite, THEN DATA/log.sqlite, into a private folder inside the data
 * directory: the copies are as sensitive as the originals, so they stay where those are rather
 * than beside the backup file, which may sit on removable or shared storage.
 *
 * The order is what makes the pair consistent. The log only grows, and every sealed record's
 * entry is durable in the log before the transaction holding its sealed_record row commits
 * (src/seal/sealer.ts). So every row in the application snapshot refers to an entry that was
 * already in the log when that snapshot was taken, hence in the later log snapshot too. The
 * other order could capture a row whose entry was appended after the log was copied: a backup
 * whose records the log does not cover, which restore would refuse.
 */
export async function snapshotSqlite(dataDir: string): Promise<SqliteSnapshot> {
  for (const name of [APP_FILE, LOG_FILE, LOG_KEY_FILE]) {
    if (!existsSync(join(dataDir, name))) {
      throw new BackupUsageError(`no Vigil data in ${dataDir}: ${name} is missing`);
    }
  }
  const folder = await mkdtemp(join(dataDir, '.backup-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  try {
    const appCopy = join(folder, APP_FILE);
    const logCopy = join(folder, LOG_FILE);
    snapshot(join(dataDir, APP_FILE), appCopy);
    snapshot(join(dataDir, LOG_FILE), logCopy);
    const { size, note } = latestCheckpointOf(logCopy);
    return {
      facts: { engine: 'sqlite', logSize: size, checkpoint: note },
      appCopy,
      logCopy,
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Writes the snapshot and the small files of the data directory into `sink`. */
export async function writeSqliteSections(
  sink: BackupSink,
  dataDir: string,
  copies: SqliteSnapshot,
): Promise<void> {
  await writeFileSection(sink, join(dataDir, LOG_KEY_FILE), LOG_KEY_FILE);
  if (existsSync(join(dataDir, DEMO_FILE))) {
    await writeFileSection(sink, join(dataDir, DEMO_FILE), DEMO_FILE);
  }
  await writeFileSection(sink, copies.appCopy, APP_FILE);
  await writeFileSection(sink, copies.logCopy, LOG_FILE);
}
