// Runs the application migrations. The list is static (not read from a folder) so that the
// same code works from a checkout, a bundle or a test, and the order is explicit.
import { Migrator } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import * as apiToken from './migrations/0001-api-token.ts';
import * as staff from './migrations/0002-staff.ts';
import * as sealedRecord from './migrations/0003-sealed-record.ts';
import * as people from './migrations/0004-people.ts';
import * as passage from './migrations/0005-passage.ts';
import * as sync from './migrations/0006-sync.ts';
import * as partialJourneyIndexes from './migrations/0007-partial-journey-indexes.ts';
import * as monitoringIntake from './migrations/0008-monitoring-intake.ts';
import * as incidents from './migrations/0009-incidents.ts';
import * as evidence from './migrations/0010-evidence.ts';
import * as commitments from './migrations/0011-commitments.ts';
import * as duplicates from './migrations/0012-duplicates.ts';
import * as personKind from './migrations/0013-person-kind.ts';
import * as sharedLimits from './migrations/0014-shared-limits.ts';
import * as feeds from './migrations/0017-feeds.ts';
import * as bulletins from './migrations/0015-bulletins.ts';
import * as openData from './migrations/0016-open-data.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-api-token': apiToken,
  '0002-staff': staff,
  '0003-sealed-record': sealedRecord,
  '0004-people': people,
  '0005-passage': passage,
  '0006-sync': sync,
  '0007-partial-journey-indexes': partialJourneyIndexes,
  '0008-monitoring-intake': monitoringIntake,
  '0009-incidents': incidents,
  '0010-evidence': evidence,
  '0011-commitments': commitments,
  '0012-duplicates': duplicates,
  '0013-person-kind': personKind,
  '0014-shared-limits': sharedLimits,
  '0017-feeds': feeds,
  '0015-bulletins': bulletins,
  '0016-open-data': openData,
};

/** Brings the database to the latest schema; throws if any migration fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  }
}
