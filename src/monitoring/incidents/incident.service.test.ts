import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { rejectsWith } from '../../passage/database/passage.fixtures.ts';
import { Keyring } from '../../people/keyring.ts';
import { Sealer } from '../../seal/sealer.ts';
import type { Database } from '../../store/schema.ts';
import { aContent, itemStatus, seedCases, seedItems } from './incident.fixtures.ts';
import { IncidentService } from './incident.service.ts';
import { IncidentWorkflow } from './incident-workflow.service.ts';
import { incidentExists } from './incident-links.ts';

function services(db: Kysely<Database>) {
  let index = 0;
  const context = {
    db,
    sealer: new Sealer({ append: () => Promise.resolve({ index: index++ }) }),
    keyring: new Keyring(randomBytes(32)),
    now: () => new Date('2023-09-26T10:00:00.000Z'),
  };
  return { incidents: new IncidentService(context), workflow: new IncidentWorkflow(context) };
}

async function sealCount(db: Kysely<Database>): Promise<number> {
  const rows = await db.selectFrom('sealed_record').select('id').execute();
  return rows.length;
}

async function openOne(db: Kysely<Database>, state: 'received' | 'triaged' = 'triaged') {
  const { incidents, workflow } = services(db);
  const itemIds = await seedItems(db, 2);
  const view = await incidents.open(
    { itemIds, state, content: aContent(20), reason: 'first reports' },
    'analyst-1',
  );
  return { incidents, workflow, itemIds, view, id: view.incident.id };
}

describeOnBothDatabases('incident service', (open) => {
  it('opens an incident from items, marks them linked and seals the opening', async () => {
    const { db } = await open();
    const { itemIds, view, id } = await openOne(db);
    assert.equal(view.incident.state, 'triaged');
    assert.equal(view.incident.eventType, 'safe_passage');
    assert.equal(view.incident.acled.subEventType, 'Other');
    assert.deepEqual(view.items.map((item) => item.itemId).sort(), [...itemIds].sort());
    assert.equal(await itemStatus(db, itemIds[0]!), 'linked');
    assert.equal(view.versions.length, 1);
    assert.ok(!('narrativeSealed' in view.incident));
    const seal = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(seal.kind, 'incident.opened');
    assert.ok(!seal.record.includes('site guard'), 'the narrative is sealed, not logged');
    assert.ok(await incidentExists(db, id));
    assert.equal(await incidentExists(db, randomUUID()), false);
  });

  it('refuses unknown items, bad figures and a start past triage, writing nothing', async () => {
    const { db } = await open();
    const { incidents } = services(db);
    const [itemId] = await seedItems(db, 1);
    const base = { itemIds: [itemId!], state: 'received' as const, reason: 'r' };
    await rejectsWith(
      incidents.open({ ...base, itemIds: [randomUUID()], content: aContent() }, 'a'),
      'invalid_request',
    );
    const bad = aContent(20, {
      tolls: { ...aContent().tolls, injured: { low: 5, best: 3, high: 9 } },
    });
    await rejectsWith(incidents.open({ ...base, content: bad }, 'a'), 'invalid_request');
    await rejectsWith(
      incidents.open({ ...base, content: aContent(20, { placeId: randomUUID() }) }, 'a'),
      'invalid_request',
    );
    await rejectsWith(
      incidents.open({ ...base, state: 'verified', content: aContent() }, 'a'),
      'invalid_transition',
    );
    await rejectsWith(
      incidents.open({ ...base, itemIds: [], content: aContent() }, 'a'),
      'invalid_request',
    );
    assert.equal(await sealCount(db), 0);
    assert.equal(await itemStatus(db, itemId!), 'new');
  });

  it('keeps every version of the toll: 20 → 68 → 170 → 218', async () => {
    const { db } = await open();
    const { incidents, id } = await openOne(db);
    let version = 1;
    for (const killed of [68, 170, 218]) {
      const view = await incidents.revise(
        id,
        { version, reason: `toll now ${String(killed)}`, content: aContent(killed) },
        'analyst-1',
      );
      version = view.incident.version;
    }
    const view = await incidents.get(id);
    assert.deepEqual(
      view.versions.map((entry) => entry.content.tolls.killed.best),
      [20, 68, 170, 218],
    );
    assert.equal(view.incident.tolls.killed.best, 218);
    await rejectsWith(
      incidents.revise(id, { version: 1, reason: 'stale', content: aContent(1) }, 'a'),
      'conflict',
    );
  });

  it('reads a narrative only through an audited read', async () => {
    const { db } = await open();
    const { incidents, id } = await openOne(db);
    const read = await incidents.readNarrative(id, { purpose: 'verification' }, 'analyst-2');
    assert.match(read.narrative, /fuel depot/);
    const audits = await db.selectFrom('audit_event').selectAll().execute();
    assert.deepEqual(
      audits.map((a) => [a.actor, a.action, a.subject_ref, a.purpose]),
      [['analyst-2', 'incident.narrative_read', id, 'verification']],
    );
    await rejectsWith(
      incidents.readNarrative(id, { version: 9, purpose: 'oversight' }, 'a'),
      'not_found',
    );
    assert.equal((await db.selectFrom('audit_event').selectAll().execute()).length, 1);
  });

  it('needs two different people to verify, and voids a proposal older than the incident', async () => {
    const { db } = await open();
    const { incidents, workflow, id } = await openOne(db);
    await workflow.transition(id, { to: 'under_verification', version: 1, reason: 'check' }, 'a1');
    const proposed = await workflow.transition(
      id,
      { to: 'verified', version: 2, reason: 'two sources' },
      'a1',
    );
    assert.equal(proposed.status, 'proposed');
    await rejectsWith(
      workflow.transition(id, { to: 'verified', version: 2, reason: 'me again' }, 'a1'),
      'two_person_rule',
    );
    await incidents.revise(id, { version: 2, reason: 'toll 68', content: aContent(68) }, 'a1');
    const afterRevision = await workflow.transition(
      id,
      { to: 'verified', version: 3, reason: 'ok' },
      'c1',
    );
    assert.equal(afterRevision.status, 'proposed', 'the proposal at version 2 is void');
    const applied = await workflow.transition(
      id,
      { to: 'verified', version: 3, reason: 'agree' },
      'a1',
    );
    assert.equal(applied.status, 'applied');
    const view = await incidents.get(id);
    assert.equal(view.incident.state, 'verified');
    assert.deepEqual(view.transitions.at(-1), {
      version: 4,
      from: 'under_verification',
      to: 'verified',
      reason: 'agree',
      at: '2023-09-26T10:00:00.000Z',
      actor: 'a1',
      proposedBy: 'c1',
    });
    assert.deepEqual(
      view.approvals.map((approval) => approval.live),
      [false],
    );
  });

  it('corrects a published incident by a new version, never by a bare transition', async () => {
    const { db } = await open();
    const { incidents, workflow, id } = await openOne(db);
    const steps = [
      ['under_verification', 'a'],
      ['verified', 'a'],
      ['verified', 'b'],
      ['cleared_for_publication', 'b'],
      ['cleared_for_publication', 'a'],
      ['published', 'a'],
    ] as const;
    for (const [to, actor] of steps) {
      const version = (await incidents.get(id)).incident.version;
      await workflow.transition(id, { to, version, reason: 'step' }, actor);
    }
    const published = await incidents.get(id);
    assert.equal(published.incident.state, 'published');
    await rejectsWith(
      workflow.transition(
        id,
        { to: 'corrected', version: published.incident.version, reason: 'x' },
        'a',
      ),
      'invalid_transition',
    );
    const corrected = await incidents.revise(
      id,
      { version: published.incident.version, reason: 'toll 218', content: aContent(218) },
      'a',
    );
    assert.equal(corrected.incident.state, 'corrected');
    assert.deepEqual(corrected.transitions.at(-1)?.to, 'corrected');
  });

  it('reopens an unverified incident on new information', async () => {
    const { db } = await open();
    const { incidents, workflow, id } = await openOne(db);
    await workflow.transition(id, { to: 'under_verification', version: 1, reason: 'check' }, 'a');
    await workflow.transition(id, { to: 'unverified', version: 2, reason: 'one source' }, 'a');
    const [itemId] = await seedItems(db, 1);
    const outcome = await workflow.linkItems(id, [itemId!], {
      reason: 'second witness',
      actor: 'b',
    });
    assert.deepEqual(outcome, { reopened: true });
    const view = await incidents.get(id);
    assert.equal(view.incident.state, 'under_verification');
    assert.equal(view.transitions.at(-1)?.reason, 'second witness');
    assert.equal(view.items.length, 3);
    await rejectsWith(
      workflow.linkItems(id, [itemId!], { reason: 'again', actor: 'b' }),
      'already_exists',
    );
  });

  it('merges a duplicate into another incident and links cases', async () => {
    const { db } = await open();
    const first = await openOne(db);
    const second = await openOne(db, 'received');
    const { workflow, incidents } = first;
    await workflow.transition(
      second.id,
      { to: 'duplicate', version: 1, reason: 'same event' },
      'a',
    );
    await rejectsWith(
      workflow.merge(second.id, { into: second.id, version: 2, reason: 'self' }, 'a'),
      'invalid_request',
    );
    await workflow.merge(second.id, { into: first.id, version: 2, reason: 'same event' }, 'a');
    const merged = await incidents.get(second.id);
    assert.equal(merged.incident.state, 'merged');
    assert.equal(merged.incident.mergedInto, first.id);
    await rejectsWith(
      incidents.revise(second.id, { version: 3, reason: 'x', content: aContent() }, 'a'),
      'invalid_transition',
    );
    const { heldCaseId, tracingRequestId } = await seedCases(db);
    await workflow.linkCase(first.id, { caseKind: 'held_case', caseId: heldCaseId }, 'a');
    await workflow.linkCase(
      first.id,
      { caseKind: 'tracing_request', caseId: tracingRequestId },
      'a',
    );
    await rejectsWith(
      workflow.linkCase(first.id, { caseKind: 'tracing_request', caseId: heldCaseId }, 'a'),
      'invalid_request',
    );
    await rejectsWith(
      workflow.linkCase(first.id, { caseKind: 'held_case', caseId: heldCaseId }, 'a'),
      'already_exists',
    );
    const view = await incidents.get(first.id);
    assert.deepEqual(view.cases.map((c) => c.caseKind).sort(), ['held_case', 'tracing_request']);
    // Two identical links at once: both pass the check, the key lets one through.
    const race = await Promise.allSettled(
      [1, 2].map(() =>
        workflow.linkCase(second.id, { caseKind: 'held_case', caseId: heldCaseId }, 'a'),
      ),
    );
    assert.deepEqual(race.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = race.find((r) => r.status === 'rejected');
    assert.equal((refused?.reason as { code?: string } | undefined)?.code, 'already_exists');
  });

  it('lists by filter, newest first, in keyset pages', async () => {
    const { db } = await open();
    const { incidents } = services(db);
    const itemIds = await seedItems(db, 3);
    const opened = [];
    for (const [index, itemId] of itemIds.entries()) {
      const content = aContent(1, { occurredStart: `2023-09-2${String(index + 4)}T10:00:00.000Z` });
      opened.push(
        await incidents.open({ itemIds: [itemId], state: 'received', content, reason: 'r' }, 'a'),
      );
    }
    const ids = opened.map((view) => view.incident.id).reverse();
    const firstPage = await incidents.list({ limit: 2 });
    assert.deepEqual(
      firstPage.map((i) => i.id),
      ids.slice(0, 2),
    );
    const last = firstPage.at(-1)!;
    const secondPage = await incidents.list({
      limit: 2,
      after: { occurredStart: last.occurredStart, id: last.id },
    });
    assert.deepEqual(
      secondPage.map((i) => i.id),
      ids.slice(2),
    );
    const ranged = await incidents.list({
      limit: 10,
      from: '2023-09-25T00:00:00.000Z',
      to: '2023-09-26T00:00:00.000Z',
      state: 'received',
      subEventType: 'mass_casualty_accident',
    });
    assert.deepEqual(
      ranged.map((i) => i.id),
      [ids[1]],
    );
    assert.deepEqual(await incidents.list({ limit: 10, placeId: randomUUID() }), []);
  });
});
