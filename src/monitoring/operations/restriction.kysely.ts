// Access restrictions in portable Kysely; `db` may be the pool or a transaction.
import type { Kysely, Selectable } from 'kysely';
import { requireVersionedUpdate } from '../../passage/database/versioned-update.kysely.ts';
import type { Database } from '../../store/schema.ts';
import type { AccessRestrictionTable } from '../commitments/commitments.tables.ts';
import type {
  AccessRestriction,
  RestrictionFilter,
  RestrictionRepository,
  RestrictionVersion,
} from './restriction.repository.ts';

/** The content columns a restriction and each of its versions share. */
function contentColumns(
  content: Omit<RestrictionVersion, 'restrictionId' | 'reason' | 'at' | 'actor' | 'version'>,
) {
  return {
    kind: content.kind,
    sub_kind: content.subKind,
    occurred_at: content.occurredAt,
    place_id: content.placeId,
    duration_minutes: content.durationMinutes,
    imposed_by: content.imposedBy,
    patrol_id: content.patrolId,
    description: content.description,
  };
}

function versionRow(version: RestrictionVersion) {
  return {
    restriction_id: version.restrictionId,
    version: version.version,
    ...contentColumns(version),
    reason: version.reason,
    at: version.at,
    actor: version.actor,
  };
}

function toRestriction(row: Selectable<AccessRestrictionTable>): AccessRestriction {
  return {
    id: row.id,
    kind: row.kind,
    subKind: row.sub_kind,
    occurredAt: row.occurred_at,
    placeId: row.place_id,
    durationMinutes: row.duration_minutes,
    imposedBy: row.imposed_by,
    patrolId: row.patrol_id,
    description: row.description,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** Access restrictions on either engine. */
export class KyselyRestrictionRepository implements RestrictionRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(restriction: AccessRestriction, first: RestrictionVersion): Promise<void> {
    await this.#db
      .insertInto('access_restriction')
      .values({
        id: restriction.id,
        ...contentColumns(restriction),
        recorded_by: restriction.recordedBy,
        created_at: restriction.createdAt,
        version: restriction.version,
      })
      .execute();
    await this.#db.insertInto('access_restriction_version').values(versionRow(first)).execute();
  }

  async get(id: string): Promise<AccessRestriction | undefined> {
    const row = await this.#db
      .selectFrom('access_restriction')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toRestriction(row);
  }

  async correct(next: RestrictionVersion): Promise<void> {
    const id = next.restrictionId;
    const expectedVersion = next.version - 1;
    const result = await this.#db
      .updateTable('access_restriction')
      .set({ ...contentColumns(next), version: next.version })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    await requireVersionedUpdate(result, { kind: 'access_restriction', id, expectedVersion }, () =>
      this.#db
        .selectFrom('access_restriction')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirst(),
    );
    await this.#db.insertInto('access_restriction_version').values(versionRow(next)).execute();
  }

  async versions(id: string): Promise<RestrictionVersion[]> {
    const rows = await this.#db
      .selectFrom('access_restriction_version')
      .selectAll()
      .where('restriction_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((row) => ({
      restrictionId: row.restriction_id,
      version: row.version,
      kind: row.kind,
      subKind: row.sub_kind,
      occurredAt: row.occurred_at,
      placeId: row.place_id,
      durationMinutes: row.duration_minutes,
      imposedBy: row.imposed_by,
      patrolId: row.patrol_id,
      description: row.description,
      reason: row.reason,
      at: row.at,
      actor: row.actor,
    }));
  }

  async list(filter: RestrictionFilter): Promise<AccessRestriction[]> {
    let query = this.#db.selectFrom('access_restriction').selectAll();
    if (filter.from !== undefined) query = query.where('occurred_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('occurred_at', '<', filter.to);
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    const rows = await query
      .orderBy('occurred_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .execute();
    return rows.map(toRestriction);
  }

  async listForPatrol(patrolId: string): Promise<AccessRestriction[]> {
    const rows = await this.#db
      .selectFrom('access_restriction')
      .selectAll()
      .where('patrol_id', '=', patrolId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    return rows.map(toRestriction);
  }
}
