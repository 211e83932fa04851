import type { WelfareContactState } from '../model/states.ts';
import type { ContactMode } from './passage-vocabulary.ts';
import type { TimeRange } from './time-range.ts';

/** A scheduled contact with a household that stays; only a state, never notes about people. */
export interface WelfareContact {
  id: string;
  householdId: string;
  dueAt: string;
  mode: ContactMode;
  state: WelfareContactState;
  doneAt: string | null;
  /** Staff or device id, or the household's own portal check-in. */
  doneBy: string | null;
}

/** A contact's change of state, applied only while it is still in `from`. */
export interface WelfareContactChange {
  id: string;
  from: WelfareContactState;
  to: WelfareContactState;
  doneAt: string | null;
  doneBy: string | null;
}

/** Port for welfare contacts. */
export interface WelfareContactRepository {
  /** Stores scheduled contacts, at most 500 rows per statement. */
  insertMany(contacts: readonly WelfareContact[]): Promise<void>;
  get(id: string): Promise<WelfareContact | undefined>;
  /** Scheduled contacts due within `range`, earliest first. */
  listDue(range: TimeRange): Promise<WelfareContact[]>;
  /** Contacts still scheduled although due before `cutoff` (now minus the grace), earliest first. */
  listMissed(cutoff: string, limit: number): Promise<WelfareContact[]>;
  /** A household's contacts, earliest first. */
  listForHousehold(householdId: string): Promise<WelfareContact[]>;
  /** Applies the change if the contact is still in `from`; true when it was applied. */
  changeState(change: WelfareContactChange): Promise<boolean>;
}
