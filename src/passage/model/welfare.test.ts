import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors/domain-error.ts';
import { WELFARE_CONTACT_STATES } from './states.ts';
import { MAX_WELFARE_CONTACTS, missedContacts, scheduleWelfareContacts } from './welfare.ts';

const from = new Date('2023-10-01T09:00:00Z');
const DAY = 86_400_000;
const isInvalidRequest = (e: unknown): boolean =>
  e instanceof DomainError && e.code === 'invalid_request';

describe('scheduleWelfareContacts', () => {
  it('schedules weekly visits after registration, up to and including the end', () => {
    const until = new Date(from.getTime() + 21 * DAY);
    const due = scheduleWelfareContacts({ from, until, everyDays: 7, mode: 'visit' });
    assert.deepEqual(
      due.map((c) => [c.dueAt.toISOString(), c.mode]),
      [
        ['2023-10-08T09:00:00.000Z', 'visit'],
        ['2023-10-15T09:00:00.000Z', 'visit'],
        ['2023-10-22T09:00:00.000Z', 'visit'],
      ],
    );
  });

  it('schedules twice-daily check-ins from a fractional period', () => {
    const until = new Date(from.getTime() + DAY);
    const due = scheduleWelfareContacts({ from, until, everyDays: 0.5, mode: 'check_in' });
    assert.deepEqual(
      due.map((c) => c.dueAt.toISOString()),
      ['2023-10-01T21:00:00.000Z', '2023-10-02T09:00:00.000Z'],
    );
  });

  it('schedules nothing when protection ends before the first contact', () => {
    const until = new Date(from.getTime() + DAY);
    assert.deepEqual(scheduleWelfareContacts({ from, until, everyDays: 2, mode: 'visit' }), []);
    assert.deepEqual(
      scheduleWelfareContacts({ from, until: new Date(0), everyDays: 2, mode: 'visit' }),
      [],
    );
  });

  it('spaces contacts evenly and keeps them inside the period, for any rhythm', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 30 }),
        (days, every) => {
          const until = new Date(from.getTime() + days * DAY);
          const due = scheduleWelfareContacts({ from, until, everyDays: every, mode: 'visit' });
          assert.equal(due.length, Math.floor(days / every));
          due.forEach((c, i) => {
            assert.equal(c.dueAt.getTime() - from.getTime(), (i + 1) * every * DAY);
          });
        },
      ),
    );
  });

  it('refuses invalid dates, a period that is not positive, and a runaway schedule', () => {
    const until = new Date(from.getTime() + 10 * DAY);
    const bad = [
      { from: new Date(NaN), until, everyDays: 1 },
      { from, until: new Date(NaN), everyDays: 1 },
      { from, until, everyDays: 0 },
      { from, until, everyDays: Number.POSITIVE_INFINITY },
      { from, until: new Date(from.getTime() + (MAX_WELFARE_CONTACTS + 1) * DAY), everyDays: 1 },
    ];
    for (const schedule of bad) {
      assert.throws(
        () => scheduleWelfareContacts({ ...schedule, mode: 'visit' }),
        isInvalidRequest,
      );
    }
    const longest = new Date(from.getTime() + MAX_WELFARE_CONTACTS * DAY);
    const due = scheduleWelfareContacts({ from, until: longest, everyDays: 1, mode: 'visit' });
    assert.equal(due.length, MAX_WELFARE_CONTACTS);
  });
});

describe('missedContacts', () => {
  const now = new Date('2023-10-10T12:00:00Z');
  const hoursAgo = (h: number): Date => new Date(now.getTime() - h * 3_600_000);

  it('reports scheduled contacts past due by more than the grace, and nothing else', () => {
    const contacts = [
      { id: 'late', dueAt: hoursAgo(25), state: 'scheduled' },
      { id: 'at-grace', dueAt: hoursAgo(24), state: 'scheduled' },
      { id: 'done', dueAt: hoursAgo(72), state: 'done' },
      { id: 'marked', dueAt: hoursAgo(72), state: 'missed' },
      { id: 'cancelled', dueAt: hoursAgo(72), state: 'cancelled' },
      { id: 'future', dueAt: hoursAgo(-5), state: 'scheduled' },
    ] as const;
    assert.deepEqual(
      missedContacts(contacts, now, 24).map((c) => c.id),
      ['late'],
    );
  });

  it('never reports a contact that is not still scheduled', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WELFARE_CONTACT_STATES), fc.nat(1000), (state, hours) => {
        const missed = missedContacts([{ dueAt: hoursAgo(hours), state }], now, 0);
        assert.equal(missed.length, state === 'scheduled' && hours > 0 ? 1 : 0);
      }),
    );
  });

  it('refuses a negative or infinite grace', () => {
    assert.throws(() => missedContacts([], now, -1), isInvalidRequest);
    assert.throws(() => missedContacts([], now, Number.NaN), isInvalidRequest);
  });
});
