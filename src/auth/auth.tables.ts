// The auth domain's tables (built by src/store/migrations/0002-staff.ts). Secrets are never
// stored as presented: passwords as Argon2id hashes, session and device tokens as SHA-256
// digests, TOTP secrets sealed by a SecretBox.

/** staff_user: a person of the mission who signs in with a password and TOTP. */
export interface StaffUserTable {
  id: string;
  /** Login name, lower case, unique. */
  name: string;
  role: string;
  /** Argon2id PHC string. */
  password_hash: string;
  /** The base32 TOTP secret, sealed (SecretBox). */
  totp_secret_sealed: string;
  /** The last TOTP time step accepted; a code of that step or an earlier one is a replay. */
  last_totp_counter: number;
  created_at: string;
  disabled_at: string | null;
}

/** staff_session: a signed-in browser; the cookie's token is stored only as its digest. */
export interface StaffSessionTable {
  id: string;
  token_sha256: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** device: a field device registered by a staff user; it acts with that user's role. */
export interface DeviceTable {
  id: string;
  name: string;
  user_id: string;
  /** base64 of the raw 32-byte Ed25519 public key. */
  public_key: string;
  token_sha256: string;
  created_at: string;
  revoked_at: string | null;
}

/** The auth domain's tables. */
export interface AuthTables {
  staff_user: StaffUserTable;
  staff_session: StaffSessionTable;
  device: DeviceTable;
}
