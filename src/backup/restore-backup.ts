// `vigil restore`: a backup back into an empty data directory (and, for PostgreSQL, an empty
// database), accepted only once the restored log passes the full audit against the last
// published checkpoint and every sealed record is covered. On any refusal everything the
// restore wrote is removed and the database emptied, so a failed restore leaves nothing behind.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupUsageError } from './backup-error.ts';
import { verifierKeyOf } from '../ledger/note-keys.ts';
import { readLogSigner } from '../log/log-signer.file.ts';
import { openLogStore } from '../log/open-log-store.ts';
import { openDatabase } from '../store/open-database.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import { openBackupFile } from './backup-file.ts';
import type { OpenedBackup, ReadSection } from './backup-file.ts';
import type { BackupHeader } from './backup-format.ts';
import { REQUIRED_FILES, RESTORABLE_FILES } from './data-files.ts';
import { installMasterKey } from './master-key-source.ts';
import type { RestoreKey } from './master-key-source.ts';
import { auditRestored } from './restore-audit.ts';
import type { RestoreAudit } from './restore-audit.ts';
import { checkDatabaseEmpty, createSchema, emptyDatabase, PgTableLoader } from './restore-pg.ts';

/** What to restore, where, and what it must be audited against. */
export interface RestoreRequest {
  from: string;
  dataDir: string;
  databaseUrl: string | undefined;
  key: RestoreKey;
  /** The last published checkpoint note (from the public site or a mirror). */
  publishedNote: string;
}

function checkDirectoryEmpty(dataDir: string): void {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupUsageError(
      `${dataDir} is not empty: restore only into an empty data directory`,
    );
  }
}

async function writeFileSection(dataDir: string, read: ReadSection, seen: Set<string>) {
  if (read.section.kind !== 'file') return;
  const { name } = read.section;
  if (!RESTORABLE_FILES.has(name) || seen.has(name)) {
    throw new VerificationError('backup', `unexpected file ${JSON.stringify(name)}`);
  }
  seen.add(name);
  const file = await open(join(dataDir, name), 'wx', 0o600);
  try {
    for await (const bytes of read.data) await file.write(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

async function writeSections(request: RestoreRequest, backup: OpenedBackup): Promise<void> {
  const seen = new Set<string>();
  const loader =
    request.databaseUrl === undefined ? undefined : await PgTableLoader.open(request.databaseUrl);
  try {
    for await (const read of backup.sections()) {
      if (read.section.kind === 'file') await writeFileSection(request.dataDir, read, seen);
      else if (loader === undefined) {
        throw new VerificationError('backup', 'a SQLite backup holds a table section');
      } else await loader.load(read.section, read.data);
    }
    const missing = REQUIRED_FILES[backup.header.engine].filter((name) => !seen.has(name));
    if (missing.length > 0) {
      throw new VerificationError('backup', `it lacks ${missing.join(', ')}`);
    }
    await loader?.commit();
  } finally {
    await loader?.close();
  }
}

async function audit(request: RestoreRequest, header: BackupHeader): Promise<RestoreAudit> {
  const location = { dataDir: request.dataDir, url: request.databaseUrl };
  const store = await openLogStore(location);
  try {
    const database = await openDatabase(location);
    try {
      const logKey = verifierKeyOf(readLogSigner(request.dataDir));
      const result = await auditRestored({
        store,
        db: database.db,
        publishedNote: request.publishedNote,
        logKey,
      });
      // The header is authenticated (every chunk's AAD): it must describe what was restored.
      if ((await store.latestCheckpoint())?.note !== header.checkpoint) {
        throw new VerificationError('backup', 'its log is not the one its header describes');
      }
      return result;
    } finally {
      await database.close();
    }
  } finally {
    await store.close();
  }
}

async function removeRestored(request: RestoreRequest, createdDir: boolean): Promise<void> {
  if (createdDir) await rm(request.dataDir, { recursive: true, force: true });
  else {
    // The directory was empty when the restore began: whatever is in it now, the restore wrote.
    for (const name of await readdir(request.dataDir).catch(() => [])) {
      await rm(join(request.dataDir, name), { recursive: true, force: true });
    }
  }
  if (request.databaseUrl !== undefined) await emptyDatabase(request.databaseUrl);
}

/** Restores, audits, and keeps the result only if the audit passes. */
export async function restoreBackup(request: RestoreRequest): Promise<RestoreAudit> {
  checkDirectoryEmpty(request.dataDir);
  if (request.databaseUrl !== undefined) await checkDatabaseEmpty(request.databaseUrl);
  // A wrong master key is refused here, before anything is written.
  const backup = await openBackupFile(request.from, request.key.key);
  try {
    const wanted = request.databaseUrl === undefined ? 'sqlite' : 'postgres';
    if (backup.header.engine !== wanted) {
      throw new BackupUsageError(
        `this is a ${backup.header.engine} backup; restore it ` +
          (wanted === 'sqlite' ? 'with VIGIL_DATABASE_URL set' : 'without VIGIL_DATABASE_URL'),
      );
    }
    const createdDir = !existsSync(request.dataDir);
    await mkdir(request.dataDir, { recursive: true, mode: 0o700 });
    try {
      if (request.databaseUrl !== undefined) {
        await createSchema(request.databaseUrl, request.dataDir);
      }
      await writeSections(request, backup);
      const result = await audit(request, backup.header);
      await installMasterKey(request.dataDir, request.key);
      return result;
    } catch (error) {
      await removeRestored(request, createdDir);
      throw error;
    }
  } finally {
    await backup.close();
  }
}
