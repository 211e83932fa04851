import type { Kysely } from 'kysely';
import { perTickLoader } from '../store/per-tick-loader.ts';
import type { Database } from '../store/schema.ts';
import type {
  DeviceOwner,
  DeviceRepository,
  DeviceWithOwner,
  StoredDevice,
} from './device.repository.ts';
import { isStaffRole } from './roles.ts';

const DEVICE_COLUMNS = [
  'device.id',
  'device.name',
  'device.user_id',
  'device.public_key',
  'device.token_sha256',
  'device.created_at',
  'device.revoked_at',
] as const;

interface DeviceRow {
  id: string;
  name: string;
  user_id: string;
  public_key: string;
  token_sha256: string;
  created_at: string;
  revoked_at: string | null;
}

function toDevice(row: DeviceRow): StoredDevice {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    publicKey: row.public_key,
    tokenSha256: row.token_sha256,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Device repository in portable Kysely (SQLite and PostgreSQL alike). */
export class KyselyDeviceRepository implements DeviceRepository {
  readonly #db: Kysely<Database>;

  // Every request of a device authenticates by its token: those arriving together share a query.
  readonly #byDigest = perTickLoader((digests: readonly string[]) => this.#findByDigests(digests));

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(device: StoredDevice): Promise<void> {
    await this.#db
      .insertInto('device')
      .values({
        id: device.id,
        name: device.name,
        user_id: device.userId,
        public_key: device.publicKey,
        token_sha256: device.tokenSha256,
        created_at: device.createdAt,
        revoked_at: device.revokedAt,
      })
      .execute();
  }

  findByDigest(tokenSha256: string): Promise<DeviceWithOwner | undefined> {
    return this.#byDigest.load(tokenSha256);
  }

  /** The devices holding any of `digests` (with their owners), by digest: one query. */
  async #findByDigests(digests: readonly string[]): Promise<Map<string, DeviceWithOwner>> {
    const rows = await this.#db
      .selectFrom('device')
      .innerJoin('staff_user', 'staff_user.id', 'device.user_id')
      .select(DEVICE_COLUMNS)
      .select([
        'staff_user.name as owner_name',
        'staff_user.role as owner_role',
        'staff_user.disabled_at as owner_disabled_at',
      ])
      .where('device.token_sha256', 'in', digests)
      .execute();
    const found = new Map<string, DeviceWithOwner>();
    for (const row of rows) {
      // A row whose owner's role is not a staff role (written by another version) grants nothing.
      if (!isStaffRole(row.owner_role)) continue;
      const owner: DeviceOwner = {
        id: row.user_id,
        name: row.owner_name,
        role: row.owner_role,
        disabledAt: row.owner_disabled_at,
      };
      found.set(row.token_sha256, { device: toDevice(row), owner });
    }
    return found;
  }

  async findById(id: string): Promise<StoredDevice | undefined> {
    const row = await this.#db
      .selectFrom('device')
      .select(DEVICE_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toDevice(row);
  }

  async revoke(id: string, at: string): Promise<string | undefined> {
    await this.#db
      .updateTable('device')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await this.#db
      .selectFrom('device')
      .select('revoked_at')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.revoked_at ?? undefined;
  }
}
