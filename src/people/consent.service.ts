// Recording and checking consent (DOMAIN.md §6). Every decision is sealed as
// 'consent.recorded' (refs, purpose, decision and actor only) and appended, never overwritten.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import type { Sealer } from '../seal/sealer.ts';
import type { Database } from '../store/schema.ts';
import { requireActor } from './access.ts';
import type { Actor } from './access.ts';
import { CONSENT_DECISIONS, CONSENT_PURPOSES } from './consent.ts';
import type { ConsentDecision, ConsentPurpose, ConsentRecord } from './consent.ts';
import { KyselyConsentRepository } from './consent.kysely.ts';
import type { ConsentRepository } from './consent.repository.ts';
import { issuesOf } from './identity.ts';

/** A decision to record. */
export interface ConsentInput {
  /** A person ref or a household ref. */
  subjectRef: string;
  purpose: ConsentPurpose;
  decision: ConsentDecision;
}

const SUBJECT_REF = /^[A-Za-z0-9_-]{1,64}$/;
const consentInputSchema = z.strictObject({
  subjectRef: z.string().regex(SUBJECT_REF),
  purpose: z.enum(CONSENT_PURPOSES),
  decision: z.enum(CONSENT_DECISIONS),
});

/**
 * Appends tried when concurrent decisions about one subject and purpose race for a version:
 * each round at least one of them wins, so this covers that many simultaneous decisions.
 */
const APPEND_ATTEMPTS = 10;

/** Consent decisions per subject and purpose. */
export class ConsentService {
  readonly #repository: ConsentRepository;
  readonly #sealer: Pick<Sealer, 'seal'>;

  /** Over a database, or (tests) over any repository. */
  constructor(
    options: { sealer: Pick<Sealer, 'seal'> } & (
      { db: Kysely<Database> } | { repository: ConsentRepository }
    ),
  ) {
    this.#repository =
      'repository' in options ? options.repository : new KyselyConsentRepository(options.db);
    this.#sealer = options.sealer;
  }

  /**
   * Records a decision (granted, refused or withdrawn) as the newest for its subject and
   * purpose. A refusal is recorded like any decision and never throws on its own account.
   *
   * @example await consent.recordConsent({ subjectRef, purpose: 'tracing', decision: 'granted' }, actor)
   */
  async recordConsent(input: ConsentInput, actor: Actor): Promise<ConsentRecord> {
    requireActor(actor);
    const parsed = consentInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new DomainError('invalid_request', 'consent does not match the schema', {
        details: issuesOf(parsed.error),
      });
    }
    const { subjectRef, purpose, decision } = parsed.data;
    const id = randomUUID();
    const seal = await this.#sealer.seal({
      kind: 'consent.recorded',
      id,
      version: 1,
      record: { subjectRef, purpose, decision, actor: actor.id },
    });
    const consent = { id, subjectRef, purpose, decision, at: seal.at, actor: actor.id };
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
      const stored = await this.#repository.append(consent, seal);
      if (stored !== undefined) return stored;
      // A little jitter so that the losers of a race do not collide again in lockstep.
      await delay(Math.random() * 5 * (attempt + 1));
    }
    throw new DomainError('conflict', 'consent for this subject changed meanwhile; retry');
  }

  /** True only when the newest decision of `subjectRef` for `purpose` is 'granted'. */
  async hasConsent(subjectRef: string, purpose: ConsentPurpose): Promise<boolean> {
    const latest = await this.#repository.latest(subjectRef, purpose);
    return latest?.decision === 'granted';
  }

  /** Every decision ever recorded about `subjectRef`, by purpose then version. */
  consentHistory(subjectRef: string): Promise<ConsentRecord[]> {
    return this.#repository.history(subjectRef);
  }
}
