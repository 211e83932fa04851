// Test support for the registry's HTTP suites (test/http/registry-*.test.ts): JSON calls through
// app.inject, and a snapshot of what a request may write (rows of the registry's tables, the
// vault's, the seals, and the log's size) so a test can check that a rejected request wrote
// nothing. Synthetic data only.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Vigil } from '../../server/open-vigil.ts';

/** Tables a registry request may write. */
export const WRITTEN_TABLES = [
  'place',
  'place_control',
  'route_leg',
  'operation',
  'operation_event',
  'household',
  'household_check',
  'member',
  'journey',
  'welfare_contact',
  'consent',
  'person_identity',
  'audit_event',
  'sealed_record',
] as const;

/** Row counts per table, and the log's tree size. */
export type WriteSnapshot = Record<(typeof WRITTEN_TABLES)[number] | 'log', number>;

/** What the registry's tables and the log hold now. */
export async function snapshot(vigil: Vigil): Promise<WriteSnapshot> {
  const { db } = vigil.database;
  const counts = await Promise.all(
    WRITTEN_TABLES.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const;
    }),
  );
  return { ...Object.fromEntries(counts), log: vigil.sequencer.checkpoint.size } as WriteSnapshot;
}

/** One JSON call. */
export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  payload?: unknown;
  remoteAddress?: string;
}

/** Sends `call` to the app. */
export function send(vigil: Vigil, call: Call): Promise<LightMyRequestResponse> {
  const options: InjectOptions = { method: call.method, url: call.url };
  if (call.headers !== undefined) options.headers = call.headers;
  if (call.payload !== undefined) options.payload = JSON.stringify(call.payload);
  if (call.payload !== undefined)
    options.headers = { ...options.headers, 'content-type': 'application/json' };
  if (call.remoteAddress !== undefined) options.remoteAddress = call.remoteAddress;
  return vigil.app.inject(options);
}

/** The error code of an error response. */
export function errorCode(response: LightMyRequestResponse): string | undefined {
  return response.json<{ error?: { code?: string } }>().error?.code;
}
