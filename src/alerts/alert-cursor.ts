import type { AlertCursor } from '../passage/database/alert.repository.ts';

// The SSE event id of an alert: its (raisedAt, id) keyset position, so a reconnecting client's
// Last-Event-ID resumes exactly after the last alert it received.
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)_([0-9a-f-]{36})$/;

/** The event id for an alert at `cursor`. */
export function formatAlertCursor(cursor: AlertCursor): string {
  return `${cursor.raisedAt}_${cursor.id}`;
}

/** The cursor a Last-Event-ID names; undefined for anything else (the header is untrusted). */
export function parseAlertCursor(text: unknown): AlertCursor | undefined {
  if (typeof text !== 'string') return undefined;
  const match = CURSOR.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { raisedAt: match[1], id: match[2] };
}
