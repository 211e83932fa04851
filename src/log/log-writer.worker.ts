// Worker thread of the embedded log store's writes (see log-writer.ts): owns the only writing
// connection to the log file and answers each batch once it is durable, in the order received.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../store/sqlite-database.ts';
import { LogStoreConflictError } from './log-store.port.ts';
import { prepareLogWrites, writeLogBatch } from './log-writer.ts';
import type { LogWriteRequest, LogWriteResult } from './log-writer.ts';

const db = openSqlite(String(workerData));
const sql = prepareLogWrites(db);

parentPort?.on('message', (request: LogWriteRequest) => {
  let result: LogWriteResult;
  try {
    writeLogBatch(db, sql, request.batch);
    result = { id: request.id, ok: true };
  } catch (error) {
    result = {
      id: request.id,
      ok: false,
      conflict: error instanceof LogStoreConflictError,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(result);
});
