// How one incident becomes ACLED-style cells: the crosswalk of its local sub-type, its actors as
// data (organisations by name; civilians, protesters and rioters only by their ACLED category,
// since a name there could be a person's), and the raw tolls that incident-fatalities.ts
// discloses.
import { crosswalkOf, isSubEventType } from '../../monitoring/model/event-taxonomy.ts';
import type { Cell } from './dataset-definition.ts';

/** ACLED actor types whose name is never published: only the category. */
const CATEGORY_ONLY: Readonly<Record<number, string>> = {
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
};

interface StoredActor {
  name: string;
  actorType: number;
  role: string;
}

// Stored JSON written through the incident schema; parsed defensively all the same, because a
// release must never fail or leak on a row an older version wrote.
function parseActors(json: string): StoredActor[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (actor): actor is StoredActor =>
        typeof actor === 'object' &&
        actor !== null &&
        typeof (actor as StoredActor).name === 'string' &&
        Number.isInteger((actor as StoredActor).actorType) &&
        typeof (actor as StoredActor).role === 'string',
    );
  } catch {
    return [];
  }
}

function actorLabel(actor: StoredActor): string {
  return CATEGORY_ONLY[actor.actorType] ?? actor.name;
}

/** The ACLED actor columns: actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction. */
export function actorCells(json: string): Cell[] {
  const actors = parseActors(json);
  const named = (role: string) => actors.filter((actor) => actor.role === role);
  const principal = (role: string) => named(role)[0];
  const associates = (role: string) => named(role).map(actorLabel).join('; ') || null;
  const first = principal('actor1');
  const second = principal('actor2');
  const types = [first?.actorType, second?.actorType]
    .filter((type): type is number => type !== undefined)
    .sort((a, b) => a - b);
  const interaction = types.length === 0 ? 0 : (types[0] ?? 0) * 10 + (types[1] ?? 0);
  return [
    first === undefined ? null : actorLabel(first),
    associates('assoc1'),
    first?.actorType ?? null,
    second === undefined ? null : actorLabel(second),
    associates('assoc2'),
    second?.actorType ?? null,
    interaction,
  ];
}

/** The ACLED taxonomy cells: disorder_type, event_type, sub_event_type, local code. */
export function taxonomyCells(subEventType: string): Cell[] {
  if (!isSubEventType(subEventType)) return [null, null, null, subEventType];
  const { acled } = crosswalkOf(subEventType);
  return [acled.disorderType, acled.eventType, acled.subEventType, subEventType];
}

/**
 * The best estimate of the dead, null when unreadable. Published only through
 * incident-fatalities.ts, together with the aggregate of its day and area.
 */
export function killedBest(tollsJson: string): number | null {
  try {
    const tolls = JSON.parse(tollsJson) as { killed?: { best?: unknown } } | null;
    const best = tolls?.killed?.best;
    return typeof best === 'number' && Number.isSafeInteger(best) && best >= 0 ? best : null;
  } catch {
    return null;
  }
}

/** The best estimates of each toll kind (0 when unreadable), for the aggregate dataset. */
export function tollBests(tollsJson: string): [number, number, number, number] {
  try {
    const tolls = JSON.parse(tollsJson) as Record<string, { best?: unknown } | undefined> | null;
    const best = (kind: string) => {
      const value = tolls?.[kind]?.best;
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
    };
    return [best('killed'), best('injured'), best('detained'), best('missing')];
  } catch {
    return [0, 0, 0, 0];
  }
}
