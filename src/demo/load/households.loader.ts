// Households and their people, registered before D0: identities go into the vault in bulk
// (storePeople, the only place they are stored), then the registrations planned by
// household-registration.ts are sealed and written, slice by slice in one transaction per vault
// call, the next slice sealing while the previous one is written.
import type { Kysely } from 'kysely';
import { passageStoreOn } from '../../passage/database/passage-store.kysely.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import type { Seal } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import type { Household } from '../scenario.types.ts';
import { register } from './household-registration.ts';
import type { Registration } from './household-registration.ts';
import type { LoadPlan } from './load-plan.ts';
import { personInput } from './person-input.ts';
import type { LoadContext } from './sealed-write.ts';

/**
 * People per call of the vault's bulk store: one vault transaction each, and the inputs of one
 * call in memory at a time.
 */
export const PEOPLE_PER_VAULT_CALL = 60_000;

/** Households sealed and written per slice (about one log commit). */
const HOUSEHOLDS_PER_SLICE = 3_000;

/** A household a newcomer can try the family status look-up with (synthetic data). */
export interface LookupSample {
  referenceCode: string;
  birthYear: number;
}

interface SealingSlice {
  registrations: Registration[];
  seals: Promise<Seal[]>;
}

async function writeSlice(trx: Kysely<Database>, slice: SealingSlice): Promise<void> {
  const seals = await slice.seals;
  const batch = slice.registrations;
  const store = passageStoreOn(trx);
  await store.households.insertMany({
    households: batch.map((r) => r.household),
    members: batch.flatMap((r) => r.members),
    checks: batch.flatMap((r) => r.checks),
  });
  await store.journeys.insertMany(batch.flatMap((r) => r.journeys));
  await store.welfareContacts.insertMany(batch.flatMap((r) => r.contacts));
  await insertSeals(trx, seals);
}

/** Splits households into runs of at most `people` members (a household is never split). */
function* chunksOf(households: readonly Household[], people: number) {
  let start = 0;
  while (start < households.length) {
    let end = start;
    let count = 0;
    while (end < households.length && (end === start || count < people)) {
      count += households[end]?.members.length ?? 0;
      end += 1;
    }
    yield { start, households: households.slice(start, end), people: count };
    start = end;
  }
}

/**
 * Registers every household; fills `refs` (scenario person id → vault ref) and returns a
 * household to try the family status look-up with.
 *
 * @example const sample = await loadHouseholds(context, { households, plan, refs });
 */
export async function loadHouseholds(
  context: LoadContext,
  input: { households: readonly Household[]; plan: LoadPlan; refs: Map<string, string> },
): Promise<LookupSample | undefined> {
  const { plan, refs } = input;
  const all = input.households;
  let sample: LookupSample | undefined;
  for (const chunk of chunksOf(all, PEOPLE_PER_VAULT_CALL)) {
    const times = chunk.households.map((_, i) => plan.registeredAt(chunk.start + i, all.length));
    context.clock.set(times.at(-1) ?? context.clock.now());
    const people = chunk.households.flatMap((household) => household.members);
    const stored = await context.passage.vault.storePeople(people.map(personInput), {
      id: context.actors.staff,
    });
    people.forEach((person, i) => refs.set(person.id, stored[i] ?? ''));
    const sealSlice = (from: number): SealingSlice | undefined => {
      if (from >= chunk.households.length) return undefined;
      const slice = chunk.households.slice(from, from + HOUSEHOLDS_PER_SLICE);
      const registrations = slice.map((household, i) => {
        const registeredAt = (times[from + i] ?? context.clock.now()).toISOString();
        const householdRefs = household.members.map((person) => refs.get(person.id) ?? '');
        return register(context, plan, { household, refs: householdRefs, registeredAt });
      });
      sample ??= registrations.map((r, i) => sampleOf(slice[i], r)).find((s) => s !== undefined);
      const seals = context.passage.sealer.sealMany(registrations.flatMap((r) => r.entries));
      seals.catch(() => undefined); // awaited in writeSlice
      return { registrations, seals };
    };
    await context.passage.db.transaction().execute(async (trx) => {
      let slice = sealSlice(0);
      for (let from = 0; slice !== undefined;) {
        from += HOUSEHOLDS_PER_SLICE;
        const next = sealSlice(from);
        await writeSlice(trx, slice);
        slice = next;
      }
    });
    context.progress.advance(chunk.people);
  }
  return sample;
}

function sampleOf(
  household: Household | undefined,
  registration: Registration,
): LookupSample | undefined {
  const head = household?.members[0];
  if (household?.intention !== 'leave' || head === undefined) return undefined;
  return {
    referenceCode: registration.household.referenceCode,
    birthYear: head.identity.birthYear,
  };
}
