// The intake part of the monitoring load, through the intake slice's services: sources (with
// contacts in the vault) and their regradings, information items by channel — monitors'
// observations and patrol reports as signed device captures through the capture handler,
// hotline and staff entries and partner reports through the item intake, anonymous resident
// reports with a receipt code, the media-monitoring CSV imports (which update earlier rows by
// id) — and the analysts' credibility gradings and set-asides. Items keep the generator's ids.
import { intakeCaptureHandlers, intakeOf } from '../../monitoring/intake/intake.module.ts';
import { CsvImportService } from '../../monitoring/intake/import/csv-import.service.ts';
import { ItemTriageService } from '../../monitoring/intake/items/item-triage.service.ts';
import type { ItemOrigin } from '../../monitoring/intake/items/item-intake.ts';
import {
  newReceiptCode,
  normaliseReceiptCode,
  receiptDigest,
} from '../../monitoring/intake/resident/receipt-code.ts';
import { SourceService } from '../../monitoring/intake/sources/source.service.ts';
import type { PassageContext } from '../../passage/passage-context.ts';
import { insertSeals } from '../../seal/seal.kysely.ts';
import type {
  BulkImportDraft,
  InfoItemDraft,
  MonitoringSource,
} from '../monitoring/monitoring.types.ts';
import type { Loader, MonitoringLoad, Step } from './monitoring-steps.ts';
import { loadedId } from './monitoring-steps.ts';
import type { DeviceSigner } from './passage-capture.ts';
import type { LoadContext } from './sealed-write.ts';
import type { SecretBox } from '../../people/keyring.ts';

/** What the intake steps share. */
interface Intake {
  readonly signer: DeviceSigner;
  readonly secretBox: SecretBox;
  readonly deviceOwnerId: string;
}

function sourceService(context: PassageContext): SourceService {
  const { db, sealer, vault, now } = context;
  return new SourceService({ db, sealer, vault, now });
}

function triageService(context: PassageContext, intake: Intake): ItemTriageService {
  const { db, sealer, now } = context;
  return new ItemTriageService({ db, sealer, secretBox: intake.secretBox, now });
}

function sourceSteps(source: MonitoringSource, load: Loader): Step[] {
  const [first, ...later] = source.gradings;
  if (first === undefined) return [];
  const contact = source.contact;
  const birthYear = 1950 + (Number.parseInt(source.id.slice(0, 2), 16) % 50);
  const key = `source:${source.id}`;
  const create: Step = {
    at: source.addedAt,
    keys: [key],
    needs: [],
    run: async (context) => {
      const view = await sourceService(context).create(
        {
          kind: source.kind,
          label: source.label,
          reliability: first.reliability,
          reason: first.reason,
          atRisk: source.atRisk,
          contact:
            contact === undefined
              ? undefined
              : {
                  names: [{ given: contact.given, family: contact.family, script: contact.script }],
                  birthYear,
                  sex: 'unknown',
                  documents: [],
                  phone: contact.phone,
                },
        },
        { id: load.staff(source.addedBy) },
      );
      load.ids.sources.set(source.id, view.source.id);
    },
  };
  const regrades = later.map((grading): Step => ({
    at: grading.at,
    keys: [key],
    needs: [],
    run: async (context) => {
      const id = loadedId(load.ids.sources, source.id, 'source');
      const sources = sourceService(context);
      const { source: current } = await sources.get(id);
      await sources.regrade(
        id,
        { reliability: grading.reliability, reason: grading.reason, version: current.version },
        { id: load.staff(grading.by) },
      );
    },
  }));
  return [create, ...regrades];
}

function itemInput(item: InfoItemDraft, load: Loader) {
  return {
    account: item.account,
    language: item.language,
    access: item.access,
    ...(item.occurredAt === null ? {} : { occurredAt: item.occurredAt }),
    ...(item.placeId === null ? {} : { placeId: item.placeId }),
    ...(item.eventType === null ? {} : { eventType: item.eventType }),
    ...(item.proximity === null ? {} : { proximity: item.proximity }),
    ...(item.sourceId === null
      ? {}
      : { sourceId: loadedId(load.ids.sources, item.sourceId, 'source') }),
  };
}

// A monitor's observation or patrol report: signed by the demo device and applied by the
// intake's capture handler, in one transaction with its seal, as a sync batch is.
async function captureItem(
  context: PassageContext,
  intake: Intake,
  item: InfoItemDraft,
  load: Loader,
): Promise<void> {
  const { signer } = intake;
  const handler = intakeCaptureHandlers(context)[item.channel];
  if (handler === undefined) throw new Error(`demo: no capture handler for ${item.channel}`);
  const payload = itemInput(item, load);
  const capture = { id: item.id, type: item.channel, capturedAt: item.receivedAt, payload };
  const principal = {
    tokenId: signer.deviceId,
    name: 'demo device',
    role: 'monitor' as const,
    kind: 'device' as const,
    userId: intake.deviceOwnerId,
    deviceId: signer.deviceId,
  };
  const prepared = await handler.prepare(
    { ...capture, signature: signer.sign(capture) },
    { principal, deviceId: signer.deviceId },
  );
  await context.db.transaction().execute(async (trx) => {
    await prepared.write(trx);
    await insertSeals(trx, prepared.seals);
  });
}

function originOf(item: InfoItemDraft, load: Loader): ItemOrigin {
  const base = { channel: item.channel, id: item.id, receivedAt: item.receivedAt };
  const by = item.collectedBy;
  if (by.kind === 'anonymous') {
    // As the resident report service does: only the receipt code's digest is kept.
    const code = normaliseReceiptCode(newReceiptCode()) ?? '';
    return { ...base, collectedBy: 'anonymous', receiptSha256: receiptDigest(code) };
  }
  if (by.kind === 'partner') {
    return { ...base, collectedBy: load.ids.partners.get(by.name) ?? by.name };
  }
  return { ...base, collectedBy: load.staff(by.kind === 'staff' ? by.login : '') };
}

function itemStep(intake: Intake, item: InfoItemDraft, load: Loader): Step | undefined {
  if (item.collectedBy.kind === 'import') return undefined;
  const isCapture = item.collectedBy.kind === 'device';
  return {
    at: item.receivedAt,
    keys: [`item:${item.id}`],
    needs: item.sourceId === null ? [] : [`source:${item.sourceId}`],
    run: async (context) => {
      if (isCapture) await captureItem(context, intake, item, load);
      else await intakeOf(context).submit(itemInput(item, load), originOf(item, load));
    },
  };
}

/** RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends. */
function toCsv(rows: readonly Readonly<Record<string, string>>[]): string {
  const [first] = rows;
  if (first === undefined) return '';
  const columns = Object.keys(first);
  const line = (values: readonly string[]) =>
    values.map((value) => `"${value.replaceAll('"', '""')}"`).join(',');
  return [line(columns), ...rows.map((row) => line(columns.map((c) => row[c] ?? '')))]
    .map((text) => `${text}\r\n`)
    .join('');
}

function importStep(intake: Intake, batch: BulkImportDraft, load: Loader): Step {
  const sources = batch.rows.flatMap((row) =>
    row.sourceId === null ? [] : [`source:${row.sourceId}`],
  );
  return {
    at: batch.at,
    keys: ['bulk-import', ...batch.rows.map((row) => `item:${row.id}`)],
    needs: sources,
    run: async (context) => {
      const { db, sealer, now } = context;
      const imports = new CsvImportService({
        db,
        sealer,
        secretBox: intake.secretBox,
        intake: intakeOf(context),
        now,
      });
      const rows = batch.rows.map((row) => {
        const input = itemInput(row, load);
        return {
          id: row.id,
          account: input.account,
          language: input.language,
          received_at: row.receivedAt,
          occurred_at: row.occurredAt ?? '',
          place_id: row.placeId ?? '',
          event_type: row.eventType ?? '',
          proximity: row.proximity ?? '',
          source_id: input.sourceId ?? '',
        };
      });
      await imports.import(toCsv(rows), load.staff(batch.by));
    },
  };
}

function triageSteps(intake: Intake, item: InfoItemDraft, load: Loader): Step[] {
  const steps = item.gradings.map((grading): Step => ({
    at: grading.at,
    keys: [`item:${item.id}`],
    needs: [],
    run: async (context) => {
      const triage = triageService(context, intake);
      const { item: current } = await triage.get(item.id);
      const request = { ...grading, version: current.version };
      await triage.grade(item.id, request, load.staff(grading.by));
    },
  }));
  if (item.status !== 'set_aside') return steps;
  const last = item.gradings[item.gradings.length - 1]?.at ?? item.availableAt;
  const at = new Date(Math.max(Date.parse(last), Date.parse(item.availableAt)) + 60_000);
  const by = item.gradings[item.gradings.length - 1]?.by ?? '';
  const setAside: Step = {
    at: at.toISOString(),
    keys: [`item:${item.id}`],
    needs: [],
    run: async (context) => {
      const triage = triageService(context, intake);
      const { item: current } = await triage.get(item.id);
      const request = { reason: 'reviewed: no incident to open', version: current.version };
      await triage.setAside(item.id, request, load.staff(by));
    },
  };
  return [...steps, setAside];
}

/**
 * The intake steps of the monitoring load (sources, items, imports, gradings, set-asides).
 *
 * @example steps.push(...intakeSteps(context, input, loader));
 */
export function intakeSteps(context: LoadContext, input: MonitoringLoad, load: Loader): Step[] {
  const intake: Intake = {
    signer: context.signer,
    secretBox: context.passage.keyring.createSecretBox(),
    deviceOwnerId: input.deviceOwnerId,
  };
  const m = input.monitoring;
  return [
    ...m.sources.flatMap((source) => sourceSteps(source, load)),
    ...m.items.flatMap((item) => itemStep(intake, item, load) ?? []),
    ...m.bulkImports.map((batch) => importStep(intake, batch, load)),
    ...m.items.flatMap((item) => triageSteps(intake, item, load)),
  ];
}
