// The signed-in staff member, as GET /api/v1/session describes them.

/** Staff roles (src/auth/roles.ts). */
export type StaffRole = 'admin' | 'coordinator' | 'analyst' | 'monitor' | 'hotline';

/** A staff session: who, in which role, until when. */
export interface StaffSession {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly expiresAt: string;
}
