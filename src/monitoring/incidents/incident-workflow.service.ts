// The verification workflow of DOMAIN.md §5, enforced here: transitions with a reason, the
// two-person rule for `verified` and `cleared_for_publication` (the first call records a
// proposal, a second, different user applies it), merging a duplicate, and the links that make
// an incident rest on evidence — information items (new information reopens an unverified
// incident) and held-person cases or tracing requests.
import { isUniqueViolation } from '../../passage/registry/unique-violation.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { newRecordId } from '../../random/record-id.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import type { SealRequest } from '../../seal/sealer.ts';
import {
  incidentMachine,
  isFrozen,
  stateAfterNewInformation,
  STATES_WITH_OWN_STEP,
} from '../model/incident.machine.ts';
import { decideTwoPerson } from '../model/two-person-rule.ts';
import type { IncidentState } from '../model/vocabulary.ts';
import { found, requireVersion } from './incident-context.ts';
import type { IncidentContext } from './incident-context.ts';
import { caseExists, requireItems } from './incident-links.ts';
import { KyselyIncidentRepository } from './incident.kysely.ts';
import type {
  CaseKind,
  Incident,
  IncidentApproval,
  IncidentTransition,
} from './incident.repository.ts';

/** A requested state change, at the version read. */
export interface TransitionRequest {
  to: IncidentState;
  version: number;
  reason: string;
}

/** What a transition request did: applied it, or recorded the first half of a two-person step. */
export type TransitionOutcome =
  | { status: 'applied'; transition: IncidentTransition }
  | { status: 'proposed'; approval: IncidentApproval };

/** A merge of a duplicate into another incident. */
export interface MergeRequest {
  into: string;
  version: number;
  reason: string;
}

/** Moves incidents through their machine and links them to what they rest on. */
export class IncidentWorkflow {
  readonly #context: IncidentContext;

  constructor(context: IncidentContext) {
    this.#context = context;
  }

  /**
   * Moves incident `id` as `actor`: 'not_found', 'conflict', 'invalid_transition' or
   * 'two_person_rule' (the proposer confirming their own proposal).
   */
  async transition(id: string, request: TransitionRequest, actor: string) {
    const store = new KyselyIncidentRepository(this.#context.db);
    const current = found(await store.get(id));
    requireVersion(current, request.version);
    const ownStep = STATES_WITH_OWN_STEP[request.to];
    if (ownStep !== undefined) {
      throw new DomainError('invalid_transition', `incident: ${request.to} comes by ${ownStep}`, {
        details: { from: current.state, to: request.to, machine: 'incident', step: ownStep },
      });
    }
    incidentMachine.assertTransition(current.state, request.to, { subjectId: id });
    const pending = (await store.approvals(id)).find((entry) => entry.toState === request.to);
    const decision = decideTwoPerson({
      to: request.to,
      actor,
      currentVersion: current.version,
      pending,
    });
    const at = this.#context.now().toISOString();
    if (decision.kind === 'propose') {
      const approval: IncidentApproval = {
        toState: request.to,
        version: current.version,
        proposedBy: actor,
        proposedAt: at,
        reason: request.reason,
      };
      await this.#write(
        [
          {
            kind: 'incident.proposed',
            id: newRecordId(),
            version: 1,
            record: { incidentId: id, ...approval },
          },
        ],
        (trx) => trx.saveApproval(id, approval),
      );
      return { status: 'proposed', approval } satisfies TransitionOutcome;
    }
    const transition = this.#transitionOf(current, request.to, {
      reason: request.reason,
      at,
      actor,
    });
    const applied: IncidentTransition = { ...transition, proposedBy: decision.proposedBy };
    await this.#write([transitionSeal('incident.transitioned', id, applied)], (trx) =>
      trx.transition({ id, expectedVersion: current.version, transition: applied }),
    );
    return { status: 'applied', transition: applied } satisfies TransitionOutcome;
  }

  /** Merges duplicate `id` into another incident: 'not_found', 'conflict', 'invalid_*'. */
  async merge(id: string, request: MergeRequest, actor: string): Promise<void> {
    const store = new KyselyIncidentRepository(this.#context.db);
    const current = found(await store.get(id));
    requireVersion(current, request.version);
    const target = request.into === id ? undefined : await store.get(request.into);
    if (target === undefined || target.state === 'merged') {
      throw new DomainError('invalid_request', 'into must name another incident, not merged', {
        details: [{ path: 'into', code: 'unknown_or_merged_incident' }],
      });
    }
    incidentMachine.assertTransition(current.state, 'merged', { subjectId: id });
    const at = this.#context.now().toISOString();
    const transition = this.#transitionOf(current, 'merged', { reason: request.reason, at, actor });
    const seal = transitionSeal('incident.merged', id, transition, { mergedInto: target.id });
    await this.#write([seal], (trx) =>
      trx.transition({
        id,
        expectedVersion: current.version,
        transition,
        mergedInto: target.id,
      }),
    );
  }

  /**
   * Links more information items to incident `id`; new information reopens an unverified
   * incident (→ under_verification, recorded as a transition with `reason`). 'already_exists'
   * when an item is linked already; 'invalid_transition' for a frozen incident.
   */
  async linkItems(
    id: string,
    itemIds: readonly string[],
    change: { reason: string; actor: string },
  ) {
    const store = new KyselyIncidentRepository(this.#context.db);
    const current = found(await store.get(id));
    if (isFrozen(current.state)) {
      throw new DomainError('invalid_transition', 'incident: a closed incident takes no links', {
        details: { from: current.state, to: current.state, machine: 'incident' },
      });
    }
    const ids = [...new Set(itemIds)];
    const linked = new Set((await store.items(id)).map((item) => item.itemId));
    if (ids.some((itemId) => linked.has(itemId))) {
      throw new DomainError('already_exists', 'an item is linked to this incident already');
    }
    await requireItems(this.#context.db, ids);
    const at = this.#context.now().toISOString();
    const { actor, reason } = change;
    const links = ids.map((itemId) => ({ itemId, linkedAt: at, actor }));
    const next = stateAfterNewInformation(current.state);
    const reopen =
      next === current.state
        ? undefined
        : { ...this.#transitionOf(current, next, { reason, at, actor }), proposedBy: null };
    const seals: SealRequest[] = [
      {
        kind: 'incident.items_linked',
        id: newRecordId(),
        version: 1,
        record: { incidentId: id, itemIds: ids, reason, at, actor },
      },
    ];
    if (reopen !== undefined) seals.push(transitionSeal('incident.transitioned', id, reopen));
    await this.#write(seals, async (trx) => {
      await trx.linkItems(id, links);
      if (reopen !== undefined) {
        await trx.transition({ id, expectedVersion: current.version, transition: reopen });
      }
    });
    return { reopened: reopen !== undefined };
  }

  /** Links a held-person case or tracing request: 'not_found', 'invalid_request', 'already_exists'. */
  async linkCase(id: string, link: { caseKind: CaseKind; caseId: string }, actor: string) {
    const { db } = this.#context;
    const store = new KyselyIncidentRepository(db);
    found(await store.get(id));
    if (!(await caseExists(db, link.caseKind, link.caseId))) {
      throw new DomainError('invalid_request', 'caseId must name a case of caseKind', {
        details: [{ path: 'caseId', code: 'unknown_case' }],
      });
    }
    const cases = await store.cases(id);
    if (cases.some((c) => c.caseKind === link.caseKind && c.caseId === link.caseId)) {
      throw new DomainError('already_exists', 'the case is linked to this incident already');
    }
    const at = this.#context.now().toISOString();
    const stored = { ...link, linkedAt: at, actor };
    await this.#write(
      [
        {
          kind: 'incident.case_linked',
          id: newRecordId(),
          version: 1,
          record: { incidentId: id, ...stored },
        },
      ],
      (trx) => trx.linkCase(id, stored),
    ).catch((error: unknown) => {
      // Two identical links at the same moment both pass the check above; the key refuses one.
      if (isUniqueViolation(error)) {
        throw new DomainError('already_exists', 'the case is linked to this incident already');
      }
      throw error;
    });
  }

  #transitionOf(
    current: Incident,
    to: IncidentState,
    change: { reason: string; at: string; actor: string },
  ): IncidentTransition {
    return { version: current.version + 1, from: current.state, to, ...change, proposedBy: null };
  }

  /** Seals first, then writes the rows and the seals in one transaction. */
  async #write(
    requests: readonly SealRequest[],
    rows: (store: KyselyIncidentRepository) => Promise<void>,
  ): Promise<void> {
    const seals = await this.#context.sealer.sealMany(requests);
    await this.#context.db.transaction().execute(async (trx) => {
      await rows(new KyselyIncidentRepository(trx));
      await insertSeals(trx, seals);
    });
  }
}

function transitionSeal(
  kind: string,
  id: string,
  transition: IncidentTransition,
  extra: Record<string, string> = {},
): SealRequest {
  return {
    kind,
    id,
    version: transition.version,
    record: { incidentId: id, ...transition, ...extra },
  };
}
