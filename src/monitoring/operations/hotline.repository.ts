// The port of the hotline's contacts.
import type { HotlineContactTiming } from '../model/hotline-statistics.ts';
import type {
  HotlineChannel,
  HotlineOutcome,
  HotlineTopic,
} from '../model/operations-vocabulary.ts';

/** The mission's response to a contact. */
export interface HotlineResponse {
  respondedAt: string;
  /** Seconds from receipt to response. */
  responseSeconds: number;
  outcome: HotlineOutcome;
}

/** One contact with the hotline (staff-only); the caller by pseudonym only. */
export interface HotlineContact {
  id: string;
  receivedAt: string;
  channel: HotlineChannel;
  callerRef: string;
  topic: HotlineTopic;
  respondedAt: string | null;
  responseSeconds: number | null;
  outcome: HotlineOutcome | null;
  infoItemId: string | null;
  tracingRequestId: string | null;
  recordedBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A response to store, with the links it may add. */
export interface HotlineResponseChange extends HotlineResponse {
  id: string;
  expectedVersion: number;
  infoItemId: string | null;
  tracingRequestId: string | null;
  at: string;
}

/** Port for hotline contacts. */
export interface HotlineRepository {
  insert(contact: HotlineContact): Promise<void>;
  get(id: string): Promise<HotlineContact | undefined>;
  /** Contacts received in [from, to), newest first, at most `limit`. */
  list(from: string, to: string, limit: number): Promise<HotlineContact[]>;
  /**
   * Records the response while the contact is at `expectedVersion` and unanswered; DomainError
   * 'conflict' or 'not_found' otherwise. Links given as null keep the stored ones.
   */
  respond(change: HotlineResponseChange): Promise<void>;
  /** Receipt and response times of the contacts received in [from, to). */
  timings(from: string, to: string): Promise<HotlineContactTiming[]>;
}
