// Consent, per subject (a person or a household) and per purpose (DOMAIN.md §6). A decision is
// never overwritten: each is a new row, so the history shows what was agreed when, and a
// withdrawal does not erase the consent it withdraws. Refusing consent never blocks help: the
// service records a refusal like any other decision, and callers ask hasConsent only before
// the use that needs it (publishing, sharing), never before assisting someone.

/** What consent is asked for. */
export const CONSENT_PURPOSES = [
  'tracing',
  'internal_analysis',
  'anonymised_publication',
  'named_publication',
  'sharing_with_named_bodies',
] as const;

/** One of CONSENT_PURPOSES. */
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** A decision about one purpose. */
export const CONSENT_DECISIONS = ['granted', 'refused', 'withdrawn'] as const;

/** One of CONSENT_DECISIONS. */
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/** One recorded decision. */
export interface ConsentRecord {
  id: string;
  /** A person ref or a household ref. */
  subjectRef: string;
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  /** 1, 2, … per subject and purpose; the highest is the current decision. */
  version: number;
  at: string;
  /** The id of whoever recorded it (staff, token, or the resident's portal session). */
  actor: string;
}

/** True when `value` is a consent purpose. */
export function isConsentPurpose(value: string): value is ConsentPurpose {
  return (CONSENT_PURPOSES as readonly string[]).includes(value);
}

/** True when `value` is a consent decision. */
export function isConsentDecision(value: string): value is ConsentDecision {
  return (CONSENT_DECISIONS as readonly string[]).includes(value);
}
