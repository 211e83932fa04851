// The keyset cursor of the incident list, opaque to clients: base64url of the last incident's
// occurrence time and id. Parsed like any untrusted input: a bad cursor is 'invalid_request'.
import { z } from 'zod';
import { DomainError } from '../../errors/domain-error.ts';
import type { IncidentCursor } from './incident.repository.ts';

const CursorSchema = z.strictObject({ o: z.string().max(40), i: z.uuid() });

/** The cursor that continues after `last`. */
export function encodeCursor(last: IncidentCursor): string {
  return Buffer.from(JSON.stringify({ o: last.occurredStart, i: last.id })).toString('base64url');
}

/** The position `text` names; 'invalid_request' when it is not a cursor this API gave. */
export function decodeCursor(text: string): IncidentCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = CursorSchema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('invalid_request', 'after is not a cursor of this list', {
      details: [{ path: 'after', code: 'bad_cursor' }],
    });
  }
  return { occurredStart: parsed.data.o, id: parsed.data.i };
}
