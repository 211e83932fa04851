// Staff accounts and sign-in (DESIGN.md §5): a password (Argon2id) plus a TOTP code, then a
// session whose 256-bit token lives in an HttpOnly cookie and is stored only as its digest.
// Every refusal of a sign-in is the same `unauthenticated`, and an unknown name costs the same
// Argon2id work as a known one, so neither the answer nor its timing says which names exist.
import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error.ts';
import {
  generatePassword,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from './password.ts';
import type { Principal, StaffRole } from './roles.ts';
import type { SecretBox } from './secret-box.ts';
import { hasSecretShape, newSecretToken, sameDigest, secretDigest } from './secret-token.ts';
import type { StaffRepository, StoredStaffUser } from './staff.repository.ts';
import { matchTotp, newTotpSecret, totpUri } from './totp.ts';

/** How long a session lasts from sign-in (one working shift). */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** Login names: lower case letters, digits, '.', '_' and '-', 1 to 64 characters. */
const NAME_SHAPE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The first user `ensureFirstAdmin` creates. */
export const FIRST_ADMIN_NAME = 'admin';

/** What a new account's holder is told once: nothing of it is stored in clear. */
export interface NewStaffUser {
  id: string;
  name: string;
  role: StaffRole;
  password: string;
  /** base32, for manual entry in an authenticator app. */
  totpSecret: string;
  /** otpauth:// URI, for a QR code. */
  totpUri: string;
}

/** A signed-in session: `token` goes into the cookie and nowhere else. */
export interface StaffSession {
  token: string;
  principal: Principal;
  expiresAt: string;
}

/** A staff account as listed to an admin: no secret, not even a hash. */
export interface StaffUserSummary {
  id: string;
  name: string;
  role: StaffRole;
  createdAt: string;
  disabledAt: string | null;
}

/** What StaffService needs. */
export interface StaffServiceOptions {
  repository: StaffRepository;
  secretBox: SecretBox;
  now?: () => Date;
}

/** Normalises a login name: trimmed, lower case. */
export function normaliseStaffName(name: string): string {
  return name.trim().toLowerCase();
}

/** Staff accounts, sign-in with password + TOTP, and sessions. */
export class StaffService {
  readonly #repository: StaffRepository;
  readonly #box: SecretBox;
  readonly #now: () => Date;
  readonly #dummyHash: Promise<string>;

  constructor(options: StaffServiceOptions) {
    this.#repository = options.repository;
    this.#box = options.secretBox;
    this.#now = options.now ?? (() => new Date());
    // Hashed now, not on the first unknown name, so that first attempt is not slower either.
    this.#dummyHash = hashPassword(randomBytes(16).toString('base64url'));
    this.#dummyHash.catch(() => undefined); // awaited (and then thrown) where it is used
  }

  /** Creates an account; the password (generated unless given) and TOTP secret are shown once. */
  async addUser(input: {
    name: string;
    role: StaffRole;
    password?: string;
  }): Promise<NewStaffUser> {
    const name = normaliseStaffName(input.name);
    if (!NAME_SHAPE.test(name)) {
      throw new DomainError('invalid_request', 'a login name is 1 to 64 of a-z 0-9 . _ -');
    }
    const password = input.password ?? generatePassword();
    if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
      throw new DomainError('invalid_request', 'a password is 12 to 256 characters');
    }
    const totpSecret = newTotpSecret();
    const id = randomUUID();
    const inserted = await this.#repository.insertUser({
      id,
      name,
      role: input.role,
      passwordHash: await hashPassword(password),
      totpSecretSealed: this.#box.seal(totpSecret),
      lastTotpCounter: 0,
      createdAt: this.#now().toISOString(),
      disabledAt: null,
    });
    if (!inserted) throw new DomainError('conflict', 'a staff user with this name exists');
    return { id, name, role: input.role, password, totpSecret, totpUri: totpUri(totpSecret, name) };
  }

  /** Creates the first admin when there is no staff user at all; else undefined. */
  async ensureFirstAdmin(): Promise<NewStaffUser | undefined> {
    if ((await this.#repository.countUsers()) > 0) return undefined;
    try {
      return await this.addUser({ name: FIRST_ADMIN_NAME, role: 'admin' });
    } catch (error) {
      // Another process created it between the count and the insert.
      if (error instanceof DomainError && error.code === 'conflict') return undefined;
      throw error;
    }
  }

  /** Signs in with name, password and a TOTP code not used before; one error for every refusal. */
  async signIn(input: { name: string; password: string; totp: string }): Promise<StaffSession> {
    const now = this.#now();
    const user = await this.#repository.findUserByName(normaliseStaffName(input.name));
    // Unknown names are checked against a dummy hash so they cost the same time as known ones.
    const passwordHash = user?.passwordHash ?? (await this.#dummyHash);
    const passwordMatches = await verifyPassword(passwordHash, input.password);
    if (user === undefined || !passwordMatches || user.disabledAt !== null) throw badCredentials();
    const counter = matchTotp(this.#box.open(user.totpSecretSealed), input.totp, now.getTime());
    if (counter === undefined || counter <= user.lastTotpCounter) throw badCredentials();
    if (!(await this.#repository.advanceTotpCounter(user.id, counter))) throw badCredentials();
    return this.#startSession(user, now);
  }

  /** The principal of a session cookie's token; `unauthenticated` if unknown, ended or expired. */
  async authenticateSession(token: string): Promise<Principal> {
    if (!hasSecretShape(token, 'vgs_')) throw noSession();
    const expected = secretDigest(token);
    const found = await this.#repository.findSession(expected);
    if (found === undefined || !sameDigest(found.session.tokenSha256, expected)) throw noSession();
    const { session, user } = found;
    const expired = Date.parse(session.expiresAt) <= this.#now().getTime();
    if (session.revokedAt !== null || user.disabledAt !== null || expired) throw noSession();
    return sessionPrincipal(user, session.id, session.expiresAt);
  }

  /** Ends the session of `token` (nothing happens for an unknown one). */
  async signOut(token: string): Promise<void> {
    if (!hasSecretShape(token, 'vgs_')) return;
    await this.#repository.revokeSession(secretDigest(token), this.#now().toISOString());
  }

  /** Every account, without secrets. */
  async listUsers(): Promise<StaffUserSummary[]> {
    const users = await this.#repository.listUsers();
    return users.map(({ id, name, role, createdAt, disabledAt }) => ({
      id,
      name,
      role,
      createdAt,
      disabledAt,
    }));
  }

  async #startSession(user: StoredStaffUser, now: Date): Promise<StaffSession> {
    const token = newSecretToken('vgs_');
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
    await this.#repository.insertSession({
      id,
      tokenSha256: secretDigest(token),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt,
      revokedAt: null,
    });
    return { token, principal: sessionPrincipal(user, id, expiresAt), expiresAt };
  }
}

function sessionPrincipal(user: StoredStaffUser, sessionId: string, expiresAt: string): Principal {
  return {
    tokenId: sessionId,
    name: user.name,
    role: user.role,
    kind: 'session',
    userId: user.id,
    expiresAt,
  };
}

function badCredentials(): DomainError<'unauthenticated'> {
  return new DomainError('unauthenticated', 'wrong name, password or code');
}

function noSession(): DomainError<'unauthenticated'> {
  return new DomainError('unauthenticated', 'unknown, ended or expired session');
}
