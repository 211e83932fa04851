import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../../test/support/databases.ts';

// Migration 0007: the journey's indexes on nullable references are partial (non-null only),
// and a look-up by one of those references still uses its index.
const INDEXES = {
  journey_operation: 'operation_id',
  journey_vehicle: 'vehicle_id',
  journey_household: 'household_id',
  journey_person: 'person_ref',
} as const;

describeOnBothDatabases('journey reference indexes', (open, dialect) => {
  it('index only journeys that have the reference, and serve look-ups by it', async () => {
    const { db } = await open();
    for (const [index, column] of Object.entries(INDEXES)) {
      const lookup = `select id from journey where ${column} = 'x'`;
      const { definition, plan } =
        dialect === 'sqlite'
          ? {
              definition: (
                await sql<{
                  sql: string;
                }>`select sql from sqlite_master where name = ${index}`.execute(db)
              ).rows[0]?.sql,
              plan: (
                await sql.raw<{ detail: string }>(`explain query plan ${lookup}`).execute(db)
              ).rows
                .map((row) => row.detail)
                .join('\n'),
            }
          : await db.transaction().execute(async (trx) => {
              // An empty table is read whole anyway; forbid that to see which index serves.
              await sql`set local enable_seqscan = off`.execute(trx);
              const found = await sql<{
                indexdef: string;
              }>`select indexdef from pg_indexes where indexname = ${index}`.execute(trx);
              const explained = await sql
                .raw<{ 'QUERY PLAN': string }>(`explain ${lookup}`)
                .execute(trx);
              return {
                definition: found.rows[0]?.indexdef,
                plan: explained.rows.map((row) => row['QUERY PLAN']).join('\n'),
              };
            });
      assert.match(definition ?? '', new RegExp(`where.*${column}.* is not null`, 'i'), index);
      assert.match(plan, new RegExp(`\\b${index}\\b`), `${index} unused: ${plan}`);
    }
  });
});
