import type { StaffRole } from './roles.ts';

/** A stored staff user: the password only as its Argon2id hash, the TOTP secret sealed. */
export interface StoredStaffUser {
  id: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  totpSecretSealed: string;
  lastTotpCounter: number;
  createdAt: string;
  disabledAt: string | null;
}

/** A stored session: never the cookie's token, only its digest. */
export interface StoredSession {
  id: string;
  tokenSha256: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** Port for staff accounts and their sessions. */
export interface StaffRepository {
  /** Inserts `user`; false (and nothing written) when the name is taken. */
  insertUser(user: StoredStaffUser): Promise<boolean>;
  findUserByName(name: string): Promise<StoredStaffUser | undefined>;
  countUsers(): Promise<number>;
  /** Every user, ordered by name. */
  listUsers(): Promise<StoredStaffUser[]>;
  /**
   * Records that the TOTP step `counter` was used, only if it is later than the last one
   * recorded; false when it is not (a replay, possibly a concurrent one).
   */
  advanceTotpCounter(userId: string, counter: number): Promise<boolean>;
  insertSession(session: StoredSession): Promise<void>;
  /** The session with `tokenSha256`, with its user. */
  findSession(
    tokenSha256: string,
  ): Promise<{ session: StoredSession; user: StoredStaffUser } | undefined>;
  /** Marks the session with `tokenSha256` revoked at `at` (no-op if unknown or revoked). */
  revokeSession(tokenSha256: string, at: string): Promise<void>;
}
