// The device finds a household on the roster exactly as the server tagged it: the browser's
// WebCrypto HMAC equals the server's node:crypto one, for any key and code, and a code typed
// loosely (lower case, spaces, O for 0) still finds its household.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { formatReferenceCode } from '../../../../src/passage/model/reference-code.ts';
import {
  TAG_BYTES,
  rosterTag,
} from '../../../../src/passage/registry/roster/checkpoint-roster.service.ts';
import { CHECKPOINT_PLACE_KINDS } from '../device/lists.ts';
import { CHECKPOINT_KINDS } from '../../../../src/passage/field/journeys/journey-event.plan.ts';
import { findOnRoster, rosterTagOf } from './roster.ts';
import type { Roster } from './roster.ts';

describe('the checkpoint roster on the device', () => {
  it('tags a code as the server does, for any key and code', async () => {
    for (let round = 0; round < 50; round++) {
      const key = new Uint8Array(randomBytes(32));
      const code = formatReferenceCode(new Uint8Array(randomBytes(8)));
      const roster = { key: Buffer.from(key).toString('base64'), tagBytes: TAG_BYTES };
      assert.equal(await rosterTagOf(roster, code), rosterTag(key, code), code);
    }
  });

  it('finds a household by its code however typed, and says when a code is wrong or unknown', async () => {
    const key = new Uint8Array(randomBytes(32));
    const code = formatReferenceCode(new Uint8Array(8).fill(0));
    const household = {
      tag: rosterTag(key, code),
      journeys: [{ journeyId: 'j1', state: 'listed', sex: 'female', ageBand: '18-45' }],
    };
    const other = { tag: 'ffffffffff', journeys: [] };
    const roster: Roster = {
      key: Buffer.from(key).toString('base64'),
      tagBytes: TAG_BYTES,
      generatedAt: '2023-09-26T08:00:00.000Z',
      households: [other, household],
    };
    const typed = code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    assert.deepEqual(await findOnRoster(roster, typed), { kind: 'found', households: [household] });
    assert.deepEqual(await findOnRoster(roster, `${code.slice(0, -1)}X`), { kind: 'invalid_code' });
    const unknown = formatReferenceCode(new Uint8Array(8).fill(1));
    assert.deepEqual(await findOnRoster(roster, unknown), { kind: 'not_on_roster' });
  });

  it('answers every household sharing a tag', async () => {
    const key = new Uint8Array(32);
    const code = formatReferenceCode(new Uint8Array(8).fill(3));
    const tag = rosterTag(key, code);
    const roster: Roster = {
      key: Buffer.from(key).toString('base64'),
      tagBytes: TAG_BYTES,
      generatedAt: '2023-09-26T08:00:00.000Z',
      households: [
        { tag, journeys: [] },
        { tag, journeys: [] },
      ],
    };
    const match = await findOnRoster(roster, code);
    assert.equal(match.kind === 'found' ? match.households.length : 0, 2);
  });

  it('lists the kinds of place the server takes a checkpoint passage at', () => {
    assert.deepEqual([...CHECKPOINT_PLACE_KINDS], [...CHECKPOINT_KINDS]);
  });
});
