import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../../../test/support/databases.ts';
import { newId, rejectsWith } from '../../../passage/database/passage.fixtures.ts';
import type { Identity } from '../../../people/identity.ts';
import { intakeTest, sealedRecordsText } from '../intake.fixtures.ts';

const CONTACT: Identity = {
  names: [{ given: 'Lusine', family: 'Hakobyan', script: 'en' }],
  birthYear: 1979,
  sex: 'female',
  documents: [],
  phone: '+374 91 555 123',
};
const hotline = { actor: { id: 'hotline-1' }, role: 'hotline' } as const;
const coordinator = { actor: { id: 'coordinator-1' }, role: 'coordinator' } as const;

describeOnBothDatabases('source service', (open) => {
  it('creates a source with its contact in the vault, read back only by an audited read', async () => {
    const { db } = await open();
    const { sources } = await intakeTest(db);
    const created = await sources.create(
      {
        kind: 'witness',
        label: 'NIGHTJAR',
        reliability: 'F',
        reason: 'first call',
        atRisk: false,
        contact: CONTACT,
      },
      { id: 'analyst-1' },
    );
    assert.deepEqual(
      [created.source.hasContact, created.source.reliability, created.gradings.length],
      [true, 'F', 1],
    );
    assert.ok(!('contactPersonRef' in created.source));
    const row = await db.selectFrom('source').selectAll().executeTakeFirstOrThrow();
    assert.ok(row.contact_person_ref !== null && !JSON.stringify(row).includes('Hakobyan'));
    assert.ok(!(await sealedRecordsText(db)).includes('Hakobyan'));
    const contact = await sources.readContact(created.source.id, hotline, 'protection');
    assert.equal(contact.names[0]?.family, 'Hakobyan');
    const audits = await db.selectFrom('audit_event').selectAll().execute();
    assert.deepEqual(
      audits.map((audit) => [audit.actor, audit.subject_ref, audit.purpose]),
      [['hotline-1', row.contact_person_ref, 'protection']],
    );
  });

  it('hides an at-risk source from the hotline, not from a coordinator', async () => {
    const { db } = await open();
    const { sources } = await intakeTest(db);
    const { source } = await sources.create(
      {
        kind: 'victim_or_relative',
        label: 'KESTREL',
        reliability: 'C',
        reason: 'met twice',
        atRisk: false,
        contact: CONTACT,
      },
      { id: 'analyst-1' },
    );
    const flagged = await sources.setAtRisk(
      source.id,
      { atRisk: true, version: 1 },
      { id: 'analyst-1' },
    );
    assert.deepEqual([flagged.source.atRisk, flagged.source.version], [true, 2]);
    await rejectsWith(sources.readContact(source.id, hotline, 'protection'), 'not_found');
    assert.equal((await sources.readContact(source.id, coordinator, 'protection')).birthYear, 1979);
    await sources.setAtRisk(source.id, { atRisk: false, version: 2 }, { id: 'analyst-1' });
    assert.equal((await sources.readContact(source.id, hotline, 'protection')).sex, 'female');
  });

  it('keeps the history of reliability gradings and refuses stale or duplicate ones', async () => {
    const { db } = await open();
    const { sources } = await intakeTest(db);
    const { source } = await sources.create(
      {
        kind: 'media',
        label: 'Channel 9',
        reliability: 'F',
        reason: 'unknown outlet',
        atRisk: false,
      },
      { id: 'analyst-1' },
    );
    await sources.regrade(
      source.id,
      { reliability: 'C', reason: 'two items confirmed', version: 1 },
      { id: 'a2' },
    );
    const view = await sources.regrade(
      source.id,
      { reliability: 'E', reason: 'fabricated photo', version: 2 },
      { id: 'a3' },
    );
    assert.deepEqual(
      view.gradings.map((grading) => [
        grading.version,
        grading.reliability,
        grading.reason,
        grading.actor,
      ]),
      [
        [1, 'F', 'unknown outlet', 'analyst-1'],
        [2, 'C', 'two items confirmed', 'a2'],
        [3, 'E', 'fabricated photo', 'a3'],
      ],
    );
    await rejectsWith(
      sources.regrade(source.id, { reliability: 'A', reason: 'x', version: 2 }, { id: 'a' }),
      'conflict',
    );
    await rejectsWith(
      sources.create(
        { kind: 'media', label: 'Channel 9', reliability: 'F', reason: 'again', atRisk: false },
        { id: 'a' },
      ),
      'already_exists',
    );
    await rejectsWith(sources.readContact(source.id, coordinator, 'protection'), 'not_found');
    await rejectsWith(sources.get(newId()), 'not_found');
    assert.deepEqual(
      (await sources.list({ limit: 10, kind: 'media' })).map((s) => s.label),
      ['Channel 9'],
    );
  });
});
