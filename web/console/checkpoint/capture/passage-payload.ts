// The payload of a 'checkpoint_passage' capture (src/passage/field/captures/
// checkpoint-passage.schema.ts) from what the monitor chose: the household's journeys aboard with
// what became of each, anyone else aboard (counted, not listed: they have no journey on the
// roster), the screening seen and the passage's outcome. Pure, so a test checks its output
// against the server's schema.
import type {
  Direction,
  PassageOutcome,
  ScreeningType,
} from '../../../../src/passage/database/passage-vocabulary.ts';
import { SCREENING_TYPES } from '../../../../src/passage/database/passage-vocabulary.ts';

/** The capture type of a checkpoint passage. */
export const CHECKPOINT_PASSAGE = 'checkpoint_passage';

/**
 * What became of a listed member: `with_passage` follows the passage's outcome; the monitor may
 * say that one was pulled aside or turned back while the others went on, or was not aboard.
 */
export const MEMBER_FATES = ['with_passage', 'held_secondary', 'turned_back', 'absent'] as const;
/** One of MEMBER_FATES. */
export type MemberFate = (typeof MEMBER_FATES)[number];

/** A person's outcome as the payload names it. */
type PersonOutcome = 'passed' | 'held_secondary' | 'turned_back';

/** What the monitor recorded. */
export interface PassageDraft {
  readonly checkpointId: string;
  readonly direction: Direction;
  readonly members: readonly { readonly journeyId: string; readonly fate: MemberFate }[];
  /** People aboard with no journey on the roster (counted only). */
  readonly others: number;
  readonly screeningTypes: readonly ScreeningType[];
  readonly outcome: PassageOutcome;
}

/** What a person following the passage ends as: sent to secondary or held is held aside. */
const WITH_PASSAGE: Readonly<Record<PassageOutcome, PersonOutcome>> = {
  passed: 'passed',
  secondary: 'held_secondary',
  held: 'held_secondary',
  turned_back: 'turned_back',
};

function personOutcome(fate: MemberFate, passage: PassageOutcome): PersonOutcome | undefined {
  switch (fate) {
    case 'with_passage':
      return WITH_PASSAGE[passage];
    case 'held_secondary':
    case 'turned_back':
      return fate;
    case 'absent':
      return undefined;
  }
}

/**
 * The 'checkpoint_passage' payload of `draft`: occupants are the members aboard plus the others;
 * screening types in the vocabulary's order, each once.
 *
 * @example passagePayload({ checkpointId, direction: 'out', members, others: 0,
 *   screeningTypes: ['document_check'], outcome: 'passed' })
 */
export function passagePayload(draft: PassageDraft): Record<string, unknown> {
  const people = draft.members.flatMap((member) => {
    const outcome = personOutcome(member.fate, draft.outcome);
    return outcome === undefined ? [] : [{ journeyId: member.journeyId, outcome }];
  });
  const payload: Record<string, unknown> = {
    checkpointId: draft.checkpointId,
    direction: draft.direction,
    occupants: people.length + draft.others,
    screeningTypes: SCREENING_TYPES.filter((type) => draft.screeningTypes.includes(type)),
    outcome: draft.outcome,
  };
  if (people.length > 0) payload['people'] = people;
  return payload;
}
