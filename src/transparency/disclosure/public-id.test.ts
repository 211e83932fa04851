import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { refusal } from './disclosure.fixtures.ts';
import { publicIdFor } from './public-id.ts';

const SALT_1 = new Uint8Array(32).fill(1);
const SALT_2 = new Uint8Array(32).fill(2);

describe('publicIdFor', () => {
  it('is HMAC-SHA-256 of the tagged internal id under the release salt, cut to 128 bits', () => {
    const expected = createHmac('sha256', SALT_1)
      .update('vigil/public-id/v1\u0000incident-42')
      .digest('hex')
      .slice(0, 32);
    assert.equal(publicIdFor('incident-42', SALT_1), expected);
    assert.match(expected, /^[0-9a-f]{32}$/);
  });

  it('is stable within a release and unrelated across releases and records', () => {
    assert.equal(publicIdFor('incident-42', SALT_1), publicIdFor('incident-42', SALT_1));
    assert.notEqual(publicIdFor('incident-42', SALT_1), publicIdFor('incident-42', SALT_2));
    assert.notEqual(publicIdFor('incident-42', SALT_1), publicIdFor('incident-43', SALT_1));
  });

  it('refuses a salt shorter than 32 bytes', () => {
    assert.throws(() => publicIdFor('incident-42', new Uint8Array(31)), refusal('bad_salt'));
  });
});
