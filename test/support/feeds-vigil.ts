// A Vigil for the feeds tests on one engine: its own in-process SMTP relay, a clock the test
// moves, every log line the server writes (at trace level) kept for inspection, and helpers
// to read the mails and the database as a whole.
import { after } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { feedsRuntimeOf } from '../../src/transparency/feeds/feeds.module.ts';
import type { FeedsRuntime } from '../../src/transparency/feeds/feeds.module.ts';
import type { DatabaseDialect } from '../../src/store/open-database.ts';
import type { Database } from '../../src/store/schema.ts';
import { createPostgresDatabase } from './databases.ts';
import { openTestVigil } from './test-vigil.ts';
import type { TestVigil } from './test-vigil.ts';
import { startTestSmtp } from './test-smtp.ts';
import type { TestSmtp } from './test-smtp.ts';

/** The public origin the feeds tests configure. */
export const PUBLIC_URL = 'https://vigil.example.org';

/** What a feeds test works with. */
export interface FeedsTestVigil {
  test: TestVigil;
  db: Kysely<Database>;
  feeds: FeedsRuntime;
  smtp: TestSmtp;
  clock: { now: Date };
  /** Every line the server logged. */
  logLines: string[];
}

/** Opens a Vigil on `dialect` wired to a fresh test SMTP server. */
export async function openFeedsVigil(dialect: DatabaseDialect): Promise<FeedsTestVigil> {
  const smtp = await startTestSmtp();
  const clock = { now: new Date('2026-11-28T08:00:00.000Z') };
  const logLines: string[] = [];
  // The feeds module reads its settings from the environment when the server wires it.
  process.env['VIGIL_SMTP_URL'] = smtp.url;
  process.env['VIGIL_PUBLIC_URL'] = PUBLIC_URL;
  process.env['VIGIL_MAIL_FROM'] = 'Vigil <bulletins@vigil.example.org>';
  const server = dialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const logger = { level: 'trace', stream: { write: (line: string) => logLines.push(line) } };
  const test = await openTestVigil({
    backgroundJobs: false,
    now: () => clock.now,
    logger,
    databaseUrl: server?.url,
  });
  // Registered after openTestVigil's close, so it runs after the pools are closed.
  if (server !== undefined) after(server.drop);
  delete process.env['VIGIL_SMTP_URL'];
  const { context } = test.vigil.features;
  return { test, db: context.db, feeds: feedsRuntimeOf(context), smtp, clock, logLines };
}

/** Every row of every application table, as JSON text (for scanning for leaked values). */
export async function dumpAllRows(db: Kysely<Database>, dialect: DatabaseDialect): Promise<string> {
  const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const names =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = 'public'`.execute(db);
  const parts: string[] = [];
  for (const { name } of names.rows) {
    const rows = await loose.selectFrom(name).selectAll().execute();
    parts.push(`${name}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

/** The first URL in `text` under PUBLIC_URL + `path`. */
export function linkIn(text: string, path: string): string {
  const match = new RegExp(`${PUBLIC_URL}${path}[A-Za-z0-9_-]+`).exec(text);
  if (match === null) throw new Error(`no ${path} link in the mail`);
  return match[0];
}

/** The mails sent to `address`. */
export function mailsTo(mails: readonly ParsedMail[], address: string): ParsedMail[] {
  return mails.filter((mail) => {
    const to = Array.isArray(mail.to) ? mail.to : mail.to === undefined ? [] : [mail.to];
    return to.some((group) =>
      group.value.some((one) => one.address?.toLowerCase() === address.toLowerCase()),
    );
  });
}

/** The raw value of header `name` (lower case) as a mail client reads it. */
export function headerOf(mail: ParsedMail, name: string): string {
  // mailparser turns List-* headers into objects; the header line is what RFC 8058 speaks of.
  const line = mail.headerLines.find((one) => one.key === name)?.line ?? '';
  return line.slice(line.indexOf(':') + 1).trim();
}
