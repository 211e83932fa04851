import type { Kysely, Selectable } from 'kysely';
import { insertRows } from '../../store/insert-rows.ts';
import type { Database } from '../../store/schema.ts';
import type { HouseholdTable, MemberTable } from '../passage.tables.ts';
import type {
  Household,
  HouseholdBatch,
  HouseholdRepository,
  IntentionChange,
  Member,
} from './household.repository.ts';
import { isArrayOf, parseJsonColumn } from './json-column.ts';
import { MEMBER_FLAGS } from './passage-vocabulary.ts';
import { requireVersionedUpdate } from './versioned-update.kysely.ts';

const isMemberFlags = isArrayOf(MEMBER_FLAGS);

function householdRow(household: Household): HouseholdTable {
  return {
    id: household.id,
    reference_code: household.referenceCode,
    intention: household.intention,
    registered_at: household.registeredAt,
    origin_place_id: household.originPlaceId,
    member_count: household.memberCount,
    version: household.version,
  };
}

function memberRow(member: Member): MemberTable {
  return {
    person_ref: member.personRef,
    household_id: member.householdId,
    sex: member.sex,
    age_band: member.ageBand,
    flags: JSON.stringify(member.flags),
    family_group_id: member.familyGroupId,
  };
}

function toHousehold(row: Selectable<HouseholdTable>): Household {
  return {
    id: row.id,
    referenceCode: row.reference_code,
    intention: row.intention,
    registeredAt: row.registered_at,
    originPlaceId: row.origin_place_id,
    memberCount: row.member_count,
    version: row.version,
  };
}

function toMember(row: Selectable<MemberTable>): Member {
  return {
    personRef: row.person_ref,
    householdId: row.household_id,
    sex: row.sex,
    ageBand: row.age_band,
    flags: parseJsonColumn(row.flags, isMemberFlags, 'member.flags'),
    familyGroupId: row.family_group_id,
  };
}

/** Households, members and portal checks in portable Kysely; `db` may be a transaction. */
export class KyselyHouseholdRepository implements HouseholdRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertMany(batch: HouseholdBatch): Promise<void> {
    await insertRows(this.#db, 'household', batch.households.map(householdRow));
    await insertRows(this.#db, 'member', batch.members.map(memberRow));
    await insertRows(
      this.#db,
      'household_check',
      batch.checks.map((check) => ({
        household_id: check.householdId,
        check_hmac: check.checkHmac,
      })),
      { skipConflictsOn: ['household_id', 'check_hmac'] },
    );
  }

  async get(id: string): Promise<Household | undefined> {
    const row = await this.#db
      .selectFrom('household')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toHousehold(row);
  }

  async findByReferenceCode(referenceCode: string): Promise<Household | undefined> {
    const row = await this.#db
      .selectFrom('household')
      .selectAll()
      .where('reference_code', '=', referenceCode)
      .executeTakeFirst();
    return row === undefined ? undefined : toHousehold(row);
  }

  async hasCheck(householdId: string, checkHmac: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('household_check')
      .select('household_id')
      .where('household_id', '=', householdId)
      .where('check_hmac', '=', checkHmac)
      .executeTakeFirst();
    return row !== undefined;
  }

  async listMembers(householdId: string): Promise<Member[]> {
    const rows = await this.#db
      .selectFrom('member')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('person_ref')
      .execute();
    return rows.map(toMember);
  }

  async changeIntention(change: IntentionChange): Promise<void> {
    const { id, expectedVersion } = change;
    const result = await this.#db
      .updateTable('household')
      .set({ intention: change.intention, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    await requireVersionedUpdate(result, { kind: 'household', id, expectedVersion }, () =>
      this.#db.selectFrom('household').select('version').where('id', '=', id).executeTakeFirst(),
    );
  }
}
