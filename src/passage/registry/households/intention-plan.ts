// What a change of a household's intention adds and cancels, so that its plan stays coherent:
// a household that now leaves or returns gets a listed journey for each member who has none;
// one that now stays gets the welfare schedule unless contacts are still ahead; one that no
// longer stays has its contacts ahead cancelled (past ones stay, so a contact missed while
// staying still shows). Listed journeys are left as they are when a household decides to stay:
// they simply never board.
import type { Kysely } from 'kysely';
import type { Actor } from '../../../people/access.ts';
import type { SealRequest } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import type { Household } from '../../database/household.repository.ts';
import type { Journey } from '../../database/journey.repository.ts';
import type { PassageStore } from '../../database/passage-store.repository.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { WelfareContact } from '../../database/welfare-contact.repository.ts';
import type { Intention } from '../../model/states.ts';
import { journeysOfHousehold } from './household-reads.kysely.ts';
import {
  REGISTRY_KINDS,
  isTravelling,
  journeyEntry,
  listedJourney,
  welfareContactEntry,
  welfareContactsFor,
} from './registration-plan.ts';

/** What a change of intention adds and cancels. */
export interface IntentionPlan {
  journeys: Journey[];
  contacts: WelfareContact[];
  cancelled: WelfareContact[];
}

/** Reads the household's members, journeys and contacts and plans the change. */
export async function planIntention(
  db: Kysely<Database>,
  change: { household: Household; intention: Intention; at: Date },
): Promise<IntentionPlan> {
  const { household, intention, at } = change;
  const store = passageStoreOn(db);
  const plan: IntentionPlan = { journeys: [], contacts: [], cancelled: [] };
  if (isTravelling(intention)) {
    const journeys = await journeysOfHousehold(db, household.id);
    const travelling = new Set(journeys.map((journey) => journey.personRef));
    const members = await store.households.listMembers(household.id);
    plan.journeys = members.filter((m) => !travelling.has(m.personRef)).map(listedJourney);
  }
  const ahead = (await store.welfareContacts.listForHousehold(household.id)).filter(
    (contact) => contact.state === 'scheduled' && contact.dueAt > at.toISOString(),
  );
  if (intention === 'stay_under_protection' && ahead.length === 0) {
    plan.contacts = welfareContactsFor(household.id, at);
  }
  if (household.intention === 'stay_under_protection') plan.cancelled = ahead;
  return plan;
}

/** The sealed entries of the change: the household's new version, and what it adds or cancels. */
export function intentionEntries(
  household: Household,
  intention: Intention,
  plan: IntentionPlan,
  actor: Actor,
): SealRequest[] {
  const { id } = household;
  return [
    {
      kind: REGISTRY_KINDS.household,
      id,
      version: household.version + 1,
      record: { id, from: household.intention, intention, actor: actor.id },
    },
    ...plan.journeys.map(journeyEntry),
    ...plan.contacts.map((contact) => welfareContactEntry(contact)),
    ...plan.cancelled.map((contact) => welfareContactEntry({ ...contact, state: 'cancelled' }, 2)),
  ];
}

/** Cancels contacts still scheduled; returns the ids of those that changed meanwhile (kept). */
export async function cancelContacts(
  store: PassageStore,
  contacts: readonly WelfareContact[],
  actor: Actor,
): Promise<Set<string>> {
  const kept = new Set<string>();
  for (const contact of contacts) {
    const applied = await store.welfareContacts.changeState({
      id: contact.id,
      from: 'scheduled',
      to: 'cancelled',
      doneAt: null,
      doneBy: actor.id,
    });
    if (!applied) kept.add(contact.id);
  }
  return kept;
}
