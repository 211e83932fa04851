import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeOnBothDatabases } from './databases.ts';

describeOnBothDatabases('test databases', (open, dialect) => {
  it('opens a migrated database of the named engine', async () => {
    const database = await open();
    assert.equal(database.dialect, dialect);
    const tokens = await database.db.selectFrom('api_token').selectAll().execute();
    assert.deepEqual(tokens, []);
    const { rows } = await sql<{ n: number }>`select count(*) as n from api_token`.execute(
      database.db,
    );
    assert.strictEqual(rows[0]?.n, 0, 'counts come back as numbers on both engines');
  });
});
