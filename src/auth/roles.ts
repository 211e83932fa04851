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

/** True when `value` names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who is calling, once authenticated. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
}
