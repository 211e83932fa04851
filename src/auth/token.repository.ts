import type { Role } from './roles.ts';

/** A stored token: never the token itself, only its digest. */
export interface StoredToken {
  id: string;
  name: string;
  role: Role;
  tokenSha256: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Port for bearer-token storage. */
export interface TokenRepository {
  insert(token: StoredToken): Promise<void>;
  findByDigest(tokenSha256: string): Promise<StoredToken | undefined>;
}
