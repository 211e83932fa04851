// Resident reports from the portal: anyone may report, with no account, and gets a private
// receipt code to follow up. The code is answered once and never stored, logged or sealed:
// the item keeps its SHA-256 only. The follow-up answers the coarse status of that one report
// (received, under review, assessed) and nothing else; every failure — a code that does not
// parse, an unknown code — is the same 'not_found' after the same work (one digest, one
// indexed look-up), so answers do not tell codes apart. The routes add a rate limit per
// address; 160-bit codes cannot be walked anyway.
import { DomainError } from '../../../errors/domain-error.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import { KyselyInfoItemRepository } from '../database/info-item.kysely.ts';
import type { ItemInput } from '../items/item-input.ts';
import type { ItemIntake } from '../items/item-intake.ts';
import { newReceiptCode, normaliseReceiptCode, receiptDigest } from './receipt-code.ts';

/** The coarse status a reporter sees. */
export const REPORT_STATUSES = ['received', 'under_review', 'assessed'] as const;
/** One of REPORT_STATUSES. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Stand-in digested when a code does not parse, so that path does the same work. */
const NO_CODE = 'x'.repeat(32);

/** Takes resident reports and answers their follow-ups. */
export class ResidentReportService {
  readonly #db: Kysely<Database>;
  readonly #intake: Pick<ItemIntake, 'submit'>;

  constructor(deps: { db: Kysely<Database>; intake: Pick<ItemIntake, 'submit'> }) {
    this.#db = deps.db;
    this.#intake = deps.intake;
  }

  /**
   * Stores a report, anonymous unless `reporter` (a signed-in resident's token id) is given;
   * answers its receipt code (shown this once), which follows the report up either way.
   */
  async submit(
    input: ItemInput,
    reporter?: string,
  ): Promise<{ receiptCode: string; receivedAt: string }> {
    const receiptCode = newReceiptCode();
    const canonical = normaliseReceiptCode(receiptCode) ?? NO_CODE;
    const item = await this.#intake.submit(input, {
      channel: 'resident_report',
      collectedBy: reporter ?? 'anonymous',
      receiptSha256: receiptDigest(canonical),
    });
    return { receiptCode, receivedAt: item.receivedAt };
  }

  /** The coarse status of `reporter`'s own reports, newest first (never anyone else's). */
  async listOwn(
    reporter: string,
    limit: number,
  ): Promise<{ receivedAt: string; status: ReportStatus }[]> {
    const rows = await new KyselyInfoItemRepository(this.#db).listByCollector(
      reporter,
      'resident_report',
      limit,
    );
    return rows.map((row) => ({ receivedAt: row.receivedAt, status: coarseStatus(row) }));
  }

  /** The coarse status of the report behind `receiptCode`; 'not_found' for any other code. */
  async status(receiptCode: string): Promise<ReportStatus> {
    const canonical = normaliseReceiptCode(receiptCode);
    const digest = receiptDigest(canonical ?? NO_CODE);
    const found = await new KyselyInfoItemRepository(this.#db).findByReceipt(digest);
    if (found === undefined || canonical === undefined) {
      throw new DomainError('not_found', 'no report with this receipt code');
    }
    return coarseStatus(found);
  }
}

// What a reporter may learn: whether anyone has looked at the report yet, nothing more.
function coarseStatus(item: { status: string; version: number }): ReportStatus {
  if (item.status !== 'new') return 'assessed';
  return item.version > 1 ? 'under_review' : 'received';
}
