import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import type { PassageContext } from '../../passage/passage-context.ts';
import { openTestVault } from '../../people/identity-vault.fixture.ts';
import { insertHotlineContacts } from './bulletins.fixtures.ts';
import { bulletinsModule } from './bulletins.module.ts';

async function draftKeys(context: PassageContext): Promise<(string | null)[]> {
  const rows = await context.db.selectFrom('bulletin').select('draft_key').execute();
  return rows.map((row) => row.draft_key);
}

describeOnBothDatabases('bulletins background job', (open) => {
  it('drafts the due daily report when started and not again after a restart', async () => {
    const { db } = await open();
    let now = new Date('2023-09-24T15:30:00.000Z');
    const errors: unknown[] = [];
    const { vault, keyring, sealer } = openTestVault(db, { now: () => now });
    const context: PassageContext = {
      db,
      sealer,
      vault,
      keyring,
      alerts: { raise: () => Promise.resolve([]) },
      now: () => now,
      logError: (error) => errors.push(error),
    };
    const start = (on: PassageContext) => {
      const stop = bulletinsModule.start?.(on);
      assert.ok(stop !== undefined);
      return stop;
    };
    // Something happened in the period: the mission's first report is due.
    await insertHotlineContacts(db, '2023-09-24T10:00:00.000Z', 1);
    let stop = start(context);
    for (let i = 0; i < 100 && (await draftKeys(context)).length === 0; i++) await sleep(20);
    await stop();
    assert.deepEqual(await draftKeys(context), ['daily:2023-09-24']);
    now = new Date('2023-09-24T18:00:00.000Z');
    stop = start(context);
    await sleep(100);
    await stop();
    assert.deepEqual(await draftKeys(context), ['daily:2023-09-24']);
    // The next day's cut-off brings the next draft.
    now = new Date('2023-09-25T15:30:00.000Z');
    stop = start(context);
    for (let i = 0; i < 100 && (await draftKeys(context)).length < 2; i++) await sleep(20);
    await stop();
    assert.deepEqual((await draftKeys(context)).sort(), ['daily:2023-09-24', 'daily:2023-09-25']);
    assert.deepEqual(errors, []);
  });
});
