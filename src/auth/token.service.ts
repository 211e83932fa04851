// Bearer tokens for partners and other services (`vgl_…`); see secret-token.ts for why a plain
// SHA-256 digest is the right way to store them.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors/domain-error.ts';
import type { Principal, Role } from './roles.ts';
import { hasSecretShape, newSecretToken, sameDigest, secretDigest } from './secret-token.ts';
import type { TokenRepository } from './token.repository.ts';

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
    const token = newSecretToken('vgl_');
    const id = randomUUID();
    await this.#tokens.insert({
      id,
      name,
      role: input.role,
      tokenSha256: secretDigest(token),
      createdAt: new Date().toISOString(),
      revokedAt: null,
    });
    return { id, token };
  }

  /** The principal a presented token stands for; `unauthenticated` if none. */
  async authenticate(presented: string): Promise<Principal> {
    if (!hasSecretShape(presented, 'vgl_')) throw unauthenticated();
    const expected = secretDigest(presented);
    const stored = await this.#tokens.findByDigest(expected);
    if (stored === undefined || stored.revokedAt !== null) throw unauthenticated();
    if (!sameDigest(stored.tokenSha256, expected)) throw unauthenticated();
    return { tokenId: stored.id, name: stored.name, role: stored.role, kind: 'token' };
  }
}

function unauthenticated(): DomainError<'unauthenticated'> {
  return new DomainError('unauthenticated', 'unknown or revoked token');
}
