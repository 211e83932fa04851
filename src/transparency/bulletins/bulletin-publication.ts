// Publications one at a time. The check that keeps the weekly report's audit true of everything
// public (bulletin-publication-check.ts) reads which reports are published; two publications at
// once — a daily report and a weekly one covering its day — could each pass it before the other
// wrote, and both go out. So the check, the seal and the write run in one transaction under a
// lock: PostgreSQL takes a transaction-level advisory lock (every server of the mission shares
// it); SQLite's single connection runs one transaction at a time already.
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';

// 'vigi' 'bpub': a key no other lock of Vigil uses (the log leader's is 'vigi' 'lead').
const LOCK = [0x76696769, 0x62707562] as const;

/** Runs `work` in a transaction no other bulletin publication runs beside. */
export function publishingAlone<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`select pg_advisory_xact_lock(${LOCK[0]}, ${LOCK[1]})`.execute(trx);
    }
    return work(trx);
  });
}
