import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { rejectsWith } from '../../passage/database/passage.fixtures.ts';
import type { Database } from '../../store/schema.ts';
import type { DuplicateSubject } from '../model/duplicate-pair.ts';
import { analysisContext, insertIncident, insertItem, insertPlace } from './analysis.fixtures.ts';
import { KyselyDuplicateDecisions } from './duplicate-decision.kysely.ts';
import { DuplicateDecisionService } from './duplicate-decision.service.ts';
import type { DecideDuplicate } from './duplicate-decision.service.ts';
import { DuplicateSuggestionService } from './duplicate-suggestion.service.ts';

async function setUp(db: Kysely<Database>) {
  const context = analysisContext(db);
  const suggestions = new DuplicateSuggestionService(context);
  const decisions = new DuplicateDecisionService(context, suggestions);
  const incident: DuplicateSubject = {
    kind: 'incident',
    id: await insertIncident(db, context.box),
  };
  const item: DuplicateSubject = {
    kind: 'info_item',
    id: await insertItem(db, context.box, { place_id: await insertPlace(db) }),
  };
  return { suggestions, decisions, incident, item, box: context.box };
}

async function writes(db: Kysely<Database>): Promise<number> {
  const [seals, versions] = await Promise.all([
    db.selectFrom('sealed_record').select('id').execute(),
    db.selectFrom('duplicate_decision_version').select('version').execute(),
  ]);
  return seals.length * 1000 + versions.length;
}

describeOnBothDatabases('duplicate decisions', (open) => {
  it('records a dismissal with who, when and why, sealed; the pair is never suggested again', async () => {
    const { db } = await open();
    const { suggestions, decisions, incident, item } = await setUp(db);
    assert.equal((await suggestions.forSubject(item, 5)).length, 1);
    const input: DecideDuplicate = {
      pair: [item, incident],
      decision: 'dismissed',
      reason: 'same checkpoint, but a different evening',
      version: 0,
    };
    const view = await decisions.decide(input, 'analyst-7');
    assert.deepEqual(view.decision.pair, [incident, item], 'stored in canonical order');
    assert.equal(view.decision.decision, 'dismissed');
    assert.equal(view.decision.actor, 'analyst-7');
    assert.equal(view.decision.decidedAt, '2023-09-27T10:00:00.000Z');
    assert.ok(view.decision.score >= 0.5);
    assert.deepEqual(
      view.history.map((entry) => [entry.version, entry.decision, entry.reason, entry.actor]),
      [[1, 'dismissed', input.reason, 'analyst-7']],
    );
    const seal = await db
      .selectFrom('sealed_record')
      .selectAll()
      .where('id', '=', view.decision.id)
      .executeTakeFirstOrThrow();
    assert.equal(seal.kind, 'duplicate.decision');
    assert.equal(seal.visibility, 'sealed');
    assert.deepEqual(await suggestions.forSubject(item, 5), []);
    assert.deepEqual(await suggestions.forSubject(incident, 5), []);
    assert.deepEqual(await suggestions.queue(5), []);
    assert.deepEqual(await decisions.get(view.decision.id), view);
  });

  it('confirms a pair without merging anything, and keeps showing it until merged', async () => {
    const { db } = await open();
    const { suggestions, decisions, incident, item, box } = await setUp(db);
    const other = await insertIncident(db, box);
    const view = await decisions.decide(
      {
        pair: [{ kind: 'incident', id: other }, incident],
        decision: 'confirmed',
        reason: 'one detention, reported twice',
        version: 0,
      },
      'analyst-1',
    );
    const states = await db.selectFrom('incident').select(['state', 'merged_into']).execute();
    assert.ok(states.every((row) => row.state === 'triaged' && row.merged_into === null));
    const shown = await suggestions.forSubject(incident, 5);
    const confirmed = shown.find((suggestion) => suggestion.record.id === other);
    assert.equal(confirmed?.decision?.decision, 'confirmed');
    assert.equal(confirmed.decision.id, view.decision.id);
    assert.ok(shown.some((suggestion) => suggestion.record.id === item.id));
  });

  it('changes a decision only at the version read, keeping every version', async () => {
    const { db } = await open();
    const { decisions, incident, item } = await setUp(db);
    const first = await decisions.decide(
      { pair: [incident, item], decision: 'confirmed', reason: 'looks the same', version: 0 },
      'analyst-1',
    );
    const before = await writes(db);
    await rejectsWith(
      decisions.decide(
        { pair: [incident, item], decision: 'dismissed', reason: 'stale', version: 0 },
        'analyst-2',
      ),
      'conflict',
    );
    assert.equal(await writes(db), before, 'a rejected decision writes nothing, not even a seal');
    const second = await decisions.decide(
      { pair: [item, incident], decision: 'dismissed', reason: 'other men', version: 1 },
      'analyst-2',
    );
    assert.equal(second.decision.id, first.decision.id);
    assert.equal(second.decision.version, 2);
    assert.deepEqual(
      second.history.map((entry) => [entry.decision, entry.actor]),
      [
        ['confirmed', 'analyst-1'],
        ['dismissed', 'analyst-2'],
      ],
    );
  });

  it('refuses a record paired with itself, two items, and records that do not exist', async () => {
    const { db } = await open();
    const { decisions, incident, item } = await setUp(db);
    const decide = (pair: DecideDuplicate['pair']) =>
      decisions.decide({ pair, decision: 'dismissed', reason: 'no', version: 0 }, 'a');
    await rejectsWith(decide([incident, incident]), 'invalid_request');
    await rejectsWith(decide([item, { kind: 'info_item', id: randomUUID() }]), 'invalid_request');
    await rejectsWith(decide([item, { kind: 'incident', id: randomUUID() }]), 'not_found');
    await rejectsWith(decisions.get(randomUUID()), 'not_found');
    assert.equal(await writes(db), 0);
  });

  it('answers conflict when two analysts decide a new pair at once', async () => {
    const { db } = await open();
    const { incident, item } = await setUp(db);
    const decision = {
      id: randomUUID(),
      pair: [incident, item] as const,
      decision: 'dismissed' as const,
      score: 0.8,
      decidedAt: '2023-09-27T10:00:00.000Z',
      actor: 'a',
      version: 1,
    };
    const repository = new KyselyDuplicateDecisions(db);
    await repository.record(decision, 'first');
    await rejectsWith(repository.record({ ...decision, id: randomUUID() }, 'second'), 'conflict');
    await rejectsWith(repository.record({ ...decision, version: 3 }, 'skips one'), 'conflict');
    await rejectsWith(
      repository.record({ ...decision, id: randomUUID(), version: 2 }, 'no such'),
      'not_found',
    );
    assert.equal((await repository.history(decision.id)).length, 1);
  });
});
