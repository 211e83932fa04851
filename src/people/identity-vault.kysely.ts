// The identity vault's repository in portable Kysely: the same SQL on SQLite and PostgreSQL.
// Multi-row inserts are chunked to 500 rows, under both engines' bound-parameter limits.
import type { Kysely } from 'kysely';
import { insertSeals } from '../seal/seal.kysely.ts';
import type { Seal } from '../seal/sealer.ts';
import type { Database } from '../store/schema.ts';
import type {
  AuditEvent,
  Destruction,
  ExpiredPerson,
  IdentityRepository,
  PeopleBatch,
  RetentionChange,
  StoredPerson,
} from './identity-vault.repository.ts';
import type { BlindIndexField } from './keyring.ts';
import {
  chunks,
  destroyChunk,
  insertBlindIndexes,
  insertPeopleRows,
} from './person-rows.kysely.ts';
import type { BlindIndexRow } from './person-rows.kysely.ts';

const KEY_CHECK_ID = 'master';

/** IdentityRepository over a Kysely<Database> (SQLite or PostgreSQL). */
export class KyselyIdentityRepository implements IdentityRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertPeople(batches: AsyncIterable<PeopleBatch>): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const indexRows: BlindIndexRow[] = [];
      for await (const batch of batches) {
        indexRows.push(...(await insertPeopleRows(trx, batch.people)));
        await insertSeals(trx, batch.seals);
      }
      await insertBlindIndexes(trx, indexRows);
    });
  }

  async findPerson(personRef: string): Promise<StoredPerson | undefined> {
    const [person] = await this.#selectPeople([personRef], false);
    return person;
  }

  async findLivePeople(personRefs: readonly string[]): Promise<StoredPerson[]> {
    const out: StoredPerson[] = [];
    for (const chunk of chunks(personRefs)) out.push(...(await this.#selectPeople(chunk, true)));
    return out;
  }

  async #selectPeople(personRefs: readonly string[], liveOnly: boolean): Promise<StoredPerson[]> {
    if (personRefs.length === 0) return [];
    let query = this.#db
      .selectFrom('person_identity as p')
      .innerJoin('data_key as k', 'k.id', 'p.key_id')
      .select([
        'p.person_ref as personRef',
        'p.household_ref as householdRef',
        'p.kind as kind',
        'p.key_id as keyId',
        'k.wrapped as wrappedKey',
        'p.fields as fields',
        'p.version as version',
        'p.retention_category as retentionCategory',
        'p.retain_until as retainUntil',
        'p.destroyed_at as destroyedAt',
      ])
      .where('p.person_ref', 'in', personRefs);
    if (liveOnly) query = query.where('p.destroyed_at', 'is', null);
    const rows = await query.execute();
    return rows;
  }

  async findByBlindIndex(
    field: BlindIndexField,
    hmacs: readonly string[],
    limit: number,
  ): Promise<string[]> {
    if (hmacs.length === 0) return [];
    const rows = await this.#db
      .selectFrom('blind_index')
      .select('person_ref')
      .distinct()
      .where('field', '=', field)
      .where('value_hmac', 'in', hmacs)
      .orderBy('person_ref')
      .limit(limit)
      .execute();
    return rows.map((row) => row.person_ref);
  }

  async destroy(
    destructions: readonly Destruction[],
    seals: readonly Seal[],
    at: string,
  ): Promise<string[]> {
    return this.#db.transaction().execute(async (trx) => {
      const destroyed: string[] = [];
      for (const chunk of chunks(destructions)) {
        destroyed.push(...(await destroyChunk(trx, chunk, at)));
      }
      const isDestroyed = new Set(destroyed);
      await insertSeals(
        trx,
        seals.filter((seal) => isDestroyed.has(seal.id)),
      );
      return destroyed;
    });
  }

  async findExpired(before: string, limit: number): Promise<ExpiredPerson[]> {
    const rows = await this.#db
      .selectFrom('person_identity')
      .select(['person_ref as personRef', 'key_id as keyId', 'version'])
      .where('destroyed_at', 'is', null)
      .where('retain_until', 'is not', null)
      .where('retain_until', '<', before)
      .orderBy('retain_until')
      .limit(limit)
      .execute();
    return rows;
  }

  async changeRetention(change: RetentionChange, seal: Seal): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('person_identity')
        .set({
          retention_category: change.retentionCategory,
          retain_until: change.retainUntil,
          version: change.fromVersion + 1,
        })
        .where('person_ref', '=', change.personRef)
        .where('version', '=', change.fromVersion)
        .where('destroyed_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertSeals(trx, [seal]);
      return true;
    });
  }

  async insertAuditEvents(events: readonly AuditEvent[], seals: readonly Seal[]): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      for (const chunk of chunks(events)) {
        await trx
          .insertInto('audit_event')
          .values(
            chunk.map((event) => ({
              id: event.id,
              at: event.at,
              actor: event.actor,
              action: event.action,
              subject_ref: event.subjectRef,
              purpose: event.purpose,
            })),
          )
          .execute();
      }
      await insertSeals(trx, seals);
    });
  }

  async keyCheckOrStore(keyCheck: string, at: string): Promise<string> {
    await this.#db
      .insertInto('vault_key_check')
      .values({ id: KEY_CHECK_ID, key_check: keyCheck, created_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const row = await this.#db
      .selectFrom('vault_key_check')
      .select('key_check')
      .where('id', '=', KEY_CHECK_ID)
      .executeTakeFirstOrThrow();
    return row.key_check;
  }
}
