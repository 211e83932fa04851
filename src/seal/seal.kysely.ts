import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Seal } from './sealer.ts';

/** Rows per INSERT: well under both engines' bound-parameter limits. */
const CHUNK = 500;

/** Stores seals; pass the transaction that writes the sealed records themselves. */
export async function insertSeals(db: Kysely<Database>, seals: readonly Seal[]): Promise<void> {
  for (let start = 0; start < seals.length; start += CHUNK) {
    const rows = seals.slice(start, start + CHUNK).map((seal) => ({
      kind: seal.kind,
      id: seal.id,
      version: seal.version,
      at: seal.at,
      visibility: seal.visibility,
      salt: seal.salt,
      commitment: seal.commitment,
      record: seal.record,
      log_index: seal.logIndex,
    }));
    await db.insertInto('sealed_record').values(rows).execute();
  }
}

/** The seal of record `id` at `version`, if stored. */
export async function findSeal(
  db: Kysely<Database>,
  id: string,
  version: number,
): Promise<Seal | undefined> {
  const row = await db
    .selectFrom('sealed_record')
    .selectAll()
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    kind: row.kind,
    id: row.id,
    version: row.version,
    at: row.at,
    visibility: row.visibility === 'public' ? 'public' : 'sealed',
    salt: row.salt,
    commitment: row.commitment,
    record: row.record,
    logIndex: row.log_index,
  };
}
