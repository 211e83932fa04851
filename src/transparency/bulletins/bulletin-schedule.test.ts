import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutoffOn, latestCutoffDate, periodEndingOn, previousPeriod } from './bulletin-schedule.ts';
import { bulletinSettingsFrom } from './bulletin-settings.ts';

const YEREVAN = { time: '19:30', timeZone: 'Asia/Yerevan' };

describe('bulletin schedule', () => {
  it('puts the cut-off at 19:30 local time in the mission’s zone', () => {
    assert.equal(cutoffOn('2023-09-24', YEREVAN).toISOString(), '2023-09-24T15:30:00.000Z');
  });

  it('follows daylight saving time in a zone that has it', () => {
    const berlin = { time: '19:30', timeZone: 'Europe/Berlin' };
    assert.equal(cutoffOn('2023-07-01', berlin).toISOString(), '2023-07-01T17:30:00.000Z');
    assert.equal(cutoffOn('2023-12-01', berlin).toISOString(), '2023-12-01T18:30:00.000Z');
    // The day clocks go back is 25 hours long: the period still ends at 19:30 local each day.
    const period = periodEndingOn('2023-10-29', 1, berlin);
    assert.equal(period.from, '2023-10-28T17:30:00.000Z');
    assert.equal(period.to, '2023-10-29T18:30:00.000Z');
  });

  it('names the latest cut-off at or before now', () => {
    assert.equal(latestCutoffDate(new Date('2023-09-24T15:29:59.999Z'), YEREVAN), '2023-09-23');
    assert.equal(latestCutoffDate(new Date('2023-09-24T15:30:00.000Z'), YEREVAN), '2023-09-24');
    // 23:00 UTC is already the next local day in Yerevan, past its cut-off.
    assert.equal(latestCutoffDate(new Date('2023-09-24T23:00:00.000Z'), YEREVAN), '2023-09-24');
  });

  it('covers 24 hours for a daily report and 7 days for a weekly one, with the period before', () => {
    const week = periodEndingOn('2023-09-30', 7, YEREVAN);
    assert.deepEqual(week, {
      from: '2023-09-23T15:30:00.000Z',
      to: '2023-09-30T15:30:00.000Z',
      localDate: '2023-09-30',
    });
    assert.equal(previousPeriod(week, 7, YEREVAN).to, week.from);
  });

  it('reads its settings from the environment and refuses malformed ones', () => {
    const settings = bulletinSettingsFrom({
      VIGIL_BULLETIN_CUTOFF: '18:00',
      VIGIL_BULLETIN_TIME_ZONE: 'Europe/Kyiv',
      VIGIL_BULLETIN_LANGUAGES: 'uk, en',
    });
    assert.deepEqual(settings, {
      cutoff: { time: '18:00', timeZone: 'Europe/Kyiv' },
      languages: ['uk', 'en'],
    });
    assert.deepEqual(bulletinSettingsFrom({}).cutoff, YEREVAN);
    assert.throws(() => bulletinSettingsFrom({ VIGIL_BULLETIN_CUTOFF: '24:00' }), /HH:MM/);
    assert.throws(() => bulletinSettingsFrom({ VIGIL_BULLETIN_TIME_ZONE: 'Mars/Base' }), /IANA/);
    assert.throws(() => bulletinSettingsFrom({ VIGIL_BULLETIN_LANGUAGES: 'en,<b>' }), /BCP 47/);
  });
});
