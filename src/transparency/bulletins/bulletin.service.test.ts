import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { rejectsWith } from '../../passage/database/passage.fixtures.ts';
import {
  ARMEN_HY,
  IDENTITY_TEXTS,
  openTestRegistry,
  REGISTRY_ACTOR,
} from '../../passage/registry/registry.fixture.ts';
import { formatCell } from '../disclosure/published-cell.ts';
import { publishedContent } from './bulletin-content.ts';
import type { BulletinFigures } from './bulletin-figures.ts';
import type { Bulletin } from './bulletin.repository.ts';
import {
  insertCheckpoint,
  insertHotlineContacts,
  insertIncident,
  insertPassages,
  insertRestriction,
  openTestBulletins,
  publishedDraft as publishedBy,
} from './bulletins.fixtures.ts';
import type { TestBulletins } from './bulletins.fixtures.ts';

const ANALYST = 'staff-analyst-1';
const COORDINATOR = 'staff-coordinator-1';
// 19:30 in Yerevan is 15:30 UTC; the daily report of 24 Sep covers 23 Sep 15:30 → 24 Sep 15:30.
const BEFORE_CUTOFF = new Date('2023-09-24T15:29:00.000Z');
const AT_CUTOFF = new Date('2023-09-24T15:30:00.000Z');
const IN_PERIOD = '2023-09-24T10:00:00.000Z';
const IN_PREVIOUS = '2023-09-23T10:00:00.000Z';

function cellText(figures: BulletinFigures, section: string, row: string, column = 0): string {
  const found = figures.sections.find((s) => s.key === section)?.rows.find((r) => r.key === row);
  const cell = found?.cells[column];
  assert.ok(cell !== undefined, `${section}/${row} is missing`);
  return formatCell(cell);
}

function headline(figures: BulletinFigures, key: string) {
  const found = figures.headlines.find((h) => h.key === key);
  assert.ok(found !== undefined, `${key} is missing`);
  return found;
}

/** A spot report written by the analyst, approved by the coordinator and published. */
async function publishedSpot(test: TestBulletins, text = 'Convoy delayed at the bridge.') {
  const spot = await test.workflow.create(
    { product: 'spot', periodFrom: IN_PREVIOUS, periodTo: IN_PERIOD, texts: { en: text } },
    ANALYST,
  );
  const approved = await test.workflow.approve(spot.id, { version: 1 }, COORDINATOR);
  return test.workflow.publish(spot.id, { version: approved.version }, COORDINATOR);
}

const publishedDraft = (test: TestBulletins, draft: Bulletin) =>
  publishedBy(test, draft, { analyst: ANALYST, coordinator: COORDINATOR });

describeOnBothDatabases('bulletin service', (open) => {
  it('drafts the daily report once at the cut-off, whatever the number of ticks or restarts', async () => {
    const { db } = await open();
    const test = openTestBulletins(db, BEFORE_CUTOFF);
    // A new mission with nothing recorded yet drafts no report of zeros on its first start.
    assert.equal(await test.workflow.draftDue(), undefined);
    await insertHotlineContacts(db, IN_PREVIOUS, 1);
    // Before the cut-off the latest period is the previous day's, drafted once there is data.
    const first = await test.workflow.draftDue();
    assert.equal(first?.draftKey, 'daily:2023-09-23');
    assert.equal(await test.workflow.draftDue(), undefined);
    test.setNow(AT_CUTOFF);
    const today = await test.workflow.draftDue();
    assert.equal(today?.draftKey, 'daily:2023-09-24');
    assert.equal(today.periodFrom, '2023-09-23T15:30:00.000Z');
    assert.equal(today.periodTo, '2023-09-24T15:30:00.000Z');
    assert.equal(today.state, 'draft');
    assert.deepEqual(Object.keys(today.texts), ['en', 'hy', 'ru', 'az']);
    assert.equal(await test.workflow.draftDue(), undefined);
    // A restarted server (new services, same database) drafts nothing more.
    const restarted = openTestBulletins(db, new Date('2023-09-24T20:00:00.000Z'));
    assert.equal(await restarted.workflow.draftDue(), undefined);
    assert.equal((await restarted.reading.drafts(10)).length, 2);
    await rejectsWith(
      test.workflow.create({ product: 'daily', date: '2023-09-24' }, ANALYST),
      'already_exists',
    );
  });

  it('makes one draft when two servers reach the cut-off at once', async () => {
    const { db } = await open();
    await insertHotlineContacts(db, IN_PERIOD, 1);
    const one = openTestBulletins(db, AT_CUTOFF);
    const other = openTestBulletins(db, AT_CUTOFF);
    const drafts = await Promise.all([one.workflow.draftDue(), other.workflow.draftDue()]);
    assert.equal(drafts.filter((draft) => draft !== undefined).length, 1);
    assert.deepEqual(
      (await one.reading.drafts(10)).map((draft) => draft.draftKey),
      ['daily:2023-09-24'],
    );
  });

  it('counts the period from the data and publishes small counts only as "<5" or "<10"', async () => {
    const { db } = await open();
    const checkpoint = await insertCheckpoint(db);
    await insertPassages(db, { checkpointId: checkpoint, direction: 'out', at: IN_PERIOD }, 1, 47);
    await insertPassages(db, { checkpointId: checkpoint, direction: 'in', at: IN_PERIOD }, 3);
    for (let i = 0; i < 2; i++) {
      await insertIncident(db, { at: IN_PERIOD, subType: 'checkpoint_detention' });
    }
    for (let i = 0; i < 7; i++) await insertIncident(db, { at: IN_PERIOD, subType: 'firing' });
    await insertIncident(db, { at: IN_PERIOD, subType: 'firing', state: 'verified', killed: 3 });
    await insertHotlineContacts(db, IN_PERIOD, 3);
    await insertRestriction(db, { kind: 'denial', at: IN_PERIOD, placeId: checkpoint });
    const test = openTestBulletins(db, AT_CUTOFF);
    const draft = await test.workflow.create({ product: 'daily', date: '2023-09-24' }, ANALYST);
    const { figures } = draft;
    assert.equal(figures.sections[0]?.rows[0]?.names?.['hy'], 'Կամրջի անցակետ');
    assert.equal(cellText(figures, 'passages', 'checkpoint', 1), '<5');
    assert.equal(cellText(figures, 'incidents', 'incidents.detention'), '<10');
    assert.equal(cellText(figures, 'hotline', 'hotline.unanswered'), '<5');
    assert.equal(cellText(figures, 'restrictions', 'restriction.denial'), '<5');
    assert.equal(formatCell(headline(figures, 'headline.killed').value), '<5');
    assert.equal(formatCell(headline(figures, 'headline.hotline').value), '<5');
    // No true small count survives anywhere in what is stored for publication.
    const stored = JSON.stringify(figures);
    for (const small of [1, 2, 3]) assert.ok(!stored.includes(`"value":${small}}`), `${small}`);
  });

  it('gives the change on the previous period from published, rounded figures', async () => {
    const { db } = await open();
    const checkpoint = await insertCheckpoint(db);
    const at = (direction: 'in' | 'out', when: string) => ({
      checkpointId: checkpoint,
      direction,
      at: when,
    });
    await insertPassages(db, at('out', IN_PERIOD), 1, 121);
    await insertPassages(db, at('in', IN_PERIOD), 1, 58);
    await insertPassages(db, at('out', IN_PREVIOUS), 1, 80);
    await insertPassages(db, at('in', IN_PREVIOUS), 1, 41);
    const test = openTestBulletins(db, AT_CUTOFF);
    // The previous figures are those the previous bulletin published; none before it is.
    const unpublished = await test.workflow.create({ product: 'daily' }, ANALYST);
    assert.equal(headline(unpublished.figures, 'headline.passages').change, null);
    const before = await test.workflow.create({ product: 'daily', date: '2023-09-23' }, ANALYST);
    await publishedDraft(test, before);
    const draft = await test.workflow.redraft(unpublished.id, { version: 1 }, ANALYST);
    const passages = headline(draft.figures, 'headline.passages');
    assert.deepEqual(passages.value, { kind: 'count', value: 180 });
    assert.deepEqual(passages.previous, { kind: 'count', value: 120 });
    assert.equal(passages.change, 60);
    const week = await test.workflow.create({ product: 'weekly' }, ANALYST);
    assert.equal(week.draftKey, 'weekly:2023-09-24');
    assert.equal(week.periodFrom, '2023-09-17T15:30:00.000Z');
    const weekly = headline(week.figures, 'headline.passages');
    assert.deepEqual([weekly.previous.kind, weekly.change], ['suppressed', null]);
  });

  it('drafts the figures again on request, as an edit by the one who asked', async () => {
    const { db } = await open();
    const test = openTestBulletins(db, AT_CUTOFF);
    const draft = await test.workflow.create({ product: 'daily' }, 'system');
    assert.deepEqual(headline(draft.figures, 'headline.passages').value, {
      kind: 'count',
      value: 0,
    });
    const checkpoint = await insertCheckpoint(db);
    await insertPassages(db, { checkpointId: checkpoint, direction: 'out', at: IN_PERIOD }, 1, 64);
    const redrafted = await test.workflow.redraft(draft.id, { version: 1 }, ANALYST);
    assert.deepEqual(headline(redrafted.figures, 'headline.passages').value, {
      kind: 'count',
      value: 60,
    });
    assert.equal(redrafted.state, 'in_review');
    assert.equal(redrafted.lastEditor, ANALYST);
    await rejectsWith(test.workflow.approve(draft.id, { version: 2 }, ANALYST), 'two_person_rule');
    const spot = await test.workflow.create(
      { product: 'spot', periodFrom: IN_PREVIOUS, periodTo: IN_PERIOD, texts: {} },
      ANALYST,
    );
    await rejectsWith(
      test.workflow.redraft(spot.id, { version: 1 }, ANALYST),
      'invalid_transition',
    );
  });

  it('needs a coordinator other than the last editor to approve', async () => {
    const { db } = await open();
    const test = openTestBulletins(db, AT_CUTOFF);
    const draft = await test.workflow.create({ product: 'daily' }, 'system');
    // An untouched draft is not yet in review.
    await rejectsWith(
      test.workflow.approve(draft.id, { version: 1 }, COORDINATOR),
      'invalid_transition',
    );
    const edited = await test.workflow.edit(
      draft.id,
      { version: 1, language: 'ru', text: 'Обстановка спокойная.' },
      COORDINATOR,
    );
    assert.equal(edited.state, 'in_review');
    await rejectsWith(
      test.workflow.approve(draft.id, { version: edited.version }, COORDINATOR),
      'two_person_rule',
    );
    const reviewed = await test.workflow.edit(
      draft.id,
      { version: edited.version, language: 'en', text: 'The situation was calm.' },
      ANALYST,
    );
    await rejectsWith(test.workflow.approve(draft.id, { version: 2 }, ANALYST), 'conflict');
    const approved = await test.workflow.approve(
      draft.id,
      { version: reviewed.version },
      COORDINATOR,
    );
    assert.equal(approved.state, 'approved');
    assert.equal(approved.approvedBy, COORDINATOR);
    const { versions } = await test.reading.withVersions(draft.id);
    assert.deepEqual(
      versions.map((v) => [v.action, v.actor]),
      [
        ['drafted', 'system'],
        ['edit', COORDINATOR],
        ['edit', ANALYST],
        ['approve', COORDINATOR],
      ],
    );
    assert.equal(versions[1]?.texts['ru'], 'Обстановка спокойная.');
    await rejectsWith(
      test.workflow.edit(draft.id, { version: 4, language: 'fr', text: 'x' }, ANALYST),
      'invalid_request',
    );
  });

  it('publishes a public log entry without anyone’s identity, then refuses every change', async () => {
    const { db } = await open();
    const registry = openTestRegistry(db);
    await registry.registration.register(
      { intention: 'leave', members: [{ identity: ARMEN_HY }] },
      REGISTRY_ACTOR,
    );
    const test = openTestBulletins(db, AT_CUTOFF);
    const published: Bulletin = await publishedSpot(test);
    assert.equal(published.state, 'published');
    const entries = test.entries();
    const entry = entries[published.logIndex ?? -1];
    assert.equal(entry?.kind, 'bulletin.published');
    assert.deepEqual(entry.body, JSON.parse(JSON.stringify(publishedContent(published))));
    const text = test.texts[published.logIndex ?? -1] ?? '';
    for (const who of [ANALYST, COORDINATOR, ...IDENTITY_TEXTS])
      assert.ok(!text.includes(who), who);
    const view = await test.reading.published(published.id);
    assert.deepEqual(view.content, entry.body);
    await rejectsWith(
      test.workflow.edit(
        published.id,
        { version: published.version, language: 'en', text: 'x' },
        ANALYST,
      ),
      'invalid_transition',
    );
    await rejectsWith(
      test.workflow.approve(published.id, { version: published.version }, COORDINATOR),
      'invalid_transition',
    );
    await rejectsWith(
      test.workflow.publish(published.id, { version: published.version }, COORDINATOR),
      'invalid_transition',
    );
    assert.deepEqual(await test.reading.list({ limit: 10, offset: 0 }), [
      {
        id: published.id,
        product: 'spot',
        periodFrom: IN_PREVIOUS,
        periodTo: IN_PERIOD,
        languages: ['en', 'hy', 'ru', 'az'],
        publishedAt: published.publishedAt,
        logIndex: published.logIndex,
        corrects: null,
      },
    ]);
  });

  it('links a correction and the bulletin it corrects both ways once the correction is published', async () => {
    const { db } = await open();
    const test = openTestBulletins(db, AT_CUTOFF);
    const original = await publishedSpot(test);
    const draft = await test.workflow.create({ product: 'daily' }, ANALYST);
    await rejectsWith(
      test.workflow.correct(draft.id, { kind: 'correction' }, ANALYST),
      'invalid_transition',
    );
    const correction = await test.workflow.correct(
      original.id,
      { kind: 'retraction', texts: { en: 'The convoy was not delayed.' } },
      ANALYST,
    );
    assert.deepEqual(correction.corrects, { id: original.id, kind: 'retraction' });
    assert.deepEqual((await test.reading.published(original.id)).correctedBy, []);
    await rejectsWith(test.reading.published(correction.id), 'not_found');
    const approved = await test.workflow.approve(correction.id, { version: 1 }, COORDINATOR);
    await test.workflow.publish(correction.id, { version: approved.version }, COORDINATOR);
    assert.deepEqual((await test.reading.published(original.id)).correctedBy, [
      { id: correction.id, kind: 'retraction' },
    ]);
    const page = await test.reading.published(correction.id);
    assert.deepEqual(page.content.corrects, { id: original.id, kind: 'retraction' });
    const list = await test.reading.list({ limit: 1, offset: 0 });
    assert.deepEqual(
      list.map((b) => b.id),
      [correction.id],
    );
  });
});
