// A backup or restore that cannot go ahead for a reason the operator must fix (a missing key, a
// non-empty target, an unreadable file): the CLI prints it and exits 2, and nothing is written.
// Refusals of the backup's contents are VerificationErrors instead (exit 1).

/** A usage or I/O problem of backup and restore; `code` makes the CLI exit 2. */
export class BackupUsageError extends Error {
  readonly code = 'backup_usage';

  constructor(message: string, options?: { cause?: unknown }) {
    // The cause (say ENOENT) belongs in the one line the operator reads.
    const cause = options?.cause instanceof Error ? ` (${options.cause.message})` : '';
    super(`${message}${cause}`, options);
    this.name = 'BackupUsageError';
  }
}
