// Bulk import of information items from a CSV file (analysts and coordinators). All or nothing,
// so a file can simply be fixed and sent again: every row is checked first (schema, place and
// source references, ids repeated in the file, ids of items that came through another channel);
// if any row fails, the file is refused with the failing rows and nothing is written. Otherwise
// a row whose id names an imported item replaces that item's content as its next version (no
// duplicate), and a row without an id, or with one not yet stored, inserts a new item (with that
// id, so importing the same file again updates instead of duplicating). Every row is sealed;
// the rows and their seals are written in one transaction.
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import { isUniqueViolation } from '../../../passage/registry/unique-violation.ts';
import type { SecretBox } from '../../../people/keyring.ts';
import { insertSeals } from '../../../seal/seal.kysely.ts';
import type { Seal, Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import { KyselyInfoItemRepository } from '../database/info-item.kysely.ts';
import type { InfoItem } from '../database/info-item.repository.ts';
import { itemContent, itemSealRecord } from '../items/item-intake.ts';
import type { ItemIntake } from '../items/item-intake.ts';
import { readImportFile } from './csv-rows.ts';
import type { ImportRow, RowIssue } from './csv-rows.ts';

/** What an import needs. */
export interface CsvImportDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  secretBox: SecretBox;
  intake: Pick<ItemIntake, 'checkReferences' | 'prepare'>;
  now: () => Date;
}

/** What became of one row. */
export interface RowResult {
  row: number;
  id: string;
  status: 'inserted' | 'updated';
}

interface Planned {
  inserts: { row: ImportRow; item: InfoItem; seal: Seal }[];
  updates: { row: ImportRow; before: InfoItem; after: InfoItem; seal: Seal }[];
}

/** Imports CSV files of information items. */
export class CsvImportService {
  readonly #deps: CsvImportDeps;

  constructor(deps: CsvImportDeps) {
    this.#deps = deps;
  }

  /**
   * Imports `text` as `actor`: answers each row's id and whether it was inserted or updated.
   * 'invalid_request' (details.rows: row, id, path, code of every failing row) writes nothing.
   */
  async import(text: string, actor: string): Promise<RowResult[]> {
    const { rows, issues } = readImportFile(text);
    const existing = await new KyselyInfoItemRepository(this.#deps.db).getMany(
      rows.flatMap((row) => (row.id === undefined ? [] : [row.id])),
    );
    issues.push(...(await this.#check(rows, existing)));
    if (issues.length > 0) {
      issues.sort((a, b) => a.row - b.row);
      throw new DomainError('invalid_request', 'rows of the import file are not valid', {
        details: { rows: issues.map((issue) => ({ ...issue, status: 'rejected' })) },
      });
    }
    const planned = await this.#plan(rows, existing, actor);
    await this.#write(planned);
    const results: RowResult[] = [
      ...planned.inserts.map(({ row, item }) => ({
        row: row.row,
        id: item.id,
        status: 'inserted' as const,
      })),
      ...planned.updates.map(({ row, after }) => ({
        row: row.row,
        id: after.id,
        status: 'updated' as const,
      })),
    ];
    return results.sort((a, b) => a.row - b.row);
  }

  async #check(rows: readonly ImportRow[], existing: Map<string, InfoItem>): Promise<RowIssue[]> {
    const issues: RowIssue[] = [];
    const seen = new Set<string>();
    // Files repeat the same few places and sources: check each pair once.
    const checked = new Map<string, string | null>();
    for (const row of rows) {
      const id = row.id ?? null;
      if (row.id !== undefined) {
        if (seen.has(row.id)) issues.push({ row: row.row, id, path: 'id', code: 'duplicate_id' });
        seen.add(row.id);
        const before = existing.get(row.id);
        if (before !== undefined && before.channel !== 'bulk_import') {
          issues.push({ row: row.row, id, path: 'id', code: 'other_channel' });
        }
      }
      const key = `${row.input.placeId ?? ''}|${row.input.sourceId ?? ''}`;
      let failedPath = checked.get(key);
      if (failedPath === undefined) {
        failedPath = await this.#referenceFailure(row);
        checked.set(key, failedPath);
      }
      if (failedPath !== null) {
        issues.push({ row: row.row, id, path: failedPath, code: 'unknown_reference' });
      }
    }
    return issues;
  }

  /** The CSV column of the row's unknown reference, or null when both are known. */
  async #referenceFailure(row: ImportRow): Promise<string | null> {
    try {
      await this.#deps.intake.checkReferences(row.input);
      return null;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return Array.isArray(error.details) ? pathOf(error.details[0]) : 'reference';
    }
  }

  async #plan(
    rows: readonly ImportRow[],
    existing: Map<string, InfoItem>,
    actor: string,
  ): Promise<Planned> {
    const planned: Planned = { inserts: [], updates: [] };
    const at = this.#deps.now().toISOString();
    await Promise.all(
      rows.map(async (row) => {
        const before = row.id === undefined ? undefined : existing.get(row.id);
        if (before === undefined) {
          const prepared = await this.#deps.intake.prepare(row.input, {
            channel: 'bulk_import',
            collectedBy: actor,
            receivedAt: row.receivedAt,
            ...(row.id === undefined ? {} : { id: row.id }),
          });
          planned.inserts.push({ row, ...prepared });
          return;
        }
        const content = itemContent(row.input, row.receivedAt, this.#deps.secretBox);
        const after: InfoItem = {
          ...before,
          ...content,
          updatedAt: at,
          version: before.version + 1,
        };
        const seal = await this.#deps.sealer.seal({
          kind: 'info_item.updated',
          id: after.id,
          version: after.version,
          record: itemSealRecord(after, actor),
        });
        planned.updates.push({ row, before, after, seal });
      }),
    );
    return planned;
  }

  async #write(planned: Planned): Promise<void> {
    try {
      await this.#deps.db.transaction().execute(async (trx) => {
        const items = new KyselyInfoItemRepository(trx);
        await items.insertMany(planned.inserts.map((entry) => entry.item));
        for (const { before, after } of planned.updates) {
          await items.replaceContent(
            { id: before.id, expectedVersion: before.version, at: after.updatedAt },
            after,
          );
        }
        const seals = [...planned.inserts, ...planned.updates].map((entry) => entry.seal);
        await insertSeals(trx, seals);
      });
    } catch (error) {
      // Another import stored one of the new ids meanwhile: nothing of this one was kept.
      if (isUniqueViolation(error)) {
        throw new DomainError('conflict', 'the items changed meanwhile; import the file again');
      }
      throw error;
    }
  }
}

// The CSV column of a reference the intake refused (it names the JSON field).
function pathOf(detail: unknown): string {
  if (typeof detail !== 'object' || detail === null) return 'reference';
  const path: unknown = Reflect.get(detail, 'path');
  if (path === 'placeId') return 'place_id';
  if (path === 'sourceId') return 'source_id';
  return 'reference';
}
