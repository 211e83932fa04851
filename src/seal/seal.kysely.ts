import type { Kysely } from 'kysely';
import { insertRows } from '../store/insert-rows.ts';
import type { Database } from '../store/schema.ts';
import type { Seal } from './sealer.ts';

/** Stores seals; pass the transaction that writes the sealed records themselves. */
export async function insertSeals(db: Kysely<Database>, seals: readonly Seal[]): Promise<void> {
  await insertRows(
    db,
    'sealed_record',
    seals.map((seal) => ({
      kind: seal.kind,
      id: seal.id,
      version: seal.version,
      at: seal.at,
      visibility: seal.visibility,
      salt: seal.salt,
      commitment: seal.commitment,
      record: seal.record,
      log_index: seal.logIndex,
    })),
  );
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
