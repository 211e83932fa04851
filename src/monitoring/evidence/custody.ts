// The chain of custody: every intake, access, copy, hash check, link, hold change, deletion
// and export of an evidence item is an event row with its own sealed log entry, so the chain
// can later be proven complete and unaltered (the export carries each entry's proof).
import type { Insertable, Kysely } from 'kysely';
import { newRecordId } from '../../random/record-id.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import type { Seal, Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import type { EvidenceCustodyTable } from './evidence.tables.ts';
import { EvidenceRepository } from './evidence.kysely.ts';

/** Every kind of custody event. */
export const CUSTODY_ACTIONS = [
  'intake',
  'access',
  'copy',
  'hash_check',
  'link',
  'hold_set',
  'hold_released',
  'deletion',
  'export',
] as const;

/** One kind of custody event. */
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** Log entry kind of a custody event (sealed: it names staff ids). */
export const CUSTODY_ENTRY_KIND = 'evidence.custody';

/** What happened to which item, by whom. `detail` never holds text that may name people. */
export interface CustodyEvent {
  evidenceId: string;
  action: CustodyAction;
  actor: string;
  result?: string;
  detail?: string;
}

/** A sealed custody event: the row to store and its seal, written in one transaction. */
export interface SealedCustody {
  row: Insertable<EvidenceCustodyTable>;
  seal: Seal;
}

/** Seals `event` (the entry is durable when this resolves); store it with storeCustody. */
export async function sealCustody(sealer: Sealer, event: CustodyEvent): Promise<SealedCustody> {
  const id = newRecordId();
  const result = event.result ?? null;
  const detail = event.detail ?? null;
  const seal = await sealer.seal({
    kind: CUSTODY_ENTRY_KIND,
    id,
    version: 1,
    record: {
      evidence_id: event.evidenceId,
      action: event.action,
      actor: event.actor,
      result,
      detail,
    },
  });
  const row = {
    id,
    evidence_id: event.evidenceId,
    action: event.action,
    actor: event.actor,
    at: seal.at,
    result,
    detail,
    seal_id: id,
    log_index: seal.logIndex,
  };
  return { row, seal };
}

/** Stores sealed custody events and their seals; pass the use case's transaction. */
export async function storeCustody(
  db: Kysely<Database>,
  events: readonly SealedCustody[],
): Promise<void> {
  await new EvidenceRepository(db).insertCustody(events.map((event) => event.row));
  await insertSeals(
    db,
    events.map((event) => event.seal),
  );
}

/** Seals one event and stores it in its own transaction (reads that leave only a trace). */
export async function recordCustody(
  context: { db: Kysely<Database>; sealer: Sealer },
  event: CustodyEvent,
): Promise<SealedCustody> {
  const sealed = await sealCustody(context.sealer, event);
  await context.db.transaction().execute((trx) => storeCustody(trx, [sealed]));
  return sealed;
}
