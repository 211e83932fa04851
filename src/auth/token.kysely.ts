import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { isRole } from './roles.ts';
import type { StoredToken, TokenRepository } from './token.repository.ts';

/** Token repository in portable Kysely (SQLite and PostgreSQL alike). */
export class KyselyTokenRepository implements TokenRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(token: StoredToken): Promise<void> {
    await this.#db
      .insertInto('api_token')
      .values({
        id: token.id,
        name: token.name,
        role: token.role,
        token_sha256: token.tokenSha256,
        created_at: token.createdAt,
        revoked_at: token.revokedAt,
      })
      .execute();
  }

  async findByDigest(tokenSha256: string): Promise<StoredToken | undefined> {
    const row = await this.#db
      .selectFrom('api_token')
      .select(['id', 'name', 'role', 'token_sha256', 'created_at', 'revoked_at'])
      .where('token_sha256', '=', tokenSha256)
      .executeTakeFirst();
    if (row === undefined || !isRole(row.role)) return undefined;
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      tokenSha256: row.token_sha256,
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
    };
  }
}
