// Restrictions on the mission's own access (DOMAIN.md §1): denial, conditional access, delay and
// other impediments, recorded as events in their own right. They are published in full (DOMAIN.md
// §5: they concern the mission, not civilians), so each version is a PUBLIC log entry and the
// register is open to anyone; a correction is a new version with its reason (the corrections log
// of DOMAIN.md §6), never an overwrite. The staff member who recorded it is kept in the tables
// only: monitor names — and the ids that lead to them — never appear in a public answer or entry.
import type { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';
import { parseInput } from '../../passage/registry/registry-input.ts';
import { newRecordId } from '../../random/record-id.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import { assertRestrictionShape } from '../model/restriction-rules.ts';
import {
  newRestrictionSchema,
  restrictionCorrectionSchema,
  restrictionQuerySchema,
} from './operations.schema.ts';
import type { NewRestrictionInput, RestrictionCorrectionInput } from './operations.schema.ts';
import type { OperationsDeps } from './operations-deps.ts';
import { requireReferences } from './record-exists.kysely.ts';
import { KyselyRestrictionRepository } from './restriction.kysely.ts';
import type {
  AccessRestriction,
  PublicRestriction,
  PublicRestrictionVersion,
  RestrictionVersion,
} from './restriction.repository.ts';

/** The public log entry kind of a restriction's versions. */
export const RESTRICTION_KIND = 'access_restriction.version';

/** Which restrictions to list (before parsing). */
export type RestrictionQuery = z.input<typeof restrictionQuerySchema>;

/** A restriction with its versions, oldest first, as published. */
export interface RestrictionHistory {
  restriction: PublicRestriction;
  versions: PublicRestrictionVersion[];
}

/**
 * `restriction` without who recorded it.
 *
 * @example publicRestriction(stored).recordedBy // undefined
 */
export function publicRestriction(restriction: AccessRestriction): PublicRestriction {
  return {
    id: restriction.id,
    kind: restriction.kind,
    subKind: restriction.subKind,
    occurredAt: restriction.occurredAt,
    placeId: restriction.placeId,
    durationMinutes: restriction.durationMinutes,
    imposedBy: restriction.imposedBy,
    patrolId: restriction.patrolId,
    description: restriction.description,
    createdAt: restriction.createdAt,
    version: restriction.version,
  };
}

function publicVersion(version: RestrictionVersion): PublicRestrictionVersion {
  return {
    version: version.version,
    kind: version.kind,
    subKind: version.subKind,
    occurredAt: version.occurredAt,
    placeId: version.placeId,
    durationMinutes: version.durationMinutes,
    imposedBy: version.imposedBy,
    patrolId: version.patrolId,
    description: version.description,
    reason: version.reason,
    at: version.at,
  };
}

/** Records the mission's access restrictions, corrects them, and publishes them. */
export class RestrictionService {
  readonly #deps: OperationsDeps;

  constructor(deps: OperationsDeps) {
    this.#deps = deps;
  }

  /**
   * Records a restriction as `actor`: 'invalid_request' for bad input, an incomplete record for
   * its kind (a delay without its duration …) or an unknown place or patrol.
   */
  async record(input: NewRestrictionInput, actor: string): Promise<PublicRestriction> {
    const parsed = parseInput(newRestrictionSchema, input, 'access restriction');
    await this.#check(parsed);
    const at = this.#deps.now().toISOString();
    const restriction: AccessRestriction = {
      id: newRecordId(),
      ...parsed,
      recordedBy: actor,
      createdAt: at,
      version: 1,
    };
    const first = {
      ...parsed,
      restrictionId: restriction.id,
      version: 1,
      reason: 'recorded',
      at,
      actor,
    };
    const seal = await this.#sealVersion(first);
    await this.#deps.db.transaction().execute(async (trx) => {
      await new KyselyRestrictionRepository(trx).insert(restriction, first);
      await insertSeals(trx, [seal]);
    });
    return publicRestriction(restriction);
  }

  /**
   * A corrected version of restriction `id`, changing the fields given: 'not_found', 'conflict'
   * (not at the version read) or 'invalid_request' (as for a new record).
   */
  async correct(
    id: string,
    input: RestrictionCorrectionInput,
    actor: string,
  ): Promise<RestrictionHistory> {
    const parsed = parseInput(restrictionCorrectionSchema, input, 'restriction correction');
    const repository = new KyselyRestrictionRepository(this.#deps.db);
    const current = await repository.get(id);
    if (current === undefined) throw new DomainError('not_found', 'no such restriction');
    if (current.version !== parsed.version) {
      throw new DomainError('conflict', 'the restriction changed meanwhile', {
        details: { id, expectedVersion: parsed.version, currentVersion: current.version },
      });
    }
    const next: RestrictionVersion = {
      restrictionId: id,
      version: current.version + 1,
      kind: parsed.kind ?? current.kind,
      subKind: parsed.subKind === undefined ? current.subKind : parsed.subKind,
      occurredAt: parsed.occurredAt ?? current.occurredAt,
      placeId: parsed.placeId ?? current.placeId,
      durationMinutes:
        parsed.durationMinutes === undefined ? current.durationMinutes : parsed.durationMinutes,
      imposedBy: parsed.imposedBy ?? current.imposedBy,
      patrolId: parsed.patrolId === undefined ? current.patrolId : parsed.patrolId,
      description: parsed.description ?? current.description,
      reason: parsed.reason,
      at: this.#deps.now().toISOString(),
      actor,
    };
    await this.#check(next);
    const seal = await this.#sealVersion(next);
    await this.#deps.db.transaction().execute(async (trx) => {
      await new KyselyRestrictionRepository(trx).correct(next);
      await insertSeals(trx, [seal]);
    });
    return this.get(id);
  }

  /** A restriction with every version, as published; 'not_found' if unknown. */
  async get(id: string): Promise<RestrictionHistory> {
    const repository = new KyselyRestrictionRepository(this.#deps.db);
    const restriction = await repository.get(id);
    if (restriction === undefined) throw new DomainError('not_found', 'no such restriction');
    const versions = await repository.versions(id);
    return { restriction: publicRestriction(restriction), versions: versions.map(publicVersion) };
  }

  /** Published restrictions, newest first. */
  async list(query: RestrictionQuery): Promise<PublicRestriction[]> {
    const filter = parseInput(restrictionQuerySchema, query, 'restriction query');
    const rows = await new KyselyRestrictionRepository(this.#deps.db).list(filter);
    return rows.map(publicRestriction);
  }

  /** The rules of its kind, and the place and patrol it names. */
  async #check(restriction: {
    kind: AccessRestriction['kind'];
    subKind: AccessRestriction['subKind'];
    durationMinutes: number | null;
    placeId: string;
    patrolId: string | null;
  }): Promise<void> {
    assertRestrictionShape(restriction);
    await requireReferences(this.#deps.db, [
      ['placeId', 'place', restriction.placeId],
      ['patrolId', 'patrol', restriction.patrolId],
    ]);
  }

  /** The public entry of a version: content and why, never who recorded it. */
  #sealVersion(version: RestrictionVersion) {
    return this.#deps.sealer.seal({
      kind: RESTRICTION_KIND,
      id: version.restrictionId,
      version: version.version,
      record: { restrictionId: version.restrictionId, ...publicVersion(version) },
      visibility: 'public',
    });
  }
}
