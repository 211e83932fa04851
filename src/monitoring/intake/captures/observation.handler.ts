// The 'monitor_observation' and 'patrol_report' captures: what a monitor saw or was told, on a
// patrol or at a post, often offline. Each becomes an information item with the capture's id
// (so a retried sync finds it), received when it was captured, collected by the monitor behind
// the device; the sealed entry also names the device and keeps its signature.
import { parsePayload } from '../../../passage/field/capture-payload.ts';
import { actorOf } from '../../../passage/field/field-context.ts';
import type {
  CaptureContext,
  CaptureHandler,
  PreparedCapture,
  SyncItem,
} from '../../../sync/capture-handler.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.ts';
import { KyselyInfoItemRepository } from '../database/info-item.kysely.ts';
import type { InfoItem } from '../database/info-item.repository.ts';
import { staffItemSchema } from '../items/item-input.ts';
import type { ItemIntake } from '../items/item-intake.ts';

/** The capture types this handler applies. */
export const OBSERVATION_CAPTURES = ['monitor_observation', 'patrol_report'] as const;

/** Items of prepared captures, so writeMany can insert them in one statement. */
const itemsOf = new WeakMap<PreparedCapture, InfoItem>();

/** The payload of both capture types (strict): an item as staff would enter it. */
export const ObservationPayload = staffItemSchema;

/** Applies one of OBSERVATION_CAPTURES as an information item of that channel. */
export class ObservationHandler implements CaptureHandler {
  readonly #intake: Pick<ItemIntake, 'checkReferences' | 'prepare'>;
  readonly #channel: (typeof OBSERVATION_CAPTURES)[number];

  constructor(
    intake: Pick<ItemIntake, 'checkReferences' | 'prepare'>,
    channel: (typeof OBSERVATION_CAPTURES)[number],
  ) {
    this.#intake = intake;
    this.#channel = channel;
  }

  async prepare(item: SyncItem, capture: CaptureContext): Promise<PreparedCapture> {
    const input = parsePayload(ObservationPayload, item.payload, item.type);
    await this.#intake.checkReferences(input);
    const { item: infoItem, seal } = await this.#intake.prepare(input, {
      channel: this.#channel,
      collectedBy: actorOf(capture.principal),
      id: item.id,
      receivedAt: new Date(item.capturedAt).toISOString(),
      device: { deviceId: capture.deviceId, signature: item.signature },
    });
    const prepared: PreparedCapture = {
      seals: [seal],
      write: async (db) => {
        await new KyselyInfoItemRepository(db).insertMany([infoItem]);
      },
    };
    itemsOf.set(prepared, infoItem);
    return prepared;
  }

  async writeMany(db: Kysely<Database>, prepared: readonly PreparedCapture[]): Promise<void> {
    const items = prepared.flatMap((entry) => {
      const item = itemsOf.get(entry);
      return item === undefined ? [] : [item];
    });
    await new KyselyInfoItemRepository(db).insertMany(items);
  }
}
