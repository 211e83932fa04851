import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { findSeal } from '../../../seal/seal.kysely.ts';
import type { HeldCase } from '../../database/held-case.repository.ts';
import { newId } from '../../database/passage.fixtures.ts';
import { passageStoreOn } from '../../database/passage-store.kysely.ts';
import type { Journey } from '../../database/journey.repository.ts';
import {
  oversightContext,
  seedContacts,
  seedHousehold,
  seedJourneys,
} from '../oversight.fixtures.ts';
import { runScanOnce } from './alert-scan.ts';
import { ScanMemo } from './scan-memo.ts';

const NOW = new Date('2023-09-26T12:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

const BANDS = ['0-4', '5-17', '18-45', '46-64', '65+'] as const;

/** `perCell` journeys in each sex × age band cell, in `state`. */
async function seedEvenly(
  db: Parameters<typeof seedJourneys>[0],
  perCell: number,
  template: Partial<Journey>,
) {
  for (const sex of ['female', 'male']) {
    for (const ageBand of BANDS) await seedJourneys(db, perCell, { ...template, sex, ageBand });
  }
}

function aHeldCase(overrides: Partial<HeldCase>): HeldCase {
  return {
    id: newId(),
    journeyId: null,
    personRef: null,
    state: 'reported',
    placeId: null,
    heldBy: null,
    reportedAt: at(-24).toISOString(),
    updatedAt: at(-24).toISOString(),
    icrcNotifiedAt: null,
    version: 1,
    ...overrides,
  };
}

describeOnBothDatabases('alert scan', (open) => {
  async function context() {
    const { db } = await open();
    return oversightContext(db, NOW);
  }

  it('raises an overdue alert for a journey past its expected arrival, once', async () => {
    const ctx = await context();
    const [late] = await seedJourneys(ctx.db, 1, {
      state: 'passed',
      expectedBy: at(-1).toISOString(),
    });
    await seedJourneys(ctx.db, 1, { state: 'passed', expectedBy: at(1).toISOString() });
    await seedJourneys(ctx.db, 1, { state: 'arrived', expectedBy: at(-5).toISOString() });
    const first = await runScanOnce(ctx, NOW);
    assert.deepEqual(
      first.raised.map((alert) => [alert.type, alert.subjectId]),
      [['journey_overdue', late!.id]],
    );
    assert.equal(first.raised[0]?.details['overdueMinutes'], 60);
    // A fresh scanner (a restart) and one that remembers both stay silent.
    assert.deepEqual((await runScanOnce(ctx, at(0.1))).raised, []);
    const memo = new ScanMemo();
    await runScanOnce(ctx, at(0.2), { memo });
    assert.ok(memo.overdue.has(late!.id));
    assert.deepEqual((await runScanOnce(ctx, at(0.3), { memo })).raised, []);
    assert.deepEqual(first.failed, []);
  });

  it('reaches journeys that fall overdue behind a backlog already alerted', async () => {
    const ctx = await context();
    const memo = new ScanMemo();
    // Five journeys alerted earlier and still not arrived, more overdue than anything after.
    await seedJourneys(ctx.db, 5, { state: 'passed', expectedBy: at(-10).toISOString() });
    const backlog = await runScanOnce(ctx, NOW, { memo, overdueLimit: 2 });
    await runScanOnce(ctx, NOW, { memo, overdueLimit: 2 });
    await runScanOnce(ctx, NOW, { memo, overdueLimit: 2 });
    assert.equal(backlog.raised.length, 2);
    assert.equal(memo.overdue.size, 5);
    // Three more fall overdue later; pages of two pass the backlog and find them, two a tick.
    const later = await seedJourneys(ctx.db, 3, {
      state: 'released',
      expectedBy: at(-1).toISOString(),
    });
    const first = await runScanOnce(ctx, NOW, { memo, overdueLimit: 2 });
    const second = await runScanOnce(ctx, NOW, { memo, overdueLimit: 2 });
    const raised = [...first.raised, ...second.raised].map((alert) => alert.subjectId);
    assert.equal(first.raised.length, 2);
    assert.deepEqual(raised.sort(), later.map((journey) => journey.id).sort());
    assert.deepEqual((await runScanOnce(ctx, NOW, { memo, overdueLimit: 2 })).raised, []);
  });

  it('raises a missed-contact alert past the grace and marks the contact missed', async () => {
    const ctx = await context();
    const household = await seedHousehold(ctx, [1950]);
    const [missed, recent] = await seedContacts(ctx.db, household.id, [at(-30), at(-2)]);
    const report = await runScanOnce(ctx, NOW, { welfareGraceHours: 24 });
    assert.deepEqual(
      report.raised.map((alert) => [alert.type, alert.subjectId, alert.details['householdId']]),
      [['welfare_contact_missed', missed!.id, household.id]],
    );
    assert.equal(report.missedContacts, 1);
    const contacts = passageStoreOn(ctx.db).welfareContacts;
    assert.equal((await contacts.get(missed!.id))?.state, 'missed');
    assert.equal((await contacts.get(recent!.id))?.state, 'scheduled');
    assert.equal((await findSeal(ctx.db, missed!.id, 2))?.kind, 'welfare_contact.missed');
    const again = await runScanOnce(ctx, at(1), { welfareGraceHours: 24 });
    assert.deepEqual([again.raised, again.missedContacts], [[], 0]);
  });

  it('raises a held-pattern alert when only men of 18–45 are held back', async () => {
    const ctx = await context();
    const operationId = newId();
    const checkpoint = newId();
    const scope = { operationId, firstCheckpointId: checkpoint, departedAt: at(-20).toISOString() };
    await seedEvenly(ctx.db, 30, { ...scope, state: 'passed' });
    const men = { ...scope, sex: 'male', ageBand: '18-45' };
    await seedJourneys(ctx.db, 8, { ...men, state: 'detained' });
    await seedJourneys(ctx.db, 6, { ...men, state: 'held_secondary' });
    await seedJourneys(ctx.db, 2, { ...men, state: 'turned_back' });
    const report = await runScanOnce(ctx, NOW);
    const patterns = report.raised.filter((alert) => alert.type === 'held_pattern');
    assert.deepEqual(
      patterns.map((alert) => [alert.subjectType, alert.subjectId]).sort(),
      [
        ['checkpoint', checkpoint],
        ['operation', operationId],
      ].sort(),
    );
    for (const pattern of patterns) {
      assert.deepEqual([pattern.details['held'], pattern.details['passing']], [16, 300]);
    }
    assert.deepEqual(
      (await runScanOnce(ctx, at(0.1))).raised.filter((alert) => alert.type === 'held_pattern'),
      [],
    );
  });

  it('raises no held-pattern alert when the held are like the passing', async () => {
    const ctx = await context();
    const scope = {
      operationId: newId(),
      firstCheckpointId: newId(),
      departedAt: at(-20).toISOString(),
    };
    await seedEvenly(ctx.db, 30, { ...scope, state: 'arrived' });
    await seedEvenly(ctx.db, 2, { ...scope, state: 'detained' });
    const report = await runScanOnce(ctx, NOW);
    assert.deepEqual(report.raised, []);
    assert.deepEqual(report.failed, []);
  });

  it('raises one critical alert per held case of unknown fate a week after the report', async () => {
    const ctx = await context();
    const heldCases = passageStoreOn(ctx.db).heldCases;
    const lost = aHeldCase({ state: 'whereabouts_unknown', reportedAt: at(-8 * 24).toISOString() });
    await heldCases.insert(lost);
    await heldCases.insert(aHeldCase({ reportedAt: at(-2 * 24).toISOString() }));
    await heldCases.insert(
      aHeldCase({ state: 'location_known', reportedAt: at(-9 * 24).toISOString() }),
    );
    const report = await runScanOnce(ctx, NOW);
    assert.deepEqual(report.possibleDisappearances, [lost.id]);
    assert.deepEqual(
      report.raised.map((alert) => [alert.type, alert.subjectId, alert.severity]),
      [['possible_enforced_disappearance', lost.id, 'critical']],
    );
    const again = await runScanOnce(ctx, NOW);
    assert.deepEqual(again.raised, [], 'raised once per case');
  });

  it('logs a failing part and still runs the others', async () => {
    const ctx = await context();
    await seedJourneys(ctx.db, 1, { state: 'passed', expectedBy: at(-1).toISOString() });
    const household = await seedHousehold(ctx, [1970]);
    await seedContacts(ctx.db, household.id, [at(-48)]);
    const failing = { ...ctx, alerts: { raise: () => Promise.reject(new Error('store down')) } };
    const report = await runScanOnce(failing, NOW);
    assert.deepEqual(report.failed, ['overdue', 'welfare']);
    assert.deepEqual(
      ctx.logged.map((entry) => entry.what),
      ['overdue scan', 'welfare scan'],
    );
    // The alert could not be raised, so the contact is not marked missed: the next tick retries.
    assert.equal(report.missedContacts, 0);
  });
});
