// The application database schema as Kysely sees it: one interface per table, grouped per
// domain in `<domain>/<domain>.tables.ts`. Migrations in ./migrations build the same tables on
// SQLite and PostgreSQL. Portable types only: text (ISO-8601 UTC timestamps, UUIDs, base64),
// integer/bigint (counts, 0/1 flags), real; no engine-specific type outside an adapter.
import type { AuthTables } from '../auth/auth.tables.ts';
import type { AnalysisTables } from '../monitoring/analysis/analysis.tables.ts';
import type { CommitmentTables } from '../monitoring/commitments/commitments.tables.ts';
import type { EvidenceTables } from '../monitoring/evidence/evidence.tables.ts';
import type { MonitoringTables } from '../monitoring/monitoring.tables.ts';
import type { PassageTables } from '../passage/passage.tables.ts';
import type { PeopleTables } from '../people/people.tables.ts';
import type { SealTables } from '../seal/seal.tables.ts';
import type { SyncTables } from '../sync/sync.tables.ts';
import type { FeedsTables } from '../transparency/feeds/feeds.tables.ts';
import type { BulletinTables } from '../transparency/bulletins/bulletins.tables.ts';
import type { OpenDataTables } from '../transparency/open-data/open-data.tables.ts';

/** api_token: bearer tokens for partners and devices, stored only as SHA-256 digests. */
export interface ApiTokenTable {
  id: string;
  name: string;
  role: string;
  token_sha256: string;
  created_at: string;
  revoked_at: string | null;
}

/** Every table of the application database. */
export interface Database
  extends
    AuthTables,
    SealTables,
    PeopleTables,
    PassageTables,
    SyncTables,
    MonitoringTables,
    EvidenceTables,
    CommitmentTables,
    AnalysisTables,
    BulletinTables,
    OpenDataTables,
    FeedsTables {
  api_token: ApiTokenTable;
}
