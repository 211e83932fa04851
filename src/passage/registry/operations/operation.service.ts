// Passage operations (convoys and open windows) and their state machine (DOMAIN.md §5). Their
// details are embargoed (DOMAIN.md §4), so every write is a SEALED entry of kind
// 'passage.operation' (id: the operation, version: its version after the write). A move is
// checked in this order, each before anything is written: the version the caller read (stale:
// 'conflict'), the machine ('invalid_transition'; halting without a reason: 'invalid_request'),
// then the repository's versioned update catches a race lost after sealing.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { Actor } from '../../../people/access.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import type { Operation, OperationEvent } from '../../database/operation.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import { assertTransition } from '../../model/operation.machine.ts';
import type { OperationState } from '../../model/states.ts';
import { parseInput, unknownReference } from '../registry-input.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import { newOperationSchema, operationTransitionSchema } from './operation.schema.ts';
import type { NewOperationInput, OperationTransitionInput } from './operation.schema.ts';

/** The sealed log entry kind of operations. */
export const OPERATION_KIND = 'passage.operation';

/** What the operation service needs. */
export interface OperationServiceDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  now: () => Date;
}

/** An operation with its transitions, oldest first. */
export interface OperationWithHistory extends Operation {
  history: OperationEvent[];
}

/** Creates, lists and moves passage operations. */
export class OperationService {
  readonly #deps: OperationServiceDeps;

  constructor(deps: OperationServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Creates an operation in state `proposed`. Throws 'invalid_request' (bad input, unknown
   * place) or 'already_exists' (the given id is taken).
   *
   * @example await operations.create({ kind: 'convoy', name: 'Convoy 1' }, actor)
   */
  async create(input: NewOperationInput, actor: Actor): Promise<OperationWithHistory> {
    const parsed = parseInput(newOperationSchema, input, 'operation');
    const { db, sealer, now } = this.#deps;
    const store = passageStoreOn(db);
    const id = parsed.id ?? randomUUID();
    if ((await store.operations.get(id)) !== undefined) throw operationExists(id);
    for (const path of ['originPlaceId', 'destinationPlaceId'] as const) {
      const placeId = parsed[path];
      if (placeId != null && (await store.places.get(placeId)) === undefined) {
        throw unknownReference(path, 'place');
      }
    }
    const operation: Operation = {
      id,
      kind: parsed.kind,
      name: parsed.name,
      state: 'proposed',
      stateReason: null,
      originPlaceId: parsed.originPlaceId ?? null,
      destinationPlaceId: parsed.destinationPlaceId ?? null,
      windowStart: parsed.windowStart ?? null,
      windowEnd: parsed.windowEnd ?? null,
      version: 1,
      updatedAt: now().toISOString(),
    };
    const seal = await sealer.seal({
      kind: OPERATION_KIND,
      id,
      version: operation.version,
      record: { ...operation, actor: actor.id },
    });
    try {
      await db.transaction().execute(async (trx) => {
        await passageStoreOn(trx).operations.insert(operation);
        await insertSeals(trx, [seal]);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw operationExists(id, error);
      throw error;
    }
    return { ...operation, history: [] };
  }

  /** Every operation (or those in `state`), by window start, undated last. */
  list(state?: OperationState): Promise<Operation[]> {
    return passageStoreOn(this.#deps.db).operations.list(state === undefined ? undefined : [state]);
  }

  /** One operation with its history; 'not_found' if unknown. */
  async get(id: string): Promise<OperationWithHistory> {
    const operations = passageStoreOn(this.#deps.db).operations;
    const operation = await operations.get(id);
    if (operation === undefined) throw new DomainError('not_found', 'no such operation');
    return { ...operation, history: await operations.history(id) };
  }

  /**
   * Moves an operation to `to`. Throws 'not_found', 'conflict' (the operation is no longer at
   * `version`), 'invalid_transition' (the machine forbids it) or 'invalid_request' (halting
   * without a reason).
   */
  async transition(
    id: string,
    input: OperationTransitionInput,
    actor: Actor,
  ): Promise<OperationWithHistory> {
    const { to, reason, version } = parseInput(operationTransitionSchema, input, 'transition');
    const { db, sealer, now } = this.#deps;
    const current = await this.get(id);
    if (current.version !== version) {
      throw new DomainError('conflict', `operation ${id} changed meanwhile`, {
        details: { id, expectedVersion: version, currentVersion: current.version },
      });
    }
    const from = current.state;
    assertTransition(from, to, { reason, subjectId: id });
    const seal = await sealer.seal({
      kind: OPERATION_KIND,
      id,
      version: version + 1,
      record: { id, from, to, reason: reason ?? null, actor: actor.id },
    });
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      await passageStoreOn(trx).operations.transition({
        id,
        from,
        to,
        expectedVersion: version,
        at,
        actor: actor.id,
        reason: reason ?? null,
      });
      await insertSeals(trx, [seal]);
    });
    return this.get(id);
  }
}

function operationExists(id: string, cause?: unknown): DomainError {
  return new DomainError('already_exists', `operation ${id} already exists`, { cause });
}
