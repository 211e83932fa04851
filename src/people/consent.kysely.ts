// Consent decisions in portable Kysely. The next version is computed inside the transaction;
// the unique (subject_ref, purpose, version) constraint turns a concurrent append into a
// conflict that the service retries, so two decisions can never share a version.
import type { Kysely } from 'kysely';
import { insertSeals } from '../seal/seal.kysely.ts';
import type { Seal } from '../seal/sealer.ts';
import type { Database } from '../store/schema.ts';
import { isConsentDecision, isConsentPurpose } from './consent.ts';
import type { ConsentPurpose, ConsentRecord } from './consent.ts';
import type { ConsentRepository, NewConsent } from './consent.repository.ts';

interface ConsentRow {
  id: string;
  subject_ref: string;
  purpose: string;
  decision: string;
  version: number;
  at: string;
  actor: string;
}

// Rows are parsed, not trusted: a row written by another version may hold another vocabulary.
function recordOf(row: ConsentRow): ConsentRecord {
  const { purpose, decision } = row;
  if (!isConsentPurpose(purpose) || !isConsentDecision(decision)) {
    throw new Error(`consent row ${row.id} holds an unknown purpose or decision`);
  }
  return {
    id: row.id,
    subjectRef: row.subject_ref,
    purpose,
    decision,
    version: row.version,
    at: row.at,
    actor: row.actor,
  };
}

// A unique-constraint violation, as each engine reports it: PostgreSQL SQLSTATE 23505,
// SQLite extended result code SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555).
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? error.code : undefined;
  const errcode = 'errcode' in error ? error.errcode : undefined;
  return code === '23505' || errcode === 2067 || errcode === 1555;
}

/** ConsentRepository over a Kysely<Database> (SQLite or PostgreSQL). */
export class KyselyConsentRepository implements ConsentRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async append(consent: NewConsent, seal: Seal): Promise<ConsentRecord | undefined> {
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('consent')
          .select((eb) => eb.fn.max('version').as('version'))
          .where('subject_ref', '=', consent.subjectRef)
          .where('purpose', '=', consent.purpose)
          .executeTakeFirst();
        const version = (current?.version ?? 0) + 1;
        const row: ConsentRow = {
          id: consent.id,
          subject_ref: consent.subjectRef,
          purpose: consent.purpose,
          decision: consent.decision,
          version,
          at: consent.at,
          actor: consent.actor,
        };
        await trx.insertInto('consent').values(row).execute();
        await insertSeals(trx, [seal]);
        return recordOf(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  async latest(subjectRef: string, purpose: ConsentPurpose): Promise<ConsentRecord | undefined> {
    const row = await this.#db
      .selectFrom('consent')
      .selectAll()
      .where('subject_ref', '=', subjectRef)
      .where('purpose', '=', purpose)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? undefined : recordOf(row);
  }

  async history(subjectRef: string): Promise<ConsentRecord[]> {
    const rows = await this.#db
      .selectFrom('consent')
      .selectAll()
      .where('subject_ref', '=', subjectRef)
      .orderBy('purpose')
      .orderBy('version')
      .execute();
    return rows.map(recordOf);
  }
}
