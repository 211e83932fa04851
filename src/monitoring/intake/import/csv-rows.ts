// Reading a bulk import file: RFC 4180 CSV (csv-parse) with a header row naming the columns
// below, in any order. The file is attacker-controlled text: it is parsed into strings only
// (no casting), every row goes through the same schema as the other channels, and errors name
// the row, the column and an issue code — never a value, which may be part of an account.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { DomainError } from '../../../errors/domain-error.ts';
import { PROXIMITIES } from '../../model/vocabulary.ts';
import {
  accountSchema,
  eventTypeSchema,
  idSchema,
  instantSchema,
  languageSchema,
} from '../items/item-input.ts';
import type { ItemInput } from '../items/item-input.ts';

/** Most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 5_000;

/** The columns a file may have; the first three are required. */
export const IMPORT_COLUMNS = [
  'account',
  'language',
  'received_at',
  'id',
  'occurred_at',
  'place_id',
  'event_type',
  'proximity',
  'source_id',
  'private_interview',
  'escorted',
  'place_denied',
] as const;

const REQUIRED = IMPORT_COLUMNS.slice(0, 3);

/** One row's failure: its number (the header is row 1), column and issue code. */
export interface RowIssue {
  row: number;
  id: string | null;
  path: string;
  code: string;
}

/** A row that parsed. */
export interface ImportRow {
  row: number;
  /** The id the row carries (an item to update, or the id a new item takes). */
  id: string | undefined;
  receivedAt: string;
  input: ItemInput;
}

const blankIsAbsent = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsAbsent, schema.optional());
const yesNo = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z
    .enum(['', 'true', 'false', 'yes', 'no', '1', '0'])
    .transform((word) => (word === '' ? null : ['true', 'yes', '1'].includes(word))),
);

const rowSchema = z.strictObject({
  id: optional(idSchema),
  account: accountSchema,
  language: languageSchema,
  received_at: instantSchema,
  occurred_at: optional(instantSchema),
  place_id: optional(idSchema),
  event_type: optional(eventTypeSchema),
  proximity: optional(z.enum(PROXIMITIES)),
  source_id: optional(idSchema),
  private_interview: yesNo.default(null),
  escorted: yesNo.default(null),
  place_denied: yesNo.default(null),
});

function fileError(code: string, path = 'file'): DomainError {
  return new DomainError('invalid_request', 'the import file cannot be read', {
    details: { rows: [{ row: 1, id: null, path, code }] },
  });
}

function records(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch {
    throw fileError('csv_malformed');
  }
}

function checkHeader(header: readonly string[]): void {
  const known: readonly string[] = IMPORT_COLUMNS;
  for (const column of header)
    if (!known.includes(column)) throw fileError('unknown_column', column);
  if (new Set(header).size !== header.length) throw fileError('duplicate_column');
  for (const column of REQUIRED)
    if (!header.includes(column)) throw fileError('missing_column', column);
}

/** The rows of `text` that parse, and the issues of those that do not. */
export function readImportFile(text: string): { rows: ImportRow[]; issues: RowIssue[] } {
  const [header, ...body] = records(text);
  if (header === undefined || body.length === 0) throw fileError('no_rows');
  if (body.length > MAX_IMPORT_ROWS) throw fileError('too_many_rows');
  const names = header.map((name) => name.trim().toLowerCase());
  checkHeader(names);
  const rows: ImportRow[] = [];
  const issues: RowIssue[] = [];
  body.forEach((values, index) => {
    const row = index + 2;
    const record = Object.fromEntries(names.map((name, column) => [name, values[column]]));
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) {
      const rawId = idSchema.safeParse(record['id']);
      const id = rawId.success ? rawId.data : null;
      for (const issue of parsed.error.issues) {
        issues.push({ row, id, path: issue.path.join('.'), code: issue.code });
      }
      return;
    }
    rows.push(toImportRow(row, parsed.data));
  });
  return { rows, issues };
}

function toImportRow(row: number, data: z.output<typeof rowSchema>): ImportRow {
  const input: ItemInput = {
    account: data.account,
    language: data.language,
    access: {
      privateInterview: data.private_interview,
      escorted: data.escorted,
      placeDenied: data.place_denied,
    },
    ...(data.occurred_at === undefined ? {} : { occurredAt: data.occurred_at }),
    ...(data.place_id === undefined ? {} : { placeId: data.place_id }),
    ...(data.event_type === undefined ? {} : { eventType: data.event_type }),
    ...(data.proximity === undefined ? {} : { proximity: data.proximity }),
    ...(data.source_id === undefined ? {} : { sourceId: data.source_id }),
  };
  return { row, id: data.id, receivedAt: data.received_at, input };
}
