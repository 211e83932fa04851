// The multi-row writes of the identity vault's repository: inserts through insertRows (the
// portable SQL of the hot write paths), other statements in Kysely chunked to 500 rows (under
// both engines' bound-parameter limits).
//
// Blind index rows are the bulk of a bulk store (three or four per person) and their keys are
// random HMACs: inserted in arrival order, every row lands on a different B-tree page. A bulk
// store therefore inserts them last, sorted by key, which makes the index build sequential and
// about four times cheaper on SQLite. For the same reason blind_index has no index on
// person_ref: each person row keeps the list of its own index entries (HMACs only), and
// shredding deletes those exact entries through the primary key.
import type { Transaction } from 'kysely';
import { insertRows } from '../store/insert-rows.ts';
import { compareKeys } from '../store/key-order.ts';
import type { Database } from '../store/schema.ts';
import type { Destruction, NewPerson } from './identity-vault.repository.ts';
import { BLIND_INDEX_FIELDS } from './keyring.ts';
import type { BlindIndexField } from './keyring.ts';

/** Rows per INSERT. */
export const CHUNK = 500;

/** `items` in runs of at most CHUNK. */
export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    out.push(items.slice(start, start + CHUNK));
  }
  return out;
}

/** One blind_index row. */
export interface BlindIndexRow {
  field: string;
  value_hmac: string;
  person_ref: string;
}

/** Inserts people's data keys and identities; returns their blind index rows, not inserted. */
export async function insertPeopleRows(
  trx: Transaction<Database>,
  people: readonly NewPerson[],
): Promise<BlindIndexRow[]> {
  await insertRows(
    trx,
    'data_key',
    people.map((person) => ({
      id: person.keyId,
      wrapped: person.wrappedKey,
      created_at: person.createdAt,
      destroyed_at: null,
      destroyed_reason: null,
    })),
  );
  await insertRows(
    trx,
    'person_identity',
    people.map((person) => ({
      person_ref: person.personRef,
      household_ref: person.householdRef,
      kind: person.kind,
      key_id: person.keyId,
      fields: person.fields,
      blind_indexes: JSON.stringify(person.blindIndexes.map((i) => [i.field, i.valueHmac])),
      version: 1,
      retention_category: person.retentionCategory,
      retain_until: person.retainUntil,
      created_at: person.createdAt,
      destroyed_at: null,
    })),
  );
  return people.flatMap((person) =>
    person.blindIndexes.map((index) => ({
      field: index.field,
      value_hmac: index.valueHmac,
      person_ref: person.personRef,
    })),
  );
}

/** Inserts blind index rows in key order (see the top of this file). */
export async function insertBlindIndexes(
  trx: Transaction<Database>,
  rows: BlindIndexRow[],
): Promise<void> {
  rows.sort((a, b) => compareKeys(a.field, b.field) || compareKeys(a.value_hmac, b.value_hmac));
  await insertRows(trx, 'blind_index', rows);
}

/**
 * Destroys the live records of `chunk` (each still at the version before its destruction's);
 * returns the refs destroyed.
 *
 * Crypto-shredding: the wrapped key is overwritten, so the ciphertext (kept, and committed to
 * in the log) can never be decrypted again; the blind indexes go too, so the person can no
 * longer even be found by name or document.
 */
export async function destroyChunk(
  trx: Transaction<Database>,
  chunk: readonly Destruction[],
  at: string,
): Promise<string[]> {
  const expected = new Map(chunk.map((destruction) => [destruction.personRef, destruction]));
  const live = await trx
    .selectFrom('person_identity')
    .select(['person_ref', 'version', 'blind_indexes'])
    .where('person_ref', 'in', [...expected.keys()])
    .where('destroyed_at', 'is', null)
    .execute();
  const due = live.filter((row) => row.version + 1 === expected.get(row.person_ref)?.version);
  if (due.length === 0) return [];
  // The guard on destroyed_at makes a concurrent shred lose cleanly: RETURNING says who won.
  const destroyed = await trx
    .updateTable('person_identity')
    .set((eb) => ({ destroyed_at: at, version: eb('version', '+', 1), blind_indexes: '[]' }))
    .where(
      'person_ref',
      'in',
      due.map((row) => row.person_ref),
    )
    .where('destroyed_at', 'is', null)
    .returning('person_ref')
    .execute();
  const refs = new Set(destroyed.map((row) => row.person_ref));
  const done = chunk.filter((destruction) => refs.has(destruction.personRef));
  for (const [reason, group] of Map.groupBy(done, (destruction) => destruction.reason)) {
    await trx
      .updateTable('data_key')
      .set({ wrapped: '', destroyed_at: at, destroyed_reason: reason })
      .where(
        'id',
        'in',
        group.map((destruction) => destruction.keyId),
      )
      .execute();
  }
  await deleteBlindIndexes(
    trx,
    due.filter((row) => refs.has(row.person_ref)),
  );
  return [...refs];
}

async function deleteBlindIndexes(
  trx: Transaction<Database>,
  people: readonly { person_ref: string; blind_indexes: string }[],
): Promise<void> {
  if (people.length === 0) return;
  const hmacs = new Map<BlindIndexField, string[]>(BLIND_INDEX_FIELDS.map((field) => [field, []]));
  for (const person of people) {
    for (const [field, hmac] of parseIndexList(person.blind_indexes)) hmacs.get(field)?.push(hmac);
  }
  const refs = people.map((person) => person.person_ref);
  for (const [field, values] of hmacs) {
    for (const chunk of chunks(values)) {
      await trx
        .deleteFrom('blind_index')
        .where('field', '=', field)
        .where('value_hmac', 'in', chunk)
        .where('person_ref', 'in', refs)
        .execute();
    }
  }
}

// The stored list is ours, but parsed rather than trusted: an unreadable list must not stop a
// destruction, so anything malformed is skipped (the key is destroyed all the same).
function parseIndexList(text: string): [BlindIndexField, string][] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (!Array.isArray(entry) || entry.length !== 2) return [];
    const [field, hmac] = entry as unknown[];
    const known = BLIND_INDEX_FIELDS.find((name) => name === field);
    return known !== undefined && typeof hmac === 'string' ? [[known, hmac]] : [];
  });
}
