// Checks on what an incident links to: information items of the intake slice and cases of the
// passage domain (held_case, tracing_request). Read here directly (one indexed look-up each) so
// that this slice does not depend on the other slices' services.
import type { Kysely } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import type { Database } from '../../store/schema.ts';
import type { CaseKind } from './incident.repository.ts';

/** Throws 'invalid_request' unless every id names an information item. */
export async function requireItems(
  db: Kysely<Database>,
  itemIds: readonly string[],
): Promise<void> {
  if (itemIds.length === 0) {
    throw new DomainError('invalid_request', 'name at least one information item', {
      details: [{ path: 'itemIds', code: 'empty' }],
    });
  }
  const rows = await db.selectFrom('info_item').select('id').where('id', 'in', itemIds).execute();
  if (rows.length !== itemIds.length) {
    throw new DomainError('invalid_request', 'itemIds must name information items', {
      details: [{ path: 'itemIds', code: 'unknown_item' }],
    });
  }
}

/** True when a passage case of `kind` with `id` exists. */
export async function caseExists(
  db: Kysely<Database>,
  kind: CaseKind,
  id: string,
): Promise<boolean> {
  const row =
    kind === 'held_case'
      ? await db.selectFrom('held_case').select('id').where('id', '=', id).executeTakeFirst()
      : await db.selectFrom('tracing_request').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/**
 * True when incident `id` exists — for the slices that link to incidents (evidence,
 * commitments, analysis) without depending on this slice's services.
 *
 * @example if (!(await incidentExists(db, body.incidentId))) throw new DomainError('not_found', …);
 */
export async function incidentExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('incident').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
