// `vigil restore --from FILE --data DIR --checkpoint FILE|--checkpoint-url URL`: brings a
// backup back into an empty data directory (and an empty PostgreSQL database when
// VIGIL_DATABASE_URL is set), and keeps it only if the restored log passes the full audit
// against the last published checkpoint. `vigil restore --check FILE` reads the clear header
// without any key. Exit 0 restored, 1 refused (nothing kept), 2 usage or I/O.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { readBackupHeader } from '../backup/backup-file.ts';
import { masterKeyForRestore } from '../backup/master-key-source.ts';
import { restoreBackup } from '../backup/restore-backup.ts';
import { isPostgresUrl } from '../store/open-database.ts';
import { UsageError } from './cli-error.ts';

/** A checkpoint note is a few hundred bytes; anything far larger is not one. */
const MAX_CHECKPOINT_BYTES = 64 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

interface RestoreOptions {
  from?: string;
  data?: string;
  check?: string;
  checkpoint?: string;
  checkpointUrl?: string;
  masterKey?: string;
}

async function fetchCheckpointNote(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (cause) {
    throw new UsageError(`cannot fetch ${url}`, { cause });
  }
  if (!response.ok) throw new UsageError(`${url}: HTTP ${String(response.status)}`);
  const text = await response.text();
  if (text.length > MAX_CHECKPOINT_BYTES) throw new UsageError(`${url} is not a checkpoint`);
  return text;
}

// Read before anything is written: an unreachable site must not leave a half restore behind.
async function publishedNote(options: RestoreOptions): Promise<string> {
  if ((options.checkpoint === undefined) === (options.checkpointUrl === undefined)) {
    throw new UsageError(
      'give the last published checkpoint: --checkpoint FILE or --checkpoint-url URL (one of them)',
    );
  }
  if (options.checkpointUrl !== undefined) return fetchCheckpointNote(options.checkpointUrl);
  const path = options.checkpoint ?? '';
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new UsageError(`cannot read ${path}`, { cause });
  }
}

async function printHeader(file: string): Promise<void> {
  const header = await readBackupHeader(file);
  process.stdout.write(
    `Vigil backup, format ${String(header.format)}, ${header.engine} stores, ` +
      `created ${header.createdAt}\nlog size ${String(header.logSize)}; its checkpoint:\n` +
      header.checkpoint,
  );
}

async function restore(options: RestoreOptions): Promise<void> {
  if (options.check !== undefined) {
    await printHeader(options.check);
    return;
  }
  if (options.from === undefined || options.data === undefined) {
    throw new UsageError('give --from FILE and --data DIR (or --check FILE)');
  }
  const url = process.env['VIGIL_DATABASE_URL'];
  const note = await publishedNote(options);
  const key = await masterKeyForRestore(options.masterKey, process.env);
  const result = await restoreBackup({
    from: options.from,
    dataDir: options.data,
    databaseUrl: isPostgresUrl(url) ? url : undefined,
    key,
    publishedNote: note,
  });
  process.stdout.write(
    `restored into ${options.data}: the log of ${String(result.size)} entries passed the full ` +
      `audit and extends the published checkpoint of size ${String(result.publishedSize)}; ` +
      `${String(result.sealedRecords)} sealed records match their entries.\n`,
  );
}

/** Registers `vigil restore`. */
export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('restore a backup into an empty data directory, after a full audit of its log')
    .option('--from <file>', 'the backup file')
    .option('--data <dir>', 'the empty (or new) data directory to restore into')
    .option('--checkpoint <file>', 'the last published checkpoint note')
    .option('--checkpoint-url <url>', 'where to fetch the last published checkpoint')
    .option('--master-key <file>', 'the master key kept apart (default: VIGIL_MASTER_KEY)')
    .option('--check <file>', "print a backup's clear header; needs no key")
    .action(restore);
}
