// hotline_stats: contacts with the hotline per reporting day, channel and topic — categories
// only, never a caller. The daily report publishes the day's contacts responded and unanswered:
// the column totals and grand total of this dataset's table for that day. Each day is disclosed
// as one table with those totals taken as known to the reader, so whatever the report printed,
// together they give no hidden cell away. Detention contacts take the stricter threshold.
import { sql } from 'kysely';
import { ReportingDays } from '../bulletins/reporting-days.ts';
import { column } from './dataset-definition.ts';
import type { Cell, DatasetDefinition, DatasetSource } from './dataset-definition.ts';
import { carryForwardDays } from './earlier-release.ts';
import { GroupedCounts } from './grouped-counts.ts';

// Responded and unanswered: the report's two figures, and its total.
const PUBLISHED_BY_THE_REPORT = { columnTotals: [true, true], grandTotal: true };

async function* freshRows(source: DatasetSource): AsyncGenerator<readonly Cell[]> {
  const days = new ReportingDays(source.policy.reportingDays);
  const minute = sql<string>`substr(received_at, 1, 16)`;
  const rows = await source.db
    .selectFrom('hotline_contact')
    .select(['channel', 'topic', minute.as('minute')])
    .select((eb) => [
      eb.fn.countAll<number | string>().as('contacts'),
      eb.fn.count<number | string>('responded_at').as('responded'),
    ])
    .where('received_at', '<', days.completeBefore(source.now))
    .groupBy([minute, 'channel', 'topic'])
    .execute();
  const counts = new GroupedCounts(2);
  for (const row of rows) {
    const responded = Number(row.responded);
    counts.add(days.dayOf(`${row.minute}:00.000Z`), `${row.channel}~${row.topic}`, [
      responded,
      Number(row.contacts) - responded,
    ]);
  }
  const categoryOf = (key: string) => (key.endsWith('~detention') ? 'detention' : undefined);
  const grid = (keys: readonly string[]) => ({
    rowCategories: keys.map(categoryOf),
    publishedElsewhere: PUBLISHED_BY_THE_REPORT,
  });
  for (const row of counts.disclosed(grid)) {
    const [channel = '', topic = ''] = row.key.split('~');
    yield [row.day, channel, topic, ...row.cells];
  }
}

/** The hotline_stats dataset. */
export const HOTLINE_STATS_DATASET: DatasetDefinition = {
  name: 'hotline_stats',
  title: 'Hotline contacts per reporting day, channel and topic',
  columns: [
    column('date', '#date', 'Reporting day: the 24 hours to the cut-off on this local date'),
    column('channel', '#meta+channel', 'phone, messaging, radio, email, in_person, other'),
    column('topic', '#sector+topic', 'What the contact was about (a category)'),
    column('responded', '#indicator+num+responded', 'Contacts received and responded to'),
    column('unanswered', '#indicator+num+unanswered', 'Contacts received, not yet responded to'),
  ],
  dayColumn: 0,
  methodologyVersion: '3',
  rules: [
    "Reporting days (the daily report's: the 24 hours that end at the information cut-off, named by its local date), complete before the release.",
    'Counts of 1–4 are published as "<5"; for the detention topic, 1–9 as "<10".',
    'Each day is one table, with secondary suppression ("x"). The day\'s totals of responded and unanswered contacts, which the daily report publishes, are taken as known to the reader: no hidden cell can be worked out with them.',
    'A day, once released, is released again exactly as first published: records that arrive later for it are left out, so that no two releases differ on it (a revision is announced in the corrections log).',
  ],
  build(source) {
    return carryForwardDays(freshRows(source), source.earlier('hotline_stats'), 0);
  },
};
