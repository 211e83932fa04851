// Staff passwords: Argon2id with the OWASP Password Storage Cheat Sheet's first configuration
// (m = 19 MiB, t = 2, p = 1), about 10 ms per hash here.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Options } from '@node-rs/argon2';

const ARGON2ID: Options = {
  // `Algorithm` is an ambient const enum in the package's typings and an empty object at run
  // time, so it cannot be imported under verbatimModuleSyntax: 2 is Algorithm.Argon2id (the
  // unit test checks the hashes say $argon2id$).
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Longest password accepted: bounds the hashing work an anonymous caller can ask for. */
export const MAX_PASSWORD_LENGTH = 256;

/** Shortest password a person may choose (generated ones are longer). */
export const MIN_PASSWORD_LENGTH = 12;

/** The Argon2id PHC string of `password`. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** True when `password` matches `passwordHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A generated password: 32 base64url characters (192 random bits). */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}
