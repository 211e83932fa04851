// Missed welfare contacts (DOMAIN.md §4: "staying is protected"): a contact still scheduled
// `graceHours` after it was due raises an alert and is marked missed. The alert goes first and
// the mark second: if marking fails the next tick finds the contact again and the alert service
// dedupes it, whereas the other order could mark a contact missed with no alert ever raised.
import type { AlertSink } from '../../../alerts/alert.service.ts';
import type { Alert } from '../../database/alert.repository.ts';
import type {
  WelfareContact,
  WelfareContactChange,
} from '../../database/welfare-contact.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { welfareContactMissed } from '../../model/alert-rules.ts';
import { missedContacts } from '../../model/welfare.ts';
import type { PassageContext } from '../../passage-context.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Seal } from '../../../seal/sealer.ts';

/** Most contacts handled per tick; the rest wait for the next one. */
export const MISSED_CONTACTS_PER_TICK = 500;

const HOUR_MS = 3_600_000;

/** What the welfare scan did. */
export interface WelfareScanResult {
  readonly raised: Alert[];
  /** Contacts marked missed. */
  readonly marked: number;
}

/** Seals and stores `scheduled → missed` for each contact still scheduled; returns how many. */
async function markMissed(
  ctx: Pick<PassageContext, 'db' | 'sealer'>,
  contacts: readonly WelfareContact[],
  now: Date,
): Promise<number> {
  const seals = await ctx.sealer.sealMany(
    contacts.map((contact) => ({
      kind: 'welfare_contact.missed',
      id: contact.id,
      // Version 1 is the scheduled contact; a missed one is its second version.
      version: 2,
      record: { householdId: contact.householdId, state: 'missed', at: now.toISOString() },
    })),
  );
  return ctx.db.transaction().execute(async (trx) => {
    const store = passageStoreOn(trx);
    const applied: Seal[] = [];
    for (const [index, contact] of contacts.entries()) {
      const seal = seals[index];
      const change: WelfareContactChange = {
        id: contact.id,
        from: 'scheduled',
        to: 'missed',
        doneAt: null,
        doneBy: null,
      };
      // Done meanwhile (a check-in in between): nothing changed, so nothing to seal.
      if (seal !== undefined && (await store.welfareContacts.changeState(change))) {
        applied.push(seal);
      }
    }
    await insertSeals(trx, applied);
    return applied.length;
  });
}

/**
 * Raises an alert for every contact still scheduled `graceHours` after it was due, then marks
 * those contacts missed.
 *
 * @example await scanMissedWelfare({ ...ctx }, now, 24)
 */
export async function scanMissedWelfare(
  ctx: Pick<PassageContext, 'db' | 'sealer'> & { readonly alerts: AlertSink },
  now: Date,
  graceHours: number,
): Promise<WelfareScanResult> {
  const cutoff = new Date(now.getTime() - graceHours * HOUR_MS).toISOString();
  const listed = await passageStoreOn(ctx.db).welfareContacts.listMissed(
    cutoff,
    MISSED_CONTACTS_PER_TICK,
  );
  const missed = missedContacts(
    listed.map((contact) => ({ contact, dueAt: new Date(contact.dueAt), state: contact.state })),
    now,
    graceHours,
  ).map((entry) => entry.contact);
  if (missed.length === 0) return { raised: [], marked: 0 };
  const raised = await ctx.alerts.raise(
    missed.map((contact) => welfareContactMissed({ ...contact, dueAt: new Date(contact.dueAt) })),
  );
  return { raised, marked: await markMissed(ctx, missed, now) };
}
