// Bearer secrets (API tokens, session cookies, device tokens): 256 random bits behind a short
// prefix that says what the secret is (so a leaked one is recognisable in logs and by secret
// scanners). 256 random bits leave no dictionary to try, so a plain SHA-256 digest is a safe way
// to store them, and the digest doubles as the look-up key.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The prefixes Vigil's bearer secrets carry. */
export type SecretPrefix = 'vgl_' | 'vgs_' | 'vgd_';

/** A fresh secret: `prefix` + 43 base64url characters (32 random bytes). */
export function newSecretToken(prefix: SecretPrefix): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** True when `presented` has the shape of a secret with `prefix` (checked before any look-up). */
export function hasSecretShape(presented: string, prefix: SecretPrefix): boolean {
  return (
    presented.length === prefix.length + 43 &&
    presented.startsWith(prefix) &&
    /^[A-Za-z0-9_-]{43}$/.test(presented.slice(prefix.length))
  );
}

/** The stored form of a secret: SHA-256, 64 lowercase hex digits. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time equality of two digests (belt and braces after a look-up by digest). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
