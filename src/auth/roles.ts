/** The roles of DESIGN.md §5 that can hold a bearer token or a staff account. */
export const ROLES = [
  'admin',
  'coordinator',
  'analyst',
  'monitor',
  'hotline',
  'partner',
  'resident',
] as const;

/** One of ROLES. */
export type Role = (typeof ROLES)[number];

/**
 * The roles a staff account (password + TOTP, web session) can hold. Partners and residents are
 * outside the mission's staff: partners hold bearer tokens, residents use the portal.
 */
export const STAFF_ROLES = ['admin', 'coordinator', 'analyst', 'monitor', 'hotline'] as const;

/** One of STAFF_ROLES. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `value` names a role a staff account may hold. */
export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * How a caller proved who it is: an API bearer token (`vgl_…`), a staff session cookie, or a
 * registered device's bearer token (`vgd_…`).
 */
export type CredentialKind = 'token' | 'session' | 'device';

/** Who is calling, once authenticated. */
export interface Principal {
  /** Id of the credential used (API token, session or device id): rate limits key on it. */
  tokenId: string;
  name: string;
  role: Role;
  kind: CredentialKind;
  /** The staff user behind a session or a device. */
  userId?: string;
  /** The device whose token was presented. */
  deviceId?: string;
  /** When the credential stops being valid (sessions). */
  expiresAt?: string;
}
