// `vigil backup`: an online, consistent, encrypted backup of whichever store the mission runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_KEY_FILE } from '../log/log-signer.file.ts';
import { BackupUsageError } from './backup-error.ts';
import { createBackupFile } from './backup-file.ts';
import type { BackupSink, HeaderFacts } from './backup-file.ts';
import { snapshotPostgres } from './backup-pg.ts';
import { snapshotSqlite, writeFileSection, writeSqliteSections } from './backup-sqlite.ts';

/** What to back up and where. */
export interface BackupRequest {
  dataDir: string;
  /** The output file; never overwritten. */
  to: string;
  /** postgres://… when the stores are in PostgreSQL (VIGIL_DATABASE_URL). */
  databaseUrl: string | undefined;
  masterKey: Uint8Array;
}

async function writeAll(
  request: BackupRequest,
  facts: HeaderFacts,
  write: (sink: BackupSink) => Promise<void>,
): Promise<number> {
  const sink = await createBackupFile(request.to, facts, request.masterKey);
  try {
    await write(sink);
    await sink.complete();
  } catch (error) {
    await sink.abort();
    throw error;
  }
  return facts.logSize;
}

/** Takes the backup; resolves with the log size it holds. Leaves no file behind on failure. */
export async function takeBackup(request: BackupRequest): Promise<number> {
  if (existsSync(request.to)) throw new BackupUsageError(`${request.to} exists: choose a new file`);
  if (request.databaseUrl === undefined) {
    const copies = await snapshotSqlite(request.dataDir);
    try {
      return await writeAll(request, copies.facts, (sink) =>
        writeSqliteSections(sink, request.dataDir, copies),
      );
    } finally {
      await copies.remove();
    }
  }
  const keyFile = join(request.dataDir, LOG_KEY_FILE);
  if (!existsSync(keyFile)) throw new BackupUsageError(`no log signing key in ${request.dataDir}`);
  const snapshot = await snapshotPostgres(request.databaseUrl);
  try {
    return await writeAll(request, snapshot.facts, async (sink) => {
      await writeFileSection(sink, keyFile, LOG_KEY_FILE);
      await snapshot.writeTables(sink);
    });
  } finally {
    await snapshot.close();
  }
}
