import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicItemSchema } from '../../src/monitoring/intake/items/item-input.ts';
import { PROXIMITIES } from '../../src/monitoring/model/vocabulary.ts';
import { translator } from './i18n/catalogues.ts';
import { PROXIMITY_CHOICES, reportBody, reportErrors } from './report.ts';
import type { ReportDraft } from './report.ts';

const draft: ReportDraft = {
  account: 'Shots heard near the bridge.\nTwo cars turned back.',
  occurredAt: '',
  placeId: '',
  proximity: '',
  anonymous: true,
  contact: '',
};
const NOW = new Date('2023-09-26T12:00:00Z');

describe('the report step', () => {
  it('offers the proximities the server takes', () => {
    assert.deepEqual([...PROXIMITY_CHOICES].sort(), [...PROXIMITIES].sort());
  });

  it('asks for an account, a past time if any, and a contact when not anonymous', () => {
    assert.deepEqual(reportErrors(draft, NOW), {});
    const errors = reportErrors(
      { ...draft, account: '  \n ', occurredAt: '2023-09-27T10:00', anonymous: false },
      NOW,
    );
    assert.deepEqual(Object.keys(errors), ['report-account', 'report-when', 'report-contact']);
    assert.equal(errors['report-when']?.key, 'whenInvalid');
  });

  it('sends an anonymous report as written, which the server schema accepts', () => {
    const body = reportBody(
      { ...draft, contact: 'ignored while anonymous', proximity: 'hearsay' },
      translator('ru'),
      'ru',
    );
    assert.deepEqual(publicItemSchema.parse(body), {
      account: draft.account,
      language: 'ru',
      proximity: 'hearsay',
      access: { privateInterview: null, escorted: null, placeDenied: null },
    });
  });

  it('adds the contact as a last line in the page language, and the time as an instant', () => {
    const body = reportBody(
      {
        ...draft,
        anonymous: false,
        contact: ' Ani, +374 91 000 000 ',
        occurredAt: '2023-09-25T22:30',
        placeId: '0190a0b0-0000-7000-8000-000000000001',
      },
      translator('hy'),
      'hy',
    );
    const parsed = publicItemSchema.parse(body);
    assert.equal(parsed.account, `${draft.account}\n\nԿապ՝ Ani, +374 91 000 000`);
    assert.equal(parsed.occurredAt, new Date('2023-09-25T22:30').toISOString());
    assert.equal(parsed.placeId, '0190a0b0-0000-7000-8000-000000000001');
  });
});
