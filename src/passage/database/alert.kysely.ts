import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { AlertTable } from '../passage.tables.ts';
import type {
  Alert,
  AlertAcknowledgement,
  AlertCursor,
  AlertRepository,
} from './alert.repository.ts';
import { isJsonObject, parseJsonColumn } from './json-column.ts';

function toAlert(row: Selectable<AlertTable>): Alert {
  return {
    id: row.id,
    type: row.type,
    severity: row.severity,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    dedupeKey: row.dedupe_key,
    raisedAt: row.raised_at,
    details: parseJsonColumn(row.details, isJsonObject, 'alert.details'),
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}

/** Alerts in portable Kysely; `db` may be the pool or a transaction. */
export class KyselyAlertRepository implements AlertRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(alert: Alert): Promise<boolean> {
    const rows = await this.#db
      .insertInto('alert')
      .values({
        id: alert.id,
        type: alert.type,
        severity: alert.severity,
        subject_type: alert.subjectType,
        subject_id: alert.subjectId,
        dedupe_key: alert.dedupeKey,
        raised_at: alert.raisedAt,
        details: JSON.stringify(alert.details),
        acknowledged_at: alert.acknowledgedAt,
        acknowledged_by: alert.acknowledgedBy,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    return rows.length === 1;
  }

  async get(id: string): Promise<Alert | undefined> {
    const row = await this.#db
      .selectFrom('alert')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toAlert(row);
  }

  async listSince(cursor: AlertCursor | undefined, limit: number): Promise<Alert[]> {
    let query = this.#db
      .selectFrom('alert')
      .selectAll()
      .orderBy('raised_at')
      .orderBy('id')
      .limit(limit);
    if (cursor !== undefined) {
      // Keyset: strictly after (raisedAt, id), so equal timestamps are neither lost nor repeated.
      query = query.where((eb) =>
        eb.or([
          eb('raised_at', '>', cursor.raisedAt),
          eb.and([eb('raised_at', '=', cursor.raisedAt), eb('id', '>', cursor.id)]),
        ]),
      );
    }
    return (await query.execute()).map(toAlert);
  }

  async listUnacknowledged(limit: number): Promise<Alert[]> {
    const rows = await this.#db
      .selectFrom('alert')
      .selectAll()
      .where('acknowledged_at', 'is', null)
      .orderBy('raised_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toAlert);
  }

  async acknowledge(acknowledgement: AlertAcknowledgement): Promise<boolean> {
    const result = await this.#db
      .updateTable('alert')
      .set({ acknowledged_at: acknowledgement.at, acknowledged_by: acknowledgement.by })
      .where('id', '=', acknowledgement.id)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
