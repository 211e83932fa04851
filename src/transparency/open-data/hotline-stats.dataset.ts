// hotline_stats: contacts with the hotline per day, channel and topic — categories only, never a
// caller. Detention contacts take the stricter threshold; each day is one disclosed table.
import { sql } from 'kysely';
import { column } from './dataset-definition.ts';
import type { Cell, DatasetDefinition, DatasetSource } from './dataset-definition.ts';
import { carryForwardDays } from './earlier-release.ts';
import { GroupedCounts } from './grouped-counts.ts';

async function* freshRows(source: DatasetSource): AsyncGenerator<readonly Cell[]> {
  const today = source.now.toISOString().slice(0, 10);
  const day = sql<string>`substr(received_at, 1, 10)`;
  const rows = await source.db
    .selectFrom('hotline_contact')
    .select(['channel', 'topic', day.as('day')])
    .select((eb) => [
      eb.fn.countAll<number | string>().as('contacts'),
      eb.fn.count<number | string>('responded_at').as('responded'),
    ])
    .where('received_at', '<', today)
    .groupBy([day, 'channel', 'topic'])
    .execute();
  const counts = new GroupedCounts(2);
  for (const row of rows) {
    counts.add(row.day, `${row.channel}~${row.topic}`, [
      Number(row.contacts),
      Number(row.responded),
    ]);
  }
  const categoryOf = (key: string) => (key.endsWith('~detention') ? 'detention' : undefined);
  for (const row of counts.disclosed((keys) => ({ rowCategories: keys.map(categoryOf) }))) {
    const [channel = '', topic = ''] = row.key.split('~');
    yield [row.day, channel, topic, ...row.cells];
  }
}

/** The hotline_stats dataset. */
export const HOTLINE_STATS_DATASET: DatasetDefinition = {
  name: 'hotline_stats',
  title: 'Hotline contacts per day, channel and topic',
  columns: [
    column('date', '#date', 'Day the contact was received (YYYY-MM-DD, UTC)'),
    column('channel', '#meta+channel', 'phone, messaging, radio, email, in_person, other'),
    column('topic', '#sector+topic', 'What the contact was about (a category)'),
    column('contacts', '#indicator+num+contacts', 'Contacts received'),
    column('responded', '#indicator+num+responded', 'Of those, contacts responded to'),
  ],
  dayColumn: 0,
  methodologyVersion: '2',
  rules: [
    'Complete UTC days before the release only.',
    'Counts of 1–4 are published as "<5"; for the detention topic, 1–9 as "<10".',
    'Each day is one table, with secondary suppression ("x").',
    'A day, once released, is released again exactly as first published: records that arrive later for it are left out, so that no two releases differ on it (a revision is announced in the corrections log).',
  ],
  build(source) {
    return carryForwardDays(freshRows(source), source.earlier('hotline_stats'), 0);
  },
};
