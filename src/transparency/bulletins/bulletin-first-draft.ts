// When the daily job starts drafting. A mission's first server start would otherwise draft, at
// once, the report of the day before — a day it recorded nothing of, so a report of zeros that
// says nothing and that an analyst must still dismiss. The job drafts only once the mission
// has a bulletin, or the period to report on holds something; after that, every day gets its
// report, quiet days included (a day with nothing to report is news too).
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { countPeriod } from './bulletin-counts.kysely.ts';
import type { CountPeriod } from './bulletin-counts.kysely.ts';

/** True once the daily job should draft `period`'s report (see above). */
export async function isReportingStarted(
  db: Kysely<Database>,
  period: CountPeriod,
): Promise<boolean> {
  const any = await db.selectFrom('bulletin').select('id').limit(1).executeTakeFirst();
  if (any !== undefined) return true;
  const counts = await countPeriod(db, period);
  return (
    counts.passages.some((passage) => passage.people > 0) ||
    counts.incidentsReported > 0 ||
    counts.incidentsVerified > 0 ||
    Object.values(counts.restrictions).some((count) => count > 0) ||
    counts.hotlineResponded + counts.hotlineUnanswered > 0
  );
}
