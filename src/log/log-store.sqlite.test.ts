import { join } from 'node:path';
import { tempDir } from '../../test/support/temp-dir.ts';
import { describeLogStoreContract } from './log-store.contract.ts';
import { SqliteLogStore } from './log-store.sqlite.ts';

const dir = tempDir();
let n = 0;
describeLogStoreContract('SQLite', () =>
  Promise.resolve(new SqliteLogStore(join(dir, `log-${n++}.sqlite`))),
);
