// A large release (200,000 rows) streamed out complete and in order, in pages, with the hash
// the log entry holds — on both engines. bench/open-data-export.ts measures 1M–10M rows.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import type { Kysely, KyselyPlugin } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { describeOnBothDatabases } from '../../../test/support/databases.ts';
import type { Cell } from './dataset-definition.ts';
import { RELEASE_AT } from './open-data.fixtures.ts';
import { ROW_PAGE } from './open-data.kysely.ts';
import { openTestOpenData } from './open-data.test-support.ts';

const ROWS = 200_000;

/** Row `i` of the generated release: every value derived from i, so each line can be checked. */
function generatedRow(i: number): Cell[] {
  const day = new Date(Date.UTC(2023, 8, 24) + (i % 30) * 86_400_000).toISOString().slice(0, 10);
  return [
    day,
    `Checkpoint ${String(i)}`,
    `cp-${String(i)}`,
    'AM-SU',
    39.5,
    46.3,
    'out',
    i * 10,
    i % 7 === 0 ? '<5' : 20,
  ];
}

// A plain generator: publishRows takes any (async) iterable of rows.
function* generated(): Generator<Cell[]> {
  for (let i = 0; i < ROWS; i++) yield generatedRow(i);
}

function expectedLine(i: number): string {
  return `${generatedRow(i).map(String).join(',')}\r\n`;
}

/**
 * A consumer that stops after the head and one page (an HTTP client that went away, or one
 * not reading yet) has caused at most two page reads: rows are pulled, never pushed.
 */
async function assertReadsLazily(db: Kysely<Database>): Promise<void> {
  let pageReads = 0;
  const counting: KyselyPlugin = {
    transformQuery(args) {
      const node = args.node as {
        kind: string;
        from?: { froms: { table?: { identifier?: { name?: string } } }[] };
      };
      const table = node.from?.froms[0]?.table?.identifier?.name;
      if (node.kind === 'SelectQueryNode' && table === 'open_data_row') pageReads++;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  const lazy = openTestOpenData(db.withPlugin(counting));
  const { chunks } = await lazy.service.exportRelease('checkpoint_daily', 1, 'csv');
  const iterator = chunks[Symbol.asyncIterator]();
  await iterator.next();
  await iterator.next();
  await iterator.return?.();
  assert.ok(pageReads >= 1 && pageReads <= 2, `page reads: ${String(pageReads)}`);
}

describeOnBothDatabases('a large open data release', (open) => {
  it('streams 200,000 rows complete, in order, page by page, matching the logged hash', async () => {
    const { db } = await open();
    const test = openTestOpenData(db);
    const release = await test.service.publishRows('checkpoint_daily', {
      rows: generated(),
      actor: 'staff-coordinator-1',
      at: RELEASE_AT,
    });
    assert.equal(release.rowCount, ROWS);
    const { chunks } = await test.service.exportRelease('checkpoint_daily', 1, 'csv');
    const hash = createHash('sha256');
    let pending = '';
    let lineNumber = -2;
    let chunkCount = 0;
    let largestChunk = 0;
    for await (const chunk of chunks) {
      hash.update(chunk);
      chunkCount++;
      largestChunk = Math.max(largestChunk, chunk.length);
      pending += chunk;
      const lines = pending.split('\r\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (lineNumber >= 0) assert.equal(`${line}\r\n`, expectedLine(lineNumber));
        lineNumber++;
      }
    }
    assert.equal(pending, '');
    assert.equal(lineNumber, ROWS, 'every row, once');
    assert.equal(hash.digest('hex'), release.sha256.csv);
    assert.equal(test.logEntry(release.logIndex).body['rowCount'], ROWS);
    // The head, one chunk per page, no tail: never the whole file in one piece.
    assert.equal(chunkCount, 1 + ROWS / ROW_PAGE);
    assert.ok(largestChunk < 200_000, `a page is small: ${String(largestChunk)}`);
    await assertReadsLazily(db);
  });
});
