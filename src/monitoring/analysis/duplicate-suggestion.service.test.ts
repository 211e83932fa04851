import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import { rejectsWith } from '../../passage/database/passage.fixtures.ts';
import type { Database } from '../../store/schema.ts';
import {
  BRIDGE,
  analysisContext,
  insertIncident,
  insertItem,
  insertPlace,
} from './analysis.fixtures.ts';
import { DuplicateDecisionService } from './duplicate-decision.service.ts';
import { DuplicateSuggestionService } from './duplicate-suggestion.service.ts';
import { KyselyDuplicateRecords } from './duplicate-records.kysely.ts';

function services(db: Kysely<Database>) {
  const logged: unknown[] = [];
  const context = analysisContext(db, logged);
  const suggestions = new DuplicateSuggestionService(context);
  return {
    box: context.box,
    logged,
    suggestions,
    decisions: new DuplicateDecisionService(context, suggestions),
  };
}

const ids = (list: readonly { record: { id: string } }[]) => list.map((s) => s.record.id);

describeOnBothDatabases('duplicate suggestions', (open) => {
  it('suggests a hotline call and an incident of one detention to each other, saying why', async () => {
    const { db } = await open();
    const { box, suggestions } = services(db);
    const incident = await insertIncident(db, box);
    const item = await insertItem(db, box, { place_id: await insertPlace(db) });
    const [forItem] = await suggestions.forSubject({ kind: 'info_item', id: item }, 10);
    assert.equal(forItem?.record.id, incident);
    assert.equal(forItem.record.kind, 'incident');
    assert.equal(forItem.record.status, 'triaged');
    assert.deepEqual(forItem.reasons, [
      'overlapping_time',
      'same_place',
      'same_event_type',
      'similar_text',
    ]);
    assert.equal(forItem.decision, null);
    const [forIncident] = await suggestions.forSubject({ kind: 'incident', id: incident }, 10);
    assert.equal(forIncident?.record.id, item);
    assert.equal(forIncident.score, forItem.score, 'the score is symmetric');
    assert.ok(!JSON.stringify(forItem).includes('detained'), 'no text ever leaves');
  });

  it('compares accounts across scripts after transliteration', async () => {
    const { db } = await open();
    const { box, suggestions } = services(db);
    const incident = await insertIncident(db, box, {
      narrative: 'Задержаны двое мужчин на КПП у моста Хакари',
      sub_event_type: 'arrests',
    });
    await insertItem(db, box, { account: 'zaderzhany dvoe muzhchin na KPP u mosta Hakari' });
    const [suggestion] = await suggestions.forSubject({ kind: 'incident', id: incident }, 10);
    assert.ok(suggestion !== undefined);
    assert.ok(suggestion.reasons.includes('similar_text'), JSON.stringify(suggestion));
    assert.ok(suggestion.reasons.includes('related_event_type'));
  });

  it('finds candidates by gazetteer place and by admin area, ranking the nearer first', async () => {
    const { db } = await open();
    const { box, suggestions } = services(db);
    const bridge = await insertPlace(db);
    const item = await insertItem(db, box, { place_id: bridge });
    // 170 km away, at another place of the same admin area: found in SQL, then scored.
    const farPost = await insertPlace(db, { lat: BRIDGE.lat + 1.5 });
    const areaMate = await insertIncident(db, box, { place_id: farPost, lat: null, lon: null });
    const atPlace = await insertIncident(db, box, { place_id: bridge, lat: null, lon: null });
    // Also far, with no place but its own point outside the area: not even a candidate.
    await insertIncident(db, box, { lat: BRIDGE.lat + 1.5 });
    const found = await suggestions.forSubject({ kind: 'info_item', id: item }, 10);
    assert.deepEqual(ids(found), [atPlace, areaMate]);
    assert.equal(found[0]?.kmApart, 0);
    assert.ok(found[0].reasons.includes('same_place'));
    assert.ok((found[1]?.kmApart ?? 0) > 150);
    assert.ok(!found[1]?.reasons.some((reason) => reason.endsWith('place')));
  });

  it('leaves out what is far in time or place, merged, already linked, or itself', async () => {
    const { db } = await open();
    const { box, suggestions } = services(db);
    const item = await insertItem(db, box, { place_id: await insertPlace(db) });
    const linked = await insertIncident(db, box);
    await db
      .insertInto('incident_item')
      .values({
        incident_id: linked,
        item_id: item,
        linked_at: '2023-09-26T00:00:00.000Z',
        actor: 'a',
      })
      .execute();
    await insertIncident(db, box, { state: 'merged' });
    await insertIncident(db, box, { occurred_start: '2023-10-20T18:30:00.000Z' });
    await insertIncident(db, box, { lat: BRIDGE.lat + 2, lon: BRIDGE.lon + 2 });
    assert.deepEqual(await suggestions.forSubject({ kind: 'info_item', id: item }, 10), []);
    const alone = await suggestions.forSubject({ kind: 'incident', id: linked }, 10);
    assert.ok(!ids(alone).includes(linked));
    assert.ok(!ids(alone).includes(item), 'a linked item is not its own duplicate');
  });

  it('finds candidates of a month-precision incident, and of an item with no stated time', async () => {
    const { db } = await open();
    const { box, suggestions } = services(db);
    const coarse = await insertIncident(db, box, {
      occurred_start: '2023-09-10T00:00:00.000Z',
      time_precision: 3,
    });
    const unstated = await insertItem(db, box, { occurred_at: null });
    const found = await suggestions.forSubject({ kind: 'info_item', id: unstated }, 10);
    assert.ok(ids(found).includes(coarse), JSON.stringify(found));
    const fromIncident = await suggestions.forSubject({ kind: 'incident', id: coarse }, 10);
    assert.ok(ids(fromIncident).includes(unstated));
  });

  it('answers not_found for a record that does not exist', async () => {
    const { db } = await open();
    const { suggestions } = services(db);
    await rejectsWith(
      suggestions.forSubject({ kind: 'incident', id: randomUUID() }, 5),
      'not_found',
    );
    await rejectsWith(
      suggestions.forSubject({ kind: 'info_item', id: randomUUID() }, 5),
      'not_found',
    );
  });

  it('logs a text that does not open, without its content, and scores it as empty', async () => {
    const { db } = await open();
    const { box, suggestions, logged } = services(db);
    const incident = await insertIncident(db, box);
    await insertItem(db, box, { place_id: await insertPlace(db) });
    await db.updateTable('info_item').set({ account_sealed: 'not-a-sealed-value' }).execute();
    const [suggestion] = await suggestions.forSubject({ kind: 'incident', id: incident }, 10);
    assert.equal(suggestion?.signals.text, 0);
    assert.equal(logged.length, 1);
  });

  it('queues the best undecided pairs once each, and drops a pair once decided', async () => {
    const { db } = await open();
    const { box, suggestions, decisions } = services(db);
    const incident = await insertIncident(db, box, { state: 'received' });
    const twin = await insertIncident(db, box);
    const item = await insertItem(db, box, { place_id: await insertPlace(db) });
    await insertIncident(db, box, { state: 'verified', lat: BRIDGE.lat + 3 });
    const queue = await suggestions.queue(10);
    const keys = queue.map((entry) =>
      entry.pair
        .map((side) => side.id)
        .sort()
        .join('+'),
    );
    assert.deepEqual(
      keys.sort(),
      [
        [incident, twin].sort().join('+'),
        [incident, item].sort().join('+'),
        [twin, item].sort().join('+'),
      ].sort(),
    );
    assert.ok(queue.every((entry, i) => i === 0 || entry.score <= queue[i - 1]!.score));
    assert.equal(queue.length, new Set(keys).size);
    await decisions.decide(
      {
        pair: [
          { kind: 'info_item', id: item },
          { kind: 'incident', id: twin },
        ],
        decision: 'dismissed',
        reason: 'a different pair of men, hours later',
        version: 0,
      },
      'analyst-1',
    );
    assert.equal((await suggestions.queue(10)).length, 2);
    assert.equal((await suggestions.queue(1)).length, 1);
  });

  it('reads the candidates nearest in time on both sides when there are more than asked', async () => {
    const { db } = await open();
    const { box } = services(db);
    const hours = [-40, -20, -2, 3, 25, 45];
    const byHour = new Map<number, string>();
    for (const hour of hours) {
      const at = new Date(Date.UTC(2023, 8, 25, 18, 30) + hour * 3_600_000).toISOString();
      byHour.set(hour, await insertIncident(db, box, { occurred_start: at }));
    }
    const subject = await insertItem(db, box, { occurred_at: '2023-09-25T18:30:00.000Z' });
    const records = new KyselyDuplicateRecords(db);
    const record = await records.get({ kind: 'info_item', id: subject });
    assert.ok(record !== undefined);
    const nearest = await records.incidentsNear(record, 4);
    assert.deepEqual(
      nearest.map((candidate) => candidate.subject.id),
      [-20, -2, 3, 25].map((hour) => byHour.get(hour)),
    );
    assert.equal((await records.incidentsNear(record, 100)).length, hours.length);
  });
});
