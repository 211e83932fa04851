// `vigil backup --to FILE`: an online, consistent, encrypted backup of the data directory's
// stores (or of the PostgreSQL database when VIGIL_DATABASE_URL is set), taken while the server
// may be running. Exit 0 written, 2 usage or I/O (no file is left behind then).
import type { Command } from 'commander';
import { masterKeyForBackup } from '../backup/master-key-source.ts';
import { takeBackup } from '../backup/take-backup.ts';
import { isPostgresUrl } from '../store/open-database.ts';
import { registerRestore } from './restore.command.ts';

interface BackupOptions {
  to: string;
  data: string;
}

/** Registers `vigil backup` and its counterpart `vigil restore` (restore.command.ts). */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write an encrypted, consistent backup of the stores (the server may run)')
    .requiredOption('--to <file>', 'the backup file to create (never overwritten)')
    .option('--data <dir>', 'data directory', 'data')
    .action(async (options: BackupOptions) => {
      const url = process.env['VIGIL_DATABASE_URL'];
      const size = await takeBackup({
        dataDir: options.data,
        to: options.to,
        databaseUrl: isPostgresUrl(url) ? url : undefined,
        masterKey: masterKeyForBackup(options.data, process.env),
      });
      process.stdout.write(
        `backup written to ${options.to}: the stores with a log of ${size} entries.\n` +
          'It opens only with the master key, which it does not contain: keep that key apart.\n',
      );
    });
  registerRestore(program);
}
