// Bearer tokens for partners and devices. A token is 256 random bits, so a plain SHA-256 digest
// is a safe way to store it (no dictionary to try); the digest is also the look-up key, and the
// final comparison is constant-time anyway.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors/domain-error.ts';
import type { Principal, Role } from './roles.ts';
import type { TokenRepository } from './token.repository.ts';

const PREFIX = 'vgl_';
const TOKEN_SHAPE = /^vgl_[A-Za-z0-9_-]{43}$/;

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Issues and checks bearer tokens. */
export class TokenService {
  readonly #tokens: TokenRepository;

  constructor(tokens: TokenRepository) {
    this.#tokens = tokens;
  }

  /** Creates a token; the returned secret is shown once and never stored. */
  async createToken(input: { name: string; role: Role }): Promise<{ id: string; token: string }> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) {
      throw new DomainError('invalid_request', 'a token needs a name of 1 to 200 characters');
    }
    const token = PREFIX + randomBytes(32).toString('base64url');
    const id = randomUUID();
    await this.#tokens.insert({
      id,
      name,
      role: input.role,
      tokenSha256: digest(token),
      createdAt: new Date().toISOString(),
      revokedAt: null,
    });
    return { id, token };
  }

  /** The principal a presented token stands for; `unauthenticated` if none. */
  async authenticate(presented: string): Promise<Principal> {
    if (!TOKEN_SHAPE.test(presented)) throw unauthenticated();
    const expected = digest(presented);
    const stored = await this.#tokens.findByDigest(expected);
    if (stored === undefined || stored.revokedAt !== null) throw unauthenticated();
    const same = timingSafeEqual(Buffer.from(stored.tokenSha256), Buffer.from(expected));
    if (!same) throw unauthenticated();
    return { tokenId: stored.id, name: stored.name, role: stored.role };
  }
}

function unauthenticated(): DomainError<'unauthenticated'> {
  return new DomainError('unauthenticated', 'unknown or revoked token');
}
