import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { newId, rejectsWith } from '../../passage/database/passage.fixtures.ts';
import { KyselyCommitmentRepository } from './commitment.kysely.ts';
import {
  countRows,
  insertIncident,
  insertInfoItem,
  openTestCommitments,
} from './commitments.fixtures.ts';

const ANALYST = 'staff-analyst-1';

const CEASEFIRE = {
  party: 'Party A',
  language: 'hy',
  text: 'Քաղաքացիական անձինք կարող են ազատ հեռանալ։',
  translations: {
    en: 'Civilians may leave freely.',
    ru: 'Гражданские лица могут свободно уехать.',
  },
  madeOn: '2023-09-21',
  sourceRef: 'https://example.org/statements/2023-09-21',
  scope: 'Everyone leaving through the bridge checkpoint',
};

describeOnBothDatabases('commitment service', (open) => {
  it('registers a commitment with translations as a public entry without its recorder', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const view = await test.commitments.register(CEASEFIRE, ANALYST);
    assert.equal(view.commitment.version, 1);
    assert.deepEqual(view.commitment.translations, CEASEFIRE.translations);
    assert.equal(view.commitment.text, CEASEFIRE.text);
    assert.deepEqual(
      view.versions.map((version) => [version.version, version.reason]),
      [[1, 'registered']],
    );
    const [entry] = test.entries();
    assert.equal(entry?.kind, 'commitment.version');
    assert.deepEqual(
      (entry.body as { translations: unknown }).translations,
      CEASEFIRE.translations,
    );
    assert.ok(
      !JSON.stringify(entry).includes(ANALYST),
      'the recorder stays out of the public entry',
    );
    const seals = await db.selectFrom('sealed_record').select('visibility').execute();
    assert.deepEqual(
      seals.map((seal) => seal.visibility),
      ['public'],
    );
    assert.deepEqual(await test.commitments.list(10), [view.commitment]);
  });

  it('revises a commitment as a new version and keeps the old one', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const { commitment } = await test.commitments.register(CEASEFIRE, ANALYST);
    const revised = await test.commitments.revise(
      commitment.id,
      { version: 1, scope: 'Everyone leaving by any route', reason: 'second statement' },
      'staff-coordinator',
    );
    assert.equal(revised.commitment.version, 2);
    assert.equal(revised.commitment.scope, 'Everyone leaving by any route');
    assert.equal(revised.commitment.text, CEASEFIRE.text);
    assert.deepEqual(
      revised.versions.map((version) => [version.version, version.scope]),
      [
        [1, CEASEFIRE.scope],
        [2, 'Everyone leaving by any route'],
      ],
    );
    const timeline = await test.commitments.timeline(commitment.id);
    assert.deepEqual(
      timeline.versions.map((version) => version.actor),
      [ANALYST, 'staff-coordinator'],
    );
  });

  it('refuses a stale version, a translation into the original language and bad input', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const { commitment } = await test.commitments.register(CEASEFIRE, ANALYST);
    const before = await countRows(db);
    await rejectsWith(
      test.commitments.revise(commitment.id, { version: 2, scope: 'x', reason: 'r' }, ANALYST),
      'conflict',
    );
    await rejectsWith(
      test.commitments.revise(commitment.id, { version: 1, language: 'en', reason: 'r' }, ANALYST),
      'invalid_request',
    );
    await rejectsWith(
      test.commitments.register({ ...CEASEFIRE, translations: { hy: 'x' } }, ANALYST),
      'invalid_request',
    );
    await rejectsWith(
      test.commitments.register({ ...CEASEFIRE, madeOn: '21 Sep 2023' }, ANALYST),
      'invalid_request',
    );
    await rejectsWith(
      test.commitments.revise(newId(), { version: 1, reason: 'r' }, ANALYST),
      'not_found',
    );
    assert.deepEqual(await countRows(db), before);
  });

  it('links evidence, counts breach and compliance per month, and withdraws by a new record', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const { commitment } = await test.commitments.register(CEASEFIRE, ANALYST);
    const detention = await insertIncident(db, '2023-09-26T09:00:00.000Z');
    const passage = await insertInfoItem(
      db,
      '2023-10-02T10:00:00.000Z',
      '2023-10-01T08:00:00.000Z',
    );
    const later = await insertIncident(db, '2023-11-05T09:00:00.000Z');
    const breach = await test.commitments.link(
      commitment.id,
      {
        targetKind: 'incident',
        targetId: detention,
        bearing: 'breach',
        reasoning: 'A man was held at the exit although the statement guarantees free departure.',
      },
      ANALYST,
    );
    await test.commitments.link(
      commitment.id,
      {
        targetKind: 'info_item',
        targetId: passage,
        bearing: 'compliance',
        reasoning: 'Free exit.',
      },
      ANALYST,
    );
    const laterLink = await test.commitments.link(
      commitment.id,
      { targetKind: 'incident', targetId: later, bearing: 'breach', reasoning: 'Turned back.' },
      ANALYST,
    );
    const withdrawn = await test.commitments.withdraw(
      laterLink.id,
      { reason: 'the incident was misattributed' },
      'staff-coordinator',
    );
    assert.equal(withdrawn.withdrawal?.actor, 'staff-coordinator');
    const timeline = await test.commitments.timeline(commitment.id);
    assert.deepEqual(
      timeline.links.map((link) => [link.targetId, link.evidenceAt, link.withdrawal === null]),
      [
        [detention, '2023-09-26T09:00:00.000Z', true],
        [passage, '2023-10-01T08:00:00.000Z', true],
        [later, '2023-11-05T09:00:00.000Z', false],
      ],
    );
    assert.equal(timeline.links[0]?.id, breach.id);
    assert.equal(timeline.links[0].linkedBy, ANALYST);
    assert.deepEqual(timeline.months, [
      { month: '2023-09', breach: 1, compliance: 0 },
      { month: '2023-10', breach: 0, compliance: 1 },
    ]);
    const linkEntries = test.entries().filter((entry) => entry.kind.startsWith('commitment.link'));
    assert.equal(linkEntries.length, 4);
    assert.ok(linkEntries.every((entry) => !JSON.stringify(entry).includes('misattributed')));
    assert.equal(
      await db
        .selectFrom('commitment_link')
        .select('id')
        .execute()
        .then((r) => r.length),
      3,
    );
  });

  it('refuses unknown evidence, a second standing link, and a second withdrawal', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const { commitment } = await test.commitments.register(CEASEFIRE, ANALYST);
    const incident = await insertIncident(db, '2023-09-26T09:00:00.000Z');
    const link = {
      targetKind: 'incident',
      targetId: incident,
      bearing: 'breach',
      reasoning: 'r',
    } as const;
    const first = await test.commitments.link(commitment.id, link, ANALYST);
    await test.commitments.withdraw(first.id, { reason: 'wrong' }, ANALYST);
    const before = await countRows(db);
    await rejectsWith(
      test.commitments.withdraw(first.id, { reason: 'again' }, ANALYST),
      'conflict',
    );
    await rejectsWith(
      test.commitments.link(commitment.id, { ...link, targetId: newId() }, ANALYST),
      'invalid_request',
    );
    await rejectsWith(
      test.commitments.link(commitment.id, { ...link, targetKind: 'info_item' }, ANALYST),
      'invalid_request',
    );
    await rejectsWith(test.commitments.link(newId(), link, ANALYST), 'not_found');
    await rejectsWith(test.commitments.withdraw(newId(), { reason: 'r' }, ANALYST), 'not_found');
    assert.deepEqual(await countRows(db), before);
    const relinked = await test.commitments.link(commitment.id, link, ANALYST);
    await rejectsWith(test.commitments.link(commitment.id, link, ANALYST), 'already_exists');
    assert.notEqual(relinked.id, first.id);
  });

  it('stores a version only at the version read, and a withdrawal only once', async () => {
    const { db } = await open();
    const test = openTestCommitments(db);
    const { commitment } = await test.commitments.register(CEASEFIRE, ANALYST);
    const repository = new KyselyCommitmentRepository(db);
    const [first] = await repository.versions(commitment.id);
    assert.ok(first !== undefined);
    await rejectsWith(repository.addVersion({ ...first, version: 3 }), 'conflict');
    await rejectsWith(
      repository.addVersion({ ...first, commitmentId: newId(), version: 2 }),
      'not_found',
    );
    const incident = await insertIncident(db, '2023-09-26T09:00:00.000Z');
    const link = await test.commitments.link(
      commitment.id,
      { targetKind: 'incident', targetId: incident, bearing: 'compliance', reasoning: 'r' },
      ANALYST,
    );
    const withdrawal = { reason: 'r', at: '2023-09-27T00:00:00.000Z', actor: ANALYST };
    await repository.withdrawLink(link.id, withdrawal);
    await rejectsWith(repository.withdrawLink(link.id, withdrawal), 'conflict');
    assert.deepEqual((await repository.getLink(link.id))?.withdrawal, withdrawal);
  });
});
