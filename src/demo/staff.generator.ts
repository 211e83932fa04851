// Demo staff accounts, one or more per role, with synthetic names (a random given name and
// family name in Latin script), so a newcomer can sign in as each role.
import type { Random } from './random.ts';
import type { DemoStaffMember } from './scenario.types.ts';
import { drawFamilyName, drawGivenName } from './synthetic-names.ts';

/** How many accounts of each role the demo creates. */
export const STAFF_PER_ROLE: Readonly<Record<DemoStaffMember['role'], number>> = {
  admin: 1,
  coordinator: 2,
  analyst: 2,
  monitor: 4,
  hotline: 2,
  partner: 2,
};

/**
 * The demo staff; logins are the role name, then role2, role3, … ('monitor', 'monitor2').
 *
 * @example
 * generateStaff(rng); // [{ login: 'admin', name: 'Anahit Sargsyan', role: 'admin' }, …]
 */
export function generateStaff(rng: Random): DemoStaffMember[] {
  const staff: DemoStaffMember[] = [];
  for (const [role, count] of Object.entries(STAFF_PER_ROLE)) {
    if (!isRole(role)) continue;
    for (let i = 1; i <= count; i++) {
      const given = drawGivenName(rng, rng.chance(0.5) ? 'female' : 'male');
      const name = `${given.en} ${drawFamilyName(rng).en}`;
      staff.push({ login: i === 1 ? role : `${role}${i}`, name, role });
    }
  }
  return staff;
}

function isRole(role: string): role is DemoStaffMember['role'] {
  return Object.hasOwn(STAFF_PER_ROLE, role);
}
