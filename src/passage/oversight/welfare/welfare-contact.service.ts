// Welfare contacts with households that stay under protection (DOMAIN.md §4: "staying is
// protected"): staff list them and record a contact made; the household records its own
// check-in through the portal with its reference code and a member's birth year.
//
// The portal is public and the reference code a secret: a wrong code and a wrong year give the
// same not_found, after the same work (a reference-code read, one HMAC, one check read), so an
// answer says nothing about which half was wrong, nor whether the code exists.
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Keyring } from '../../../people/keyring.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { ContactMode } from '../../database/passage-vocabulary.ts';
import type {
  WelfareContact,
  WelfareContactChange,
} from '../../database/welfare-contact.repository.ts';
import { normaliseReferenceCode } from '../../model/reference-code.ts';
import { householdCheckHmac } from '../../registry/households/household-check.ts';
import { listWelfareContacts } from './welfare-contact.reader.ts';
import type { WelfareContactFilter } from './welfare-contact.reader.ts';

/** Who marks a contact done from the portal (done_by): the household itself. */
export const PORTAL_ACTOR = 'portal';

/**
 * How early a check-in may count for a contact not yet due. A household checking in the evening
 * before its contact is alive and well for it; checking in a week early would only skip a
 * contact the schedule means to keep.
 */
export const CHECK_IN_EARLY_MS = 24 * 3_600_000;

// Where the look-up goes when the code is not a code, or the household does not exist: the same
// reads and HMAC are done for a household that cannot exist (ids are random v4 UUIDs, never nil).
const DECOY_CODE = '-';
const DECOY_HOUSEHOLD = '00000000-0000-0000-0000-000000000000';

/** A household's proof of itself at the portal. */
export interface PortalCheckIn {
  /** As typed by the household (normalised here). */
  readonly referenceCode: string;
  readonly birthYear: number;
}

/** What the portal tells the household after a check-in. */
export interface CheckInResult {
  /** The contact the check-in counted for; null when none was due. */
  readonly contact: { readonly dueAt: string; readonly mode: ContactMode } | null;
  /** The next contact still open, if any. */
  readonly nextDueAt: string | null;
}

function isOpen(contact: WelfareContact): boolean {
  return contact.state === 'scheduled' || contact.state === 'missed';
}

/** What the welfare-contact service needs. */
export interface WelfareContactDeps {
  readonly db: Kysely<Database>;
  readonly sealer: Pick<Sealer, 'seal'>;
  readonly keyring: Keyring;
  readonly now: () => Date;
}

/** Lists welfare contacts and records contacts made. */
export class WelfareContactService {
  readonly #deps: WelfareContactDeps;

  constructor(deps: WelfareContactDeps) {
    this.#deps = deps;
  }

  /**
   * Contacts in one state, earliest due first.
   *
   * @example await service.list({ state: 'missed', offset: 0, limit: 100 })
   */
  list(filter: WelfareContactFilter): Promise<WelfareContact[]> {
    // Stored times are toISOString() text: compare against the same form.
    const dueBefore =
      filter.dueBefore === undefined ? undefined : new Date(filter.dueBefore).toISOString();
    return listWelfareContacts(this.#deps.db, { ...filter, dueBefore });
  }

  /**
   * Records that staff made contact `id` (by `mode`, which may differ from the one planned).
   * Throws `not_found`, `invalid_transition` (done or cancelled already), or `conflict` when
   * the contact changed meanwhile.
   *
   * @example await service.markDone(id, { mode: 'visit', by: principal.userId })
   */
  async markDone(
    id: string,
    made: { readonly mode: ContactMode; readonly by: string },
  ): Promise<WelfareContact> {
    const contact = await passageStoreOn(this.#deps.db).welfareContacts.get(id);
    if (contact === undefined) throw new DomainError('not_found', 'no such welfare contact');
    return this.#markDone(contact, made);
  }

  /**
   * The household's own check-in: marks its earliest open contact due within CHECK_IN_EARLY_MS
   * done. Throws `not_found` (one body for every wrong code or year).
   *
   * @example await service.checkIn({ referenceCode: 'K3F9-0QZT-7M2A-W', birthYear: 1961 })
   */
  async checkIn(proof: PortalCheckIn): Promise<CheckInResult> {
    const householdId = await this.#authenticate(proof);
    const store = passageStoreOn(this.#deps.db);
    const open = (await store.welfareContacts.listForHousehold(householdId)).filter(isOpen);
    const latest = this.#deps.now().getTime() + CHECK_IN_EARLY_MS;
    const due = open.find((contact) => Date.parse(contact.dueAt) <= latest);
    const next = open.find((contact) => contact !== due);
    if (due !== undefined) await this.#markDone(due, { mode: 'check_in', by: PORTAL_ACTOR });
    return {
      contact: due === undefined ? null : { dueAt: due.dueAt, mode: due.mode },
      nextDueAt: next?.dueAt ?? null,
    };
  }

  /** The household proven by `proof`; not_found otherwise, after the same work. */
  async #authenticate(proof: PortalCheckIn): Promise<string> {
    const households = passageStoreOn(this.#deps.db).households;
    const code = normaliseReferenceCode(proof.referenceCode);
    const household = await households.findByReferenceCode(code ?? DECOY_CODE);
    const householdId = household?.id ?? DECOY_HOUSEHOLD;
    const check = householdCheckHmac(this.#deps.keyring, householdId, proof.birthYear);
    const matches = await households.hasCheck(householdId, check);
    if (household === undefined || !matches) {
      throw new DomainError('not_found', 'no household with this code and year');
    }
    return household.id;
  }

  async #markDone(
    contact: WelfareContact,
    made: { readonly mode: ContactMode; readonly by: string },
  ): Promise<WelfareContact> {
    const from = contact.state;
    if (from !== 'scheduled' && from !== 'missed') {
      throw new DomainError('invalid_transition', `a ${from} welfare contact cannot be done`);
    }
    const at = this.#deps.now().toISOString();
    const seal = await this.#deps.sealer.seal({
      kind: 'welfare_contact.done',
      id: contact.id,
      // 1 scheduled, 2 missed (the scan) or done, 3 done after missed.
      version: from === 'missed' ? 3 : 2,
      record: { householdId: contact.householdId, state: 'done', mode: made.mode, by: made.by, at },
    });
    await this.#deps.db.transaction().execute(async (trx) => {
      const change: WelfareContactChange = {
        id: contact.id,
        from,
        to: 'done',
        doneAt: at,
        doneBy: made.by,
      };
      if (!(await passageStoreOn(trx).welfareContacts.changeState(change))) {
        throw new DomainError('conflict', 'the welfare contact changed meanwhile');
      }
      await insertSeals(trx, [seal]);
    });
    return { ...contact, state: 'done', doneAt: at, doneBy: made.by };
  }
}
