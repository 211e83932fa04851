// TOTP second factor (RFC 6238 with the parameters every authenticator app supports: HMAC-SHA1,
// 6 digits, 30-second steps). A code is accepted one step early or late (clock drift), and the
// step it matched is returned so the caller can refuse a replay of that step or an earlier one.
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Vigil';
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const SECRET_BYTES = 20;

function totpFor(secret: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
  });
}

/** A fresh 160-bit TOTP secret (RFC 4226 §4 recommends 160), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The otpauth:// URI an authenticator app scans to enrol `secret` for `name`. */
export function totpUri(secret: string, name: string): string {
  return totpFor(secret, name).toString();
}

/** The code for `secret` at `atMs` (tests, the demo). */
export function totpCode(secret: string, atMs: number = Date.now()): string {
  return totpFor(secret).generate({ timestamp: atMs });
}

/**
 * The time step `code` matches for `secret` at `atMs` (±1 step), or undefined. `code` is
 * attacker-controlled: anything but six digits is refused before any HMAC is computed.
 */
export function matchTotp(secret: string, code: string, atMs: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const totp = totpFor(secret);
  const delta = totp.validate({ token: code, timestamp: atMs, window: 1 });
  if (delta === null) return undefined;
  return totp.counter({ timestamp: atMs }) + delta;
}
