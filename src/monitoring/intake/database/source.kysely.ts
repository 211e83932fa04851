import type { Kysely, Selectable } from 'kysely';
import { requireVersionedUpdate } from '../../../passage/database/versioned-update.kysely.ts';
import type { Database } from '../../../store/schema.ts';
import type { SourceGradingTable, SourceTable } from '../../monitoring.tables.ts';
import { RELIABILITIES, SOURCE_KINDS } from '../../model/vocabulary.ts';
import type { Reliability, SourceKind } from '../../model/vocabulary.ts';
import { storedWord } from './stored-word.ts';
import type {
  Source,
  SourceChange,
  SourceFilter,
  SourceGrading,
  SourceRepository,
} from './source.repository.ts';

function toSource(row: Selectable<SourceTable>): Source {
  return {
    id: row.id,
    kind: storedWord<SourceKind>(SOURCE_KINDS, row.kind, 'source.kind'),
    label: row.label,
    reliability: storedWord<Reliability>(RELIABILITIES, row.reliability, 'reliability'),
    atRisk: row.at_risk === 1,
    contactPersonRef: row.contact_person_ref,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function toGrading(row: Selectable<SourceGradingTable>): SourceGrading {
  return {
    version: row.version,
    reliability: storedWord<Reliability>(RELIABILITIES, row.reliability, 'reliability'),
    reason: row.reason,
    at: row.at,
    actor: row.actor,
  };
}

/** Sources in portable Kysely; `db` may be the pool or a transaction. */
export class KyselySourceRepository implements SourceRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(source: Source, grading: SourceGrading): Promise<void> {
    await this.#db
      .insertInto('source')
      .values({
        id: source.id,
        kind: source.kind,
        label: source.label,
        reliability: source.reliability,
        at_risk: source.atRisk ? 1 : 0,
        contact_person_ref: source.contactPersonRef,
        created_at: source.createdAt,
        updated_at: source.updatedAt,
        version: source.version,
      })
      .execute();
    await this.#insertGrading(source.id, grading);
  }

  async get(id: string): Promise<Source | undefined> {
    const row = await this.#db
      .selectFrom('source')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toSource(row);
  }

  async list(filter: SourceFilter): Promise<Source[]> {
    let query = this.#db.selectFrom('source').selectAll();
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.atRisk !== undefined) query = query.where('at_risk', '=', filter.atRisk ? 1 : 0);
    if (filter.label !== undefined) query = query.where('label', '=', filter.label);
    const rows = await query.orderBy('label').limit(filter.limit).execute();
    return rows.map(toSource);
  }

  async gradings(id: string): Promise<SourceGrading[]> {
    const rows = await this.#db
      .selectFrom('source_grading')
      .selectAll()
      .where('source_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map(toGrading);
  }

  async regrade(
    change: SourceChange,
    grading: Omit<SourceGrading, 'version' | 'at'>,
  ): Promise<void> {
    await this.#bump(change, { reliability: grading.reliability });
    await this.#insertGrading(change.id, {
      ...grading,
      version: change.expectedVersion + 1,
      at: change.at,
    });
  }

  async setAtRisk(change: SourceChange, atRisk: boolean): Promise<void> {
    await this.#bump(change, { at_risk: atRisk ? 1 : 0 });
  }

  async #bump(
    change: SourceChange,
    columns: { reliability?: Reliability; at_risk?: number },
  ): Promise<void> {
    const result = await this.#db
      .updateTable('source')
      .set({ ...columns, updated_at: change.at, version: change.expectedVersion + 1 })
      .where('id', '=', change.id)
      .where('version', '=', change.expectedVersion)
      .executeTakeFirst();
    await requireVersionedUpdate(
      result,
      { kind: 'source', id: change.id, expectedVersion: change.expectedVersion },
      () => this.get(change.id),
    );
  }

  async #insertGrading(sourceId: string, grading: SourceGrading): Promise<void> {
    await this.#db
      .insertInto('source_grading')
      .values({
        source_id: sourceId,
        version: grading.version,
        reliability: grading.reliability,
        reason: grading.reason,
        at: grading.at,
        actor: grading.actor,
      })
      .execute();
  }
}
