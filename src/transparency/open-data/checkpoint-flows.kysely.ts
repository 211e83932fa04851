// People and vehicles through each checkpoint and direction per reporting day (the daily
// report's 24 h to the cut-off), counted as the daily report counts them: device-logged
// passages and interval counts add up. Read per minute with SQL, then placed on reporting days
// (cut-offs fall on whole minutes), so the time zone stays in one place (ReportingDays).
import { sql } from 'kysely';
import { ReportingDays } from '../bulletins/reporting-days.ts';
import type { DatasetSource } from './dataset-definition.ts';

/** One reporting day: [people, vehicles] by "checkpoint id|direction". */
export type DayFlows = Map<string, [number, number]>;

/** The flows of every complete reporting day before `source.now`, by day. */
export async function flowsByReportingDay(source: DatasetSource): Promise<Map<string, DayFlows>> {
  const days = new ReportingDays(source.policy.reportingDays);
  const before = days.completeBefore(source.now);
  const minute = sql<string>`substr(recorded_at, 1, 16)`;
  const passages = await source.db
    .selectFrom('checkpoint_passage')
    .select(['checkpoint_id', 'direction', minute.as('minute')])
    .select((eb) => [
      eb.fn.sum<number | string>('occupants').as('people'),
      eb.fn.countAll<number | string>().as('vehicles'),
    ])
    .where('recorded_at', '<', before)
    .groupBy(['checkpoint_id', 'direction', minute])
    .execute();
  const intervalMinute = sql<string>`substr(interval_start, 1, 16)`;
  const counted = await source.db
    .selectFrom('aggregate_count')
    .select(['checkpoint_id', 'direction', intervalMinute.as('minute')])
    .select((eb) => [
      eb.fn.sum<number | string>('people').as('people'),
      eb.fn.sum<number | string>('vehicles').as('vehicles'),
    ])
    .where('interval_start', '<', before)
    .groupBy(['checkpoint_id', 'direction', intervalMinute])
    .execute();
  const byDay = new Map<string, DayFlows>();
  for (const row of [...passages, ...counted]) {
    const day = days.dayOf(`${row.minute}:00.000Z`);
    const flows = byDay.get(day) ?? new Map<string, [number, number]>();
    const key = `${row.checkpoint_id}|${row.direction}`;
    const [people, vehicles] = flows.get(key) ?? [0, 0];
    // PostgreSQL returns sums of integers as text (bigint).
    flows.set(key, [people + Number(row.people), vehicles + Number(row.vehicles)]);
    byDay.set(day, flows);
  }
  return byDay;
}
