// A Vigil data directory read as a tlog-tiles source: the same paths and bytes that the
// server's /log/ routes answer, read straight from the log store. The mirror then treats a
// data directory exactly like a URL, through one LogSource code path.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { utf8 } from '../ledger/bytes.ts';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { parseTilePath } from '../ledger/tiles.ts';
import type { ParsedTilePath } from '../ledger/tiles.ts';
import { LogReader } from '../log/log-reader.ts';
import { LOG_FILE, openLogStore } from '../log/open-log-store.ts';
import type { LogStore } from '../log/log-store.port.ts';
import { isPostgresUrl } from '../store/open-database.ts';
import type { DatabaseLocation } from '../store/open-database.ts';
import type { LogSource } from '../verifier/log-source.ts';
import { MirrorError } from './mirror-error.ts';

function parseOrUndefined(path: string): ParsedTilePath | undefined {
  try {
    return parseTilePath(path);
  } catch (error) {
    // An unknown path is a 404 on the server too.
    if (isLedgerError(error)) return undefined;
    throw error;
  }
}

/** The log of a data directory (SQLite, or PostgreSQL when `url` names one), read-only. */
export class StoreLogSource implements LogSource {
  readonly description: string;
  readonly #store: LogStore;
  readonly #reader: LogReader;

  private constructor(store: LogStore, description: string) {
    this.#store = store;
    this.#reader = new LogReader(store);
    this.description = description;
  }

  /**
   * Opens the log store of `location` without creating one: an absent log is NO_LOG.
   *
   * @example
   * const source = await StoreLogSource.open({ dataDir: 'data', url: process.env['VIGIL_DATABASE_URL'] });
   */
  static async open(location: DatabaseLocation): Promise<StoreLogSource> {
    const isPostgres = isPostgresUrl(location.url);
    if (!isPostgres && !existsSync(join(location.dataDir, LOG_FILE))) {
      throw new MirrorError('NO_LOG', `no log in ${location.dataDir}`);
    }
    const store = await openLogStore(location);
    return new StoreLogSource(store, isPostgres ? 'the PostgreSQL log' : location.dataDir);
  }

  async get(path: string): Promise<Uint8Array | undefined> {
    if (path === 'checkpoint') {
      const latest = await this.#store.latestCheckpoint();
      return latest === undefined ? undefined : utf8(latest.note);
    }
    const parsed = parseOrUndefined(path);
    if (parsed === undefined) return undefined;
    return parsed.kind === 'entries'
      ? this.#reader.readBundle(parsed.index, parsed.width)
      : this.#reader.readTile(parsed.level, parsed.index, parsed.width);
  }

  /** Closes the store connection. */
  close(): Promise<void> {
    return this.#store.close();
  }
}
