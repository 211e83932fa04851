// Helpers of the open data tests: a service over a test database with a recording log, and the
// whole text of every output of a release (to search for what must never appear).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openTestVault } from '../../people/identity-vault.fixture.ts';
import type { Database } from '../../store/schema.ts';
import { OpenDataCorrectionService } from './open-data-corrections.service.ts';
import { RELEASE_AT } from './open-data.fixtures.ts';
import type { DatasetName } from './open-data.datasets.ts';
import type { OpenDataFormat } from './open-data.formats.ts';
import { OpenDataService } from './open-data.service.ts';

/** A service, its vault and the log entries it wrote (decoded). */
export function openTestOpenData(db: Kysely<Database>, now: () => Date = () => RELEASE_AT) {
  const test = openTestVault(db, { now });
  const deps = { db, sealer: test.sealer, keyring: test.keyring, now };
  return {
    ...test,
    service: new OpenDataService(deps),
    corrections: new OpenDataCorrectionService(deps),
    logEntry: (index: number) =>
      JSON.parse(test.entries[index] ?? 'null') as { kind: string; body: Record<string, unknown> },
  };
}

/** The bytes of one export, joined. */
export async function exportText(
  service: OpenDataService,
  release: { dataset: DatasetName; version: number; format: OpenDataFormat },
): Promise<string> {
  const { chunks } = await service.exportRelease(release.dataset, release.version, release.format);
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** Hex SHA-256 of UTF-8 text. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Splits one CSV line into fields (RFC 4180, as the encoder writes them: quotes only around
 * fields with a quote, comma or line break).
 */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted && char === '"' && line[index + 1] === '"') {
      field += '"';
      index++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char ?? '';
  }
  fields.push(field);
  return fields;
}

/** The CSV's rows as objects by header (the HXL row skipped), and the HXL row. */
export function parseCsv(text: string): { hxl: string[]; rows: Record<string, string>[] } {
  const [header = '', hxl = '', ...lines] = text.split('\r\n').filter((line) => line !== '');
  const names = csvFields(header);
  const rows = lines.map((line) => {
    const fields = csvFields(line);
    return Object.fromEntries(names.map((name, index) => [name, fields[index] ?? '']));
  });
  return { hxl: csvFields(hxl), rows };
}
