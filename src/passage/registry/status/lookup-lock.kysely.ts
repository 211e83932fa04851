// The wrong birth years of the family status look-up, counted per household in the database
// (status_lookup_wrong_year, migration 0014) so that the lock holds across every server process
// on one PostgreSQL and survives a restart. A count starts with the first wrong year and is
// forgotten a lock period later; counting is one atomic upsert, so two processes counting the
// same household at once never lose a wrong year.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** The counts' rules: how many wrong years lock a code, and for how long they are counted. */
export interface LookupLockRules {
  maxWrongYears: number;
  lockMs: number;
}

interface CountRow {
  wrong_years: number;
  since_ms: number;
}

/** Reads and counts wrong birth years per household. */
export class LookupLock {
  readonly #db: Kysely<unknown>;
  readonly #rules: LookupLockRules;

  constructor(db: Kysely<unknown>, rules: LookupLockRules) {
    this.#db = db;
    this.#rules = rules;
  }

  /** True while `householdId` has taken the maximum of wrong years within the lock period. */
  async isLocked(householdId: string, now: number): Promise<boolean> {
    const { rows } = await sql<CountRow>`
      select wrong_years, since_ms from status_lookup_wrong_year
      where household_id = ${householdId}`.execute(this.#db);
    const row = rows[0];
    if (row === undefined || now - row.since_ms >= this.#rules.lockMs) return false;
    return row.wrong_years >= this.#rules.maxWrongYears;
  }

  /** Counts one wrong year; a count older than the lock period starts again at 1. */
  async countWrongYear(householdId: string, now: number): Promise<void> {
    const expired = now - this.#rules.lockMs;
    await sql`
      insert into status_lookup_wrong_year (household_id, wrong_years, since_ms)
      values (${householdId}, 1, ${now})
      on conflict (household_id) do update set
        wrong_years = case when status_lookup_wrong_year.since_ms <= ${expired} then 1
                           else status_lookup_wrong_year.wrong_years + 1 end,
        since_ms = case when status_lookup_wrong_year.since_ms <= ${expired} then ${now}
                        else status_lookup_wrong_year.since_ms end`.execute(this.#db);
  }

  /** Forgets the household's wrong years (after a right one). */
  async forget(householdId: string): Promise<void> {
    await sql`delete from status_lookup_wrong_year
              where household_id = ${householdId}`.execute(this.#db);
  }
}
