import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodEndingOn } from './bulletin-schedule.ts';
import { ReportingDays } from './reporting-days.ts';

const YEREVAN = { time: '19:30', timeZone: 'Asia/Yerevan' };

describe('reporting days', () => {
  it('names an instant by the cut-off that ends its day, as the daily report does', () => {
    const days = new ReportingDays(YEREVAN);
    const period = periodEndingOn('2023-09-24', 1, YEREVAN);
    assert.equal(days.dayOf(period.from), '2023-09-24', 'the cut-off itself opens the next day');
    assert.equal(days.dayOf('2023-09-24T15:29:59.999Z'), '2023-09-24');
    assert.equal(days.dayOf(period.to), '2023-09-25');
    assert.equal(days.dayOf(new Date('2023-09-24T23:00:00.000Z')), '2023-09-25');
    assert.equal(days.cutoffOf('2023-09-24'), Date.parse(period.to));
  });

  it('follows a zone behind UTC and a change of daylight saving time', () => {
    const days = new ReportingDays({ time: '00:30', timeZone: 'America/New_York' });
    // 00:30 on 5 November 2023 is EDT (04:30Z); 00:30 on the 6th is EST (05:30Z).
    assert.equal(days.dayOf('2023-11-05T04:29:00.000Z'), '2023-11-05');
    assert.equal(days.dayOf('2023-11-05T04:30:00.000Z'), '2023-11-06');
    assert.equal(days.dayOf('2023-11-06T05:29:00.000Z'), '2023-11-06');
    assert.equal(days.dayOf('2023-11-06T05:30:00.000Z'), '2023-11-07');
  });

  it('tells up to when every day is complete', () => {
    const days = new ReportingDays(YEREVAN);
    assert.equal(
      days.completeBefore(new Date('2023-09-24T16:00:00.000Z')),
      '2023-09-24T15:30:00.000Z',
    );
    assert.equal(
      days.completeBefore(new Date('2023-09-24T15:00:00.000Z')),
      '2023-09-23T15:30:00.000Z',
    );
  });
});
