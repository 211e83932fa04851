// The intake services over a test database (fake log, real vault and keyring), for the service
// tests of both engines.
import type { Kysely } from 'kysely';
import { fieldTestContext, seedCorridor } from '../../passage/field/field.fixtures.ts';
import type { FieldTestContext } from '../../passage/field/field.fixtures.ts';
import type { Database } from '../../store/schema.ts';
import { CsvImportService } from './import/csv-import.service.ts';
import { intakeOf } from './intake.module.ts';
import type { ItemIntake } from './items/item-intake.ts';
import { ItemTriageService } from './items/item-triage.service.ts';
import { ResidentReportService } from './resident/resident-report.service.ts';
import { SourceService } from './sources/source.service.ts';

/** Every intake service on one context, and a known place. */
export interface IntakeTest {
  context: FieldTestContext;
  intake: ItemIntake;
  triage: ItemTriageService;
  sources: SourceService;
  residents: ResidentReportService;
  imports: CsvImportService;
  placeId: string;
}

/** The intake services over `db`, with a seeded corridor. */
export async function intakeTest(db: Kysely<Database>): Promise<IntakeTest> {
  const context = fieldTestContext(db);
  const corridor = await seedCorridor(db);
  const intake = intakeOf(context);
  const secretBox = context.keyring.createSecretBox();
  const { sealer, now } = context;
  return {
    context,
    intake,
    triage: new ItemTriageService({ db, sealer, secretBox, now }),
    sources: new SourceService({ db, sealer, vault: context.vault, now }),
    residents: new ResidentReportService({ db, intake }),
    imports: new CsvImportService({ db, sealer, secretBox, intake, now }),
    placeId: corridor.bridge,
  };
}

/** Every sealed record's text, joined (to prove a secret is nowhere in them). */
export async function sealedRecordsText(db: Kysely<Database>): Promise<string> {
  const rows = await db.selectFrom('sealed_record').select(['record', 'kind']).execute();
  return rows.map((row) => `${row.kind} ${row.record}`).join('\n');
}
