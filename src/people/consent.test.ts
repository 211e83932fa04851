import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnBothDatabases } from '../../test/support/databases.ts';
import { DomainError } from '../errors/domain-error.ts';
import { Sealer } from '../seal/sealer.ts';
import { ConsentService } from './consent.service.ts';
import type { ConsentPurpose } from './consent.ts';

const HOTLINE = { id: 'staff:hotline-1' };
const PERSON = '3d8c1f9e-5b2a-4c7d-8e6f-1a2b3c4d5e6f';
const HOUSEHOLD = 'household-77';

describeOnBothDatabases('consent', (open) => {
  async function service() {
    const { db } = await open();
    const entries: string[] = [];
    const sealer = new Sealer({
      append: (entry) => {
        entries.push(new TextDecoder().decode(entry));
        return Promise.resolve({ index: entries.length - 1 });
      },
    });
    return { db, entries, consent: new ConsentService({ db, sealer }) };
  }

  it('grants, withdraws and grants again, keeping every decision', async () => {
    const { consent } = await service();
    assert.equal(await consent.hasConsent(PERSON, 'tracing'), false);
    await consent.recordConsent(
      { subjectRef: PERSON, purpose: 'tracing', decision: 'granted' },
      HOTLINE,
    );
    assert.equal(await consent.hasConsent(PERSON, 'tracing'), true);
    await consent.recordConsent(
      { subjectRef: PERSON, purpose: 'tracing', decision: 'withdrawn' },
      { id: 'resident:portal' },
    );
    assert.equal(await consent.hasConsent(PERSON, 'tracing'), false);
    const last = await consent.recordConsent(
      { subjectRef: PERSON, purpose: 'tracing', decision: 'granted' },
      HOTLINE,
    );
    assert.equal(last.version, 3);
    assert.equal(await consent.hasConsent(PERSON, 'tracing'), true);
    const history = await consent.consentHistory(PERSON);
    assert.deepEqual(
      history.map((record) => [record.purpose, record.version, record.decision, record.actor]),
      [
        ['tracing', 1, 'granted', HOTLINE.id],
        ['tracing', 2, 'withdrawn', 'resident:portal'],
        ['tracing', 3, 'granted', HOTLINE.id],
      ],
    );
  });

  it('records a refusal without throwing, and consent stays per purpose and subject', async () => {
    const { consent } = await service();
    const refused = await consent.recordConsent(
      { subjectRef: HOUSEHOLD, purpose: 'named_publication', decision: 'refused' },
      HOTLINE,
    );
    assert.equal(refused.decision, 'refused');
    await consent.recordConsent(
      { subjectRef: HOUSEHOLD, purpose: 'anonymised_publication', decision: 'granted' },
      HOTLINE,
    );
    const purposes: ConsentPurpose[] = [
      'tracing',
      'internal_analysis',
      'anonymised_publication',
      'named_publication',
      'sharing_with_named_bodies',
    ];
    const answers = await Promise.all(
      purposes.map((purpose) => consent.hasConsent(HOUSEHOLD, purpose)),
    );
    assert.deepEqual(answers, [false, false, true, false, false]);
    assert.equal(await consent.hasConsent(PERSON, 'anonymised_publication'), false);
  });

  it('seals each decision with refs, purpose, decision and actor only', async () => {
    const { db, consent, entries } = await service();
    const record = await consent.recordConsent(
      { subjectRef: PERSON, purpose: 'sharing_with_named_bodies', decision: 'granted' },
      HOTLINE,
    );
    const seal = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    assert.equal(seal.kind, 'consent.recorded');
    assert.equal(seal.at, record.at);
    assert.deepEqual(JSON.parse(seal.record), {
      actor: HOTLINE.id,
      decision: 'granted',
      purpose: 'sharing_with_named_bodies',
      subjectRef: PERSON,
    });
    assert.equal(entries.length, 1);
    assert.ok(entries[0]!.includes('"consent.recorded"'));
    assert.ok(!entries[0]!.includes(PERSON)); // sealed: the log holds the commitment only
  });

  it('gives concurrent decisions distinct versions', async () => {
    const { consent } = await service();
    // Pairs at a time: more simultaneous PostgreSQL clients expose a race in the shared test
    // support (the pool closes without waiting for its sockets before the database is dropped).
    const pairs = [
      ['granted', 'withdrawn'],
      ['granted', 'refused'],
      ['granted', 'withdrawn'],
    ] as const;
    for (const pair of pairs) {
      await Promise.all(
        pair.map((decision) =>
          consent.recordConsent(
            { subjectRef: PERSON, purpose: 'internal_analysis', decision },
            HOTLINE,
          ),
        ),
      );
    }
    const versions = (await consent.consentHistory(PERSON)).map((record) => record.version);
    assert.deepEqual(versions, [1, 2, 3, 4, 5, 6]);
  });

  it('rejects an unknown purpose, decision or malformed subject, recording nothing', async () => {
    const { db, consent } = await service();
    for (const input of [
      { subjectRef: PERSON, purpose: 'marketing', decision: 'granted' },
      { subjectRef: PERSON, purpose: 'tracing', decision: 'maybe' },
      { subjectRef: 'Anna Petrosyan', purpose: 'tracing', decision: 'granted' },
    ]) {
      await assert.rejects(
        consent.recordConsent(input as never, HOTLINE),
        (error: unknown) => error instanceof DomainError && error.code === 'invalid_request',
      );
    }
    assert.equal((await db.selectFrom('consent').selectAll().execute()).length, 0);
  });
});
