// The weekly report through the service, against the daily reports published for its days:
// what a day published as "<5" cannot be worked out by subtracting the other days from the
// week, and the order of publication keeps the week's audit true (docs/bulletins.md).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { rejectsWith } from '../../passage/database/passage.fixtures.ts';
import type { PublishedCell } from '../disclosure/published-cell.ts';
import type { BulletinFigures } from './bulletin-figures.ts';
import type { Bulletin } from './bulletin.repository.ts';
import { DEFAULT_BULLETIN_SETTINGS } from './bulletin-settings.ts';
import { BulletinService } from './bulletin.service.ts';
import { openTestVault } from '../../people/identity-vault.fixture.ts';
import {
  insertCheckpoint,
  insertHotlineContacts,
  insertPassages,
  openTestBulletins,
  publishedDraft,
} from './bulletins.fixtures.ts';
import type { TestBulletins } from './bulletins.fixtures.ts';

const ANALYST = 'staff-analyst-1';
const COORDINATOR = 'staff-coordinator-1';
const AT_CUTOFF = new Date('2023-09-24T15:30:00.000Z');
const DATES = ['18', '19', '20', '21', '22', '23', '24'].map((day) => `2023-09-${day}`);
const SMALL_DATE = '2023-09-21';
const LAST_DATE = '2023-09-24';

function unanswered(figures: BulletinFigures): PublishedCell | undefined {
  const hotline = figures.sections.find((s) => s.key === 'hotline');
  return hotline?.rows.find((row) => row.key === 'hotline.unanswered')?.cells[0];
}

const publish = (test: TestBulletins, draft: Bulletin) =>
  publishedDraft(test, draft, { analyst: ANALYST, coordinator: COORDINATOR });

describeOnBothDatabases('weekly report against its published days', (open) => {
  async function seeded() {
    const { db } = await open();
    const checkpoint = await insertCheckpoint(db);
    for (const date of DATES) {
      const at = `${date}T10:00:00.000Z`;
      await insertPassages(db, { checkpointId: checkpoint, direction: 'out', at }, 1, 40);
      // Ten unanswered calls a day, but two on one day: that day publishes "<5".
      await insertHotlineContacts(db, at, date === SMALL_DATE ? 2 : 10);
    }
    const test = openTestBulletins(db, AT_CUTOFF);
    const daily = (date: string) => test.workflow.create({ product: 'daily', date }, ANALYST);
    return { db, test, daily };
  }

  it('hides in the week what subtracting the published days would give away', async () => {
    const { test, daily } = await seeded();
    const days = [];
    for (const date of DATES) days.push(await publish(test, await daily(date)));
    const cells = days.map((day) => unanswered(day.figures));
    assert.deepEqual(cells[3], { kind: 'suppressed', reason: 'primary', threshold: 5 });
    const others = cells.filter((cell) => cell?.kind === 'count');
    assert.equal(others.length, 6, 'every other day publishes its count');
    const week = await test.workflow.create({ product: 'weekly' }, ANALYST);
    const weekly = unanswered(week.figures);
    // Published alone, the week said 62, and 62 − 6 × 10 = 2.
    assert.notEqual(weekly?.kind, 'count', JSON.stringify(weekly));
    const hotline = week.figures.headlines.find((h) => h.key === 'headline.hotline');
    assert.notEqual(hotline?.value.kind, 'count', 'nor through the headline total');
    const passages = week.figures.headlines.find((h) => h.key === 'headline.passages');
    assert.deepEqual(passages?.value, { kind: 'count', value: 280 }, 'what is safe stays');
    await publish(test, week);
  });

  it('refuses a weekly report drafted before a day was published, and a day after the week', async () => {
    const { test, daily } = await seeded();
    for (const date of DATES.filter((d) => d !== SMALL_DATE && d !== LAST_DATE)) {
      await publish(test, await daily(date));
    }
    const week = await test.workflow.create({ product: 'weekly' }, ANALYST);
    await publish(test, await daily(SMALL_DATE));
    await rejectsWith(publish(test, week), 'conflict');
    const redrafted = await test.workflow.redraft(week.id, { version: 3 }, ANALYST);
    assert.notEqual(unanswered(redrafted.figures)?.kind, 'count');
    const last = await daily(LAST_DATE);
    const approved = await test.workflow.approve(redrafted.id, { version: 4 }, COORDINATOR);
    await test.workflow.publish(redrafted.id, { version: approved.version }, COORDINATOR);
    // The week was audited with this day unknown: publishing it now would undo that.
    await rejectsWith(publish(test, last), 'invalid_transition');
  });

  it('publishes a day and its week one at a time: of the two at once, one is refused', async () => {
    const { db, test, daily } = await seeded();
    for (const date of DATES.filter((d) => d !== SMALL_DATE && d !== LAST_DATE)) {
      await publish(test, await daily(date));
    }
    const approved = async (draft: Bulletin) => {
      const edited = await test.workflow.edit(
        draft.id,
        { version: draft.version, language: 'en', text: 'Calm.' },
        ANALYST,
      );
      return test.workflow.approve(draft.id, { version: edited.version }, COORDINATOR);
    };
    // The week was drafted without the small day: published after it, its figures would let
    // the day's "<5" be worked out; the day published after the week would undo its audit.
    const day = await approved(await daily(SMALL_DATE));
    const week = await approved(await test.workflow.create({ product: 'weekly' }, ANALYST));
    // A log slow to answer leaves each publication time to pass its check before the other
    // writes, unless they run one at a time.
    const { sealer } = openTestVault(db, { now: () => AT_CUTOFF });
    const slow = new BulletinService({
      db,
      sealer: { seal: async (request) => (await delay(100), sealer.seal(request)) },
      now: () => AT_CUTOFF,
      settings: DEFAULT_BULLETIN_SETTINGS,
    });
    const results = await Promise.allSettled(
      [day, week].map((b) => slow.publish(b.id, { version: b.version }, COORDINATOR)),
    );
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    assert.equal(refused.length, 1, JSON.stringify(results.map((r) => r.status)));
    assert.match(String((refused[0] as { code?: string }).code), /^(conflict|invalid_transition)$/);
  });

  it('refuses overlapping weekly reports, and new figures for a correction', async () => {
    const { test } = await seeded();
    const week = await publish(test, await test.workflow.create({ product: 'weekly' }, ANALYST));
    const overlapping = await test.workflow.create(
      { product: 'weekly', date: '2023-09-23' },
      ANALYST,
    );
    await rejectsWith(publish(test, overlapping), 'invalid_transition');
    const correction = await test.workflow.correct(week.id, { kind: 'correction' }, ANALYST);
    assert.deepEqual(correction.figures, week.figures);
    await rejectsWith(
      test.workflow.redraft(correction.id, { version: 1 }, ANALYST),
      'invalid_transition',
    );
  });
});
