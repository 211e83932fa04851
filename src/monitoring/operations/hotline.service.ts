// The mission's 24/7 hotline (DOMAIN.md §1: about two contacts a day, peaks far higher): each
// contact with when it came in, how, what about, and how fast the mission answered. Staff-only;
// every change is a SEALED log entry. The caller is kept as the keyring's pseudonym of the contact
// the hotline took (as tracing requests keep callers): the same caller gets the same pseudonym,
// and the phone number or handle itself is never stored or sealed.
import { DomainError } from '../../errors/domain-error.ts';
import { normaliseCode } from '../../people/normalise-code.ts';
import { parseInput } from '../../passage/registry/registry-input.ts';
import { newRecordId } from '../../random/record-id.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import { hotlineStatistics, responseSecondsBetween } from '../model/hotline-statistics.ts';
import type { HotlineStatistics } from '../model/hotline-statistics.ts';
import { KyselyHotlineRepository } from './hotline.kysely.ts';
import type { HotlineContact } from './hotline.repository.ts';
import {
  dayPeriodSchema,
  hotlineResponseSchema,
  newHotlineContactSchema,
} from './operations.schema.ts';
import type {
  DayPeriodInput,
  HotlineResponseInput,
  NewHotlineContactInput,
} from './operations.schema.ts';
import type { OperationsDeps } from './operations-deps.ts';
import { requireReferences } from './record-exists.kysely.ts';

/** The pseudonym namespace of hotline callers' contacts. */
const CALLER_PSEUDONYM = 'hotline_caller';

/** Sealed log entry kinds of the hotline. */
export const HOTLINE_KINDS = { contact: 'hotline.contact', response: 'hotline.response' } as const;

const DAY_MS = 86_400_000;

/** Whole seconds to answer; 'invalid_request' when the answer predates the contact. */
function responseSeconds(receivedAt: string, respondedAt: string): number {
  const seconds = responseSecondsBetween(receivedAt, respondedAt);
  if (seconds < 0) {
    throw new DomainError('invalid_request', 'a response cannot precede the contact', {
      details: [{ path: 'respondedAt', code: 'before_received' }],
    });
  }
  return seconds;
}

/**
 * The pseudonym of a caller's contact, normalised so that one number written two ways is one
 * caller; 'invalid_request' when nothing of it is left (all separators), since every such
 * contact would otherwise share one pseudonym.
 */
function callerPseudonym(keyring: OperationsDeps['keyring'], contact: string): string {
  const normalised = normaliseCode(contact);
  if (normalised.length < 3) {
    throw new DomainError('invalid_request', 'the caller contact is too short', {
      details: [{ path: 'callerContact', code: 'too_small' }],
    });
  }
  return keyring.pseudonym(CALLER_PSEUDONYM, normalised);
}

/** [from, to) instants of a period of whole days. */
function instantsOf(period: { from: string; to: string }): [string, string] {
  const from = `${period.from}T00:00:00.000Z`;
  const to = new Date(Date.parse(`${period.to}T00:00:00.000Z`) + DAY_MS).toISOString();
  return [from, to];
}

/** Takes hotline contacts, records responses and reports response times. */
export class HotlineService {
  readonly #deps: OperationsDeps;

  constructor(deps: OperationsDeps) {
    this.#deps = deps;
  }

  /**
   * Records a contact as `actor` (with its response when answered at once): 'invalid_request'
   * for bad input or an unknown information item or tracing request.
   */
  async take(input: NewHotlineContactInput, actor: string): Promise<HotlineContact> {
    const parsed = parseInput(newHotlineContactSchema, input, 'hotline contact');
    const { db, sealer, keyring, now } = this.#deps;
    const seconds =
      parsed.response === undefined
        ? null
        : responseSeconds(parsed.receivedAt, parsed.response.respondedAt);
    await requireReferences(db, [
      ['infoItemId', 'info_item', parsed.infoItemId],
      ['tracingRequestId', 'tracing_request', parsed.tracingRequestId],
    ]);
    const callerRef = parsed.callerRef ?? callerPseudonym(keyring, parsed.callerContact ?? '');
    const at = now().toISOString();
    const contact: HotlineContact = {
      id: newRecordId(),
      receivedAt: parsed.receivedAt,
      channel: parsed.channel,
      callerRef,
      topic: parsed.topic,
      respondedAt: parsed.response?.respondedAt ?? null,
      responseSeconds: seconds,
      outcome: parsed.response?.outcome ?? null,
      infoItemId: parsed.infoItemId,
      tracingRequestId: parsed.tracingRequestId,
      recordedBy: actor,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const seal = await sealer.seal({
      kind: HOTLINE_KINDS.contact,
      id: contact.id,
      version: 1,
      record: contact,
    });
    await db.transaction().execute(async (trx) => {
      await new KyselyHotlineRepository(trx).insert(contact);
      await insertSeals(trx, [seal]);
    });
    return contact;
  }

  /**
   * Records the response to contact `id` as `actor`: 'not_found', 'conflict' (not at the
   * version read), 'invalid_transition' (already answered) or 'invalid_request'.
   */
  async respond(id: string, input: HotlineResponseInput, actor: string): Promise<HotlineContact> {
    const parsed = parseInput(hotlineResponseSchema, input, 'hotline response');
    const { db, sealer, now } = this.#deps;
    const contact = await this.get(id);
    if (contact.version !== parsed.version) {
      throw new DomainError('conflict', 'the contact changed meanwhile', {
        details: { id, expectedVersion: parsed.version, currentVersion: contact.version },
      });
    }
    if (contact.respondedAt !== null) {
      throw new DomainError('invalid_transition', 'the contact was answered already', {
        details: { id },
      });
    }
    const seconds = responseSeconds(contact.receivedAt, parsed.respondedAt);
    await requireReferences(db, [
      ['infoItemId', 'info_item', parsed.infoItemId],
      ['tracingRequestId', 'tracing_request', parsed.tracingRequestId],
    ]);
    const change = {
      id,
      expectedVersion: contact.version,
      respondedAt: parsed.respondedAt,
      responseSeconds: seconds,
      outcome: parsed.outcome,
      infoItemId: parsed.infoItemId,
      tracingRequestId: parsed.tracingRequestId,
      at: now().toISOString(),
    };
    const seal = await sealer.seal({
      kind: HOTLINE_KINDS.response,
      id,
      version: contact.version + 1,
      record: {
        contactId: id,
        version: contact.version + 1,
        respondedAt: change.respondedAt,
        responseSeconds: seconds,
        outcome: change.outcome,
        infoItemId: change.infoItemId,
        tracingRequestId: change.tracingRequestId,
        at: change.at,
        actor,
      },
    });
    await db.transaction().execute(async (trx) => {
      await new KyselyHotlineRepository(trx).respond(change);
      await insertSeals(trx, [seal]);
    });
    return this.get(id);
  }

  /** One contact; 'not_found' if unknown. */
  async get(id: string): Promise<HotlineContact> {
    const contact = await new KyselyHotlineRepository(this.#deps.db).get(id);
    if (contact === undefined) throw new DomainError('not_found', 'no such hotline contact');
    return contact;
  }

  /** Contacts received over a period of days, newest first. */
  list(period: DayPeriodInput, limit: number): Promise<HotlineContact[]> {
    const [from, to] = instantsOf(parseInput(dayPeriodSchema, period, 'period'));
    return new KyselyHotlineRepository(this.#deps.db).list(from, to, limit);
  }

  /** Contacts per day and response-time median and p90 over a period of days. */
  async statistics(period: DayPeriodInput): Promise<HotlineStatistics> {
    const parsed = parseInput(dayPeriodSchema, period, 'period');
    const [from, to] = instantsOf(parsed);
    const timings = await new KyselyHotlineRepository(this.#deps.db).timings(from, to);
    return hotlineStatistics(timings, parsed);
  }
}
