import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeOnBothDatabases, postgresTestDatabases } from '../../test/support/databases.ts';
import { tempDir } from '../../test/support/temp-dir.ts';
import { generateSignerKey, parseSignerKey } from '../ledger/note-keys.ts';
import { openLog } from '../log/open-log.ts';
import { openLogStore } from '../log/open-log-store.ts';
import { insertSeals } from '../seal/seal.kysely.ts';
import { Sealer } from '../seal/sealer.ts';
import { VerificationError } from '../verifier/verification-error.ts';
import { checkSealedRecords } from './restore-audit.ts';

const databases = postgresTestDatabases();

describeOnBothDatabases('checkSealedRecords', (open, dialect) => {
  it('pages through every row and refuses one whose entry is not at its index', async () => {
    const database = await open();
    const url = dialect === 'postgres' ? await databases.newDatabase() : undefined;
    const store = databases.closeAtEnd(await openLogStore({ dataDir: tempDir(), url }));
    const signer = parseSignerKey(generateSignerKey('test.example/log').signerKey);
    const { sequencer } = await openLog({ store, signer });
    try {
      const sealer = new Sealer({ append: (entry) => sequencer.append(entry) });
      const seals = await Promise.all(
        Array.from({ length: 7 }, (_, i) =>
          sealer.seal({
            kind: 'test.record',
            id: randomUUID(),
            version: 1,
            record: { i },
            visibility: i % 2 === 0 ? 'sealed' : 'public',
          }),
        ),
      );
      await insertSeals(database.db, seals);
      const { size } = sequencer.checkpoint;
      // Three rows a page: the keyset continuation runs on this engine too.
      assert.equal(await checkSealedRecords(database.db, store, size, 3), 7);
      const [victim, other] = [seals[4], seals[5]];
      assert.ok(victim !== undefined && other !== undefined);
      await database.db
        .updateTable('sealed_record')
        .set({ log_index: other.logIndex })
        .where('id', '=', victim.id)
        .execute();
      await assert.rejects(
        checkSealedRecords(database.db, store, size, 3),
        (error: unknown) => error instanceof VerificationError && error.message.includes(victim.id),
      );
    } finally {
      await sequencer.close();
    }
  });
});
