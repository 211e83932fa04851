import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { StaffUserTable } from './auth.tables.ts';
import { isStaffRole } from './roles.ts';
import type { StaffRepository, StoredSession, StoredStaffUser } from './staff.repository.ts';

const USER_COLUMNS = [
  'staff_user.id',
  'staff_user.name',
  'staff_user.role',
  'staff_user.password_hash',
  'staff_user.totp_secret_sealed',
  'staff_user.last_totp_counter',
  'staff_user.created_at',
  'staff_user.disabled_at',
] as const;

/** A row as stored, or undefined when its role is not (or no longer) a staff role. */
function toUser(row: Selectable<StaffUserTable>): StoredStaffUser | undefined {
  if (!isStaffRole(row.role)) return undefined;
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    totpSecretSealed: row.totp_secret_sealed,
    lastTotpCounter: row.last_totp_counter,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

/** Staff repository in portable Kysely (SQLite and PostgreSQL alike). */
export class KyselyStaffRepository implements StaffRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertUser(user: StoredStaffUser): Promise<boolean> {
    const result = await this.#db
      .insertInto('staff_user')
      .values({
        id: user.id,
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash,
        totp_secret_sealed: user.totpSecretSealed,
        last_totp_counter: user.lastTotpCounter,
        created_at: user.createdAt,
        disabled_at: user.disabledAt,
      })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async findUserByName(name: string): Promise<StoredStaffUser | undefined> {
    const row = await this.#db
      .selectFrom('staff_user')
      .select(USER_COLUMNS)
      .where('name', '=', name)
      .executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }

  async countUsers(): Promise<number> {
    const row = await this.#db
      .selectFrom('staff_user')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async listUsers(): Promise<StoredStaffUser[]> {
    const rows = await this.#db
      .selectFrom('staff_user')
      .select(USER_COLUMNS)
      .orderBy('name')
      .execute();
    return rows.map(toUser).filter((user) => user !== undefined);
  }

  async advanceTotpCounter(userId: string, counter: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('staff_user')
      .set({ last_totp_counter: counter })
      .where('id', '=', userId)
      .where('last_totp_counter', '<', counter)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertSession(session: StoredSession): Promise<void> {
    await this.#db
      .insertInto('staff_session')
      .values({
        id: session.id,
        token_sha256: session.tokenSha256,
        user_id: session.userId,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
        revoked_at: session.revokedAt,
      })
      .execute();
  }

  async findSession(
    tokenSha256: string,
  ): Promise<{ session: StoredSession; user: StoredStaffUser } | undefined> {
    const row = await this.#db
      .selectFrom('staff_session')
      .innerJoin('staff_user', 'staff_user.id', 'staff_session.user_id')
      .select(USER_COLUMNS)
      .select([
        'staff_session.id as session_id',
        'staff_session.token_sha256',
        'staff_session.created_at as session_created_at',
        'staff_session.expires_at',
        'staff_session.revoked_at',
      ])
      .where('staff_session.token_sha256', '=', tokenSha256)
      .executeTakeFirst();
    const user = row === undefined ? undefined : toUser(row);
    if (row === undefined || user === undefined) return undefined;
    const session: StoredSession = {
      id: row.session_id,
      tokenSha256: row.token_sha256,
      userId: user.id,
      createdAt: row.session_created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    };
    return { session, user };
  }

  async revokeSession(tokenSha256: string, at: string): Promise<void> {
    await this.#db
      .updateTable('staff_session')
      .set({ revoked_at: at })
      .where('token_sha256', '=', tokenSha256)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
