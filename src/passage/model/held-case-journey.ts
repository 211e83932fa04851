// What a held case says about the journey of the person it follows (DOMAIN.md §5). The case
// machine tracks custody; the journey machine tracks the road, and reconciliation counts people
// by journey state (departed = arrived + held + turned back + died + unaccounted). So when a
// coordinator confirms that a person is held, loses track of them or learns of their release,
// the journey moves too — or reconciliation would keep counting a released person as held, and
// the overdue clock would never restart for them.
import { canTransition } from './journey.machine.ts';
import type { HeldCaseState, JourneyState } from './states.ts';

/** The journey state each case state implies; undefined: the case says nothing new of the road. */
const IMPLIED: Readonly<Record<HeldCaseState, JourneyState | undefined>> = {
  reported: undefined,
  confirmed_held: 'detained',
  location_known: 'detained',
  icrc_access: 'detained',
  charged: 'detained',
  sentenced: 'detained',
  transferred: 'detained',
  whereabouts_unknown: 'unknown',
  released: 'released',
  // The journey machine has no death in custody: the person stays counted as held, and the case
  // carries what happened.
  died_in_custody: undefined,
};

/**
 * The state a journey now in `journey` should move to when its held case enters `heldCase`, or
 * undefined when it should stay (already there, or moved on in a way the case cannot undo: a
 * person who has since arrived is not sent back into custody by a late update).
 *
 * @example journeyStepForHeldCase('held_secondary', 'confirmed_held') // 'detained'
 */
export function journeyStepForHeldCase(
  journey: JourneyState,
  heldCase: HeldCaseState,
): JourneyState | undefined {
  const implied = IMPLIED[heldCase];
  if (implied === undefined || implied === journey) return undefined;
  return canTransition(journey, implied) ? implied : undefined;
}
