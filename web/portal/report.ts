// What the report step holds while a resident writes, how it is checked, and the body of
// POST /api/v1/resident-reports. The account is sent as written; a reporter who chooses not to
// stay anonymous adds how to reach them, as a last line of the account (the report route takes
// no contact field: the account is sealed and read by staff only, which is where it belongs).
import type { Proximity } from '../../src/monitoring/model/vocabulary.ts';
import type { FieldError, FieldErrors } from './form.tsx';
import type { Language, Translate } from './i18n/catalogues.ts';

/** Longest contact line the form takes. */
export const MAX_CONTACT_CHARS = 300;
/**
 * Longest account the form takes: the server's 10 000 characters
 * (src/monitoring/intake/items/item-input.ts) less room for the contact line, so the whole is
 * never refused for its length after the reporter wrote it.
 */
export const MAX_ACCOUNT_INPUT = 10_000 - MAX_CONTACT_CHARS - 100;
/** How the reporter knows, in the order the form lists them. */
export const PROXIMITY_CHOICES: readonly Proximity[] = ['eyewitness', 'hearsay', 'documentary'];

/** The report as typed. `occurredAt` is a datetime-local value (the reader's own clock). */
export interface ReportDraft {
  account: string;
  occurredAt: string;
  placeId: string;
  proximity: Proximity | '';
  anonymous: boolean;
  contact: string;
}

/** What the report route takes. */
export interface ReportBody {
  account: string;
  language: Language;
  occurredAt?: string;
  placeId?: string;
  proximity?: Proximity;
}

/** The account with the contact line when the reporter gave one. */
function fullAccount(draft: ReportDraft, t: Translate): string {
  const contact = draft.contact.trim();
  if (draft.anonymous || contact === '') return draft.account;
  return `${draft.account}\n\n${t('contactLine', { contact })}`;
}

/** Every error of `draft` by field id, in the order of the form. */
export function reportErrors(draft: ReportDraft, now: Date): FieldErrors {
  const errors: Record<string, FieldError> = {};
  if (draft.account.trim() === '') errors['report-account'] = { key: 'required' };
  if (draft.occurredAt !== '') {
    const at = new Date(draft.occurredAt);
    if (Number.isNaN(at.getTime()) || at > now) errors['report-when'] = { key: 'whenInvalid' };
  }
  if (!draft.anonymous && draft.contact.trim() === '')
    errors['report-contact'] = { key: 'required' };
  return errors;
}

/**
 * The body of POST /api/v1/resident-reports for a checked `draft`, in the page's language
 * (the language the reporter most likely wrote in; staff read the account as written).
 */
export function reportBody(draft: ReportDraft, t: Translate, language: Language): ReportBody {
  return {
    account: fullAccount(draft, t),
    language,
    // A datetime-local value is the reader's local time; the API takes an instant.
    ...(draft.occurredAt === '' ? {} : { occurredAt: new Date(draft.occurredAt).toISOString() }),
    ...(draft.placeId === '' ? {} : { placeId: draft.placeId }),
    ...(draft.proximity === '' ? {} : { proximity: draft.proximity }),
  };
}
