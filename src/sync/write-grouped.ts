// How a group of prepared captures is written in one transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { CaptureHandler, PreparedCapture } from './capture-handler.ts';

/**
 * One writeMany call per handler that has one (a batch of 200 passages becomes a few multi-row
 * inserts), in the order the handlers first appear; write() per item otherwise.
 *
 * @example await writeGrouped(trx, ready);
 */
export async function writeGrouped(
  trx: Kysely<Database>,
  ready: readonly { handler: CaptureHandler; prepared: PreparedCapture }[],
): Promise<void> {
  const groups = new Map<CaptureHandler, PreparedCapture[]>();
  for (const { handler, prepared } of ready) {
    if (handler.writeMany === undefined || ready.length === 1) {
      await prepared.write(trx);
      continue;
    }
    const group = groups.get(handler) ?? [];
    group.push(prepared);
    groups.set(handler, group);
  }
  for (const [handler, prepared] of groups) await handler.writeMany?.(trx, prepared);
}
