// Re-deriving the published record from the log alone (`vigil verify log --full`): every entry
// the audit re-hashes is decoded; each of a public kind must carry a body its kind's schema
// accepts, naming the id its entry names, and no item may be published twice. What the log
// holds is then the published record, which `--public-items DIR` writes out as files so anyone
// can rebuild bulletins and releases without the mission's server.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isLedgerError } from '../ledger/ledger-error.ts';
import { decodeLogEntry } from '../ledger/log-entry.ts';
import type { LogEntry } from '../ledger/log-entry.ts';
import { PUBLIC_KINDS } from './public-kinds.ts';
import { VerificationError } from './verification-error.ts';

/** One public item as the log holds it. */
export interface PublicItem {
  kind: string;
  id: string;
  version: number;
  at: string;
  logIndex: number;
  body: unknown;
  /** Its file under the output directory, as path segments. */
  path: readonly string[];
}

/** A path segment that cannot climb out of the output directory or hide as a dot file. */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

function decoded(entry: Uint8Array): LogEntry | undefined {
  try {
    return decodeLogEntry(entry);
  } catch (error) {
    // Not a Vigil entry (a foreign log, raw test bytes): nothing public to re-derive from it.
    if (isLedgerError(error)) return undefined;
    throw error;
  }
}

/** Collects the public items of a log while its entries are audited. */
export class PublicItemCollector {
  readonly #items: PublicItem[] = [];
  readonly #paths = new Set<string>();
  #others = 0;

  /** Checks entry `index`; throws VerificationError when a public item is malformed. */
  observe(entry: Uint8Array, index: number): void {
    const decodedEntry = decoded(entry);
    const known = decodedEntry === undefined ? undefined : PUBLIC_KINDS[decodedEntry.kind];
    if (decodedEntry === undefined || known === undefined) {
      this.#others++;
      return;
    }
    const { kind, id, version, at, body } = decodedEntry;
    const where = `entry ${String(index)} (${kind})`;
    const parsed = known.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at_ = issue === undefined ? '' : `${issue.path.join('.')}: ${issue.message}`;
      throw new VerificationError(where, `the body is not a valid ${kind}: ${at_}`);
    }
    if (known.idOf !== undefined && known.idOf(body) !== id) {
      throw new VerificationError(where, 'the body names another id than its entry');
    }
    const path = known.path({ id, version, index }, body);
    if (!path.every((segment) => SAFE_SEGMENT.test(segment))) {
      throw new VerificationError(where, 'the item has no safe file name');
    }
    const key = path.join('/');
    if (this.#paths.has(key)) {
      throw new VerificationError(where, `${key} is published twice`);
    }
    this.#paths.add(key);
    this.#items.push({ kind, id, version, at, logIndex: index, body, path });
  }

  /** The public items, in log order. */
  get items(): readonly PublicItem[] {
    return this.#items;
  }

  /** How many public items of each kind were re-derived, by kind name. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const item of this.#items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
    return counts;
  }

  /** One line for the report: the count per kind and of the other (sealed) entries. */
  summary(): string {
    const kinds = [...this.counts()].sort(([a], [b]) => a.localeCompare(b));
    const perKind = kinds.map(([kind, count]) => `${kind} ${String(count)}`).join(', ');
    return (
      `re-derived ${String(this.#items.length)} public items` +
      `${perKind === '' ? '' : ` (${perKind})`}; ${String(this.#others)} sealed or other entries`
    );
  }

  /**
   * Writes every item under `dir` (one JSON file each: its entry's kind, id, version, time,
   * log index and body) and `dir/index.json` listing them; answers how many were written.
   */
  async write(dir: string): Promise<number> {
    for (const item of this.#items) {
      const file = join(dir, ...item.path);
      await mkdir(join(file, '..'), { recursive: true });
      const { kind, id, version, at, logIndex, body } = item;
      const text = JSON.stringify({ kind, id, version, at, logIndex, body }, null, 2);
      await writeFile(file, `${text}\n`);
    }
    const index = this.#items.map(({ kind, id, logIndex, path }) => ({
      kind,
      id,
      logIndex,
      file: path.join('/'),
    }));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
    return this.#items.length;
  }
}
