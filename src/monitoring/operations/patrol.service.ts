// The mission's patrols (DOMAIN.md §1, §5): planned, the parties notified, deployed, on task,
// perhaps restricted, then returned or aborted. Staff-only (they say where monitors will be):
// every change is a SEALED log entry, and each transition keeps who, when and why.
import { DomainError } from '../../errors/domain-error.ts';
import { parseInput } from '../../passage/registry/registry-input.ts';
import { newRecordId } from '../../random/record-id.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import { assertPatrolTransition } from '../model/patrol.machine.ts';
import type { PatrolState } from '../model/operations-vocabulary.ts';
import { newPatrolSchema, patrolTransitionSchema } from './operations.schema.ts';
import type { NewPatrolInput, PatrolTransitionInput } from './operations.schema.ts';
import type { OperationsDeps } from './operations-deps.ts';
import { KyselyPatrolRepository } from './patrol.kysely.ts';
import type { Patrol, PatrolEvent } from './patrol.repository.ts';
import { requireReferences } from './record-exists.kysely.ts';
import { KyselyRestrictionRepository } from './restriction.kysely.ts';
import type { AccessRestriction } from './restriction.repository.ts';

/** Sealed log entry kinds of patrols. */
export const PATROL_KINDS = { planned: 'patrol.planned', transition: 'patrol.transition' } as const;

/** A patrol, its transitions (oldest first) and the restrictions that hit it. */
export interface PatrolView {
  patrol: Patrol;
  history: PatrolEvent[];
  restrictions: AccessRestriction[];
}

/** Plans patrols and moves them through their machine. */
export class PatrolService {
  readonly #deps: OperationsDeps;

  constructor(deps: OperationsDeps) {
    this.#deps = deps;
  }

  /** Plans a patrol as `actor`; 'invalid_request' for bad input or an unknown place. */
  async plan(input: NewPatrolInput, actor: string): Promise<PatrolView> {
    const parsed = parseInput(newPatrolSchema, input, 'patrol');
    const { db, sealer, now } = this.#deps;
    await requireReferences(db, [['placeId', 'place', parsed.placeId]]);
    const at = now().toISOString();
    const patrol: Patrol = {
      id: newRecordId(),
      ...parsed,
      state: 'planned',
      createdBy: actor,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const seal = await sealer.seal({
      kind: PATROL_KINDS.planned,
      id: patrol.id,
      version: 1,
      record: patrol,
    });
    await db.transaction().execute(async (trx) => {
      await new KyselyPatrolRepository(trx).insert(patrol);
      await insertSeals(trx, [seal]);
    });
    return this.get(patrol.id);
  }

  /** Patrols by planned start, newest first. */
  list(filter: { state?: PatrolState | undefined; limit: number }): Promise<Patrol[]> {
    return new KyselyPatrolRepository(this.#deps.db).list(filter);
  }

  /** The patrol with its history and restrictions; 'not_found' if unknown. */
  async get(id: string): Promise<PatrolView> {
    const patrols = new KyselyPatrolRepository(this.#deps.db);
    const patrol = await patrols.get(id);
    if (patrol === undefined) throw new DomainError('not_found', 'no such patrol');
    const [history, restrictions] = await Promise.all([
      patrols.history(id),
      new KyselyRestrictionRepository(this.#deps.db).listForPatrol(id),
    ]);
    return { patrol, history, restrictions };
  }

  /** Moves patrol `id` as `actor`: 'not_found', 'conflict' or 'invalid_transition'. */
  async transition(id: string, input: PatrolTransitionInput, actor: string): Promise<PatrolView> {
    const parsed = parseInput(patrolTransitionSchema, input, 'patrol transition');
    const { patrol } = await this.get(id);
    if (patrol.version !== parsed.version) {
      throw new DomainError('conflict', 'the patrol changed meanwhile', {
        details: { id, expectedVersion: parsed.version, currentVersion: patrol.version },
      });
    }
    assertPatrolTransition(patrol.state, parsed.to, { subjectId: id });
    const version = patrol.version + 1;
    const at = this.#deps.now().toISOString();
    const change = {
      id,
      from: patrol.state,
      to: parsed.to,
      expectedVersion: patrol.version,
      reason: parsed.reason,
      at,
      actor,
    };
    const { from, to, reason } = change;
    const seal = await this.#deps.sealer.seal({
      kind: PATROL_KINDS.transition,
      id,
      version,
      record: { patrolId: id, version, from, to, reason, at, actor },
    });
    await this.#deps.db.transaction().execute(async (trx) => {
      await new KyselyPatrolRepository(trx).transition(change);
      await insertSeals(trx, [seal]);
    });
    return this.get(id);
  }
}
