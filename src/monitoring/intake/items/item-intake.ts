// Intake of an information item from any channel, in the shape every write takes: validate
// (the route's schema, then references: a known place, a known source), seal the account under
// the secret box, seal the log entry (which commits to the sealed account's digest, never to
// the account), and write the row with its seal. The partner and resident path reads nothing
// from the database: places come from the gazetteer cache and those channels name no source.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../../errors/domain-error.ts';
import type { PlaceDirectory } from '../../../passage/field/places/place-directory.ts';
import type { SecretBox } from '../../../people/keyring.ts';
import { newRecordId } from '../../../random/record-id.ts';
import type { Sealer } from '../../../seal/sealer.ts';
import type { Database } from '../../../store/schema.ts';
import type { Channel } from '../../model/vocabulary.ts';
import type { InfoItem, ItemContent } from '../database/info-item.repository.ts';
import { KyselySourceRepository } from '../database/source.kysely.ts';
import { ItemCommitter } from './item-committer.ts';
import type { PreparedItem } from './item-committer.ts';
import type { ItemInput } from './item-input.ts';

/** What intake needs. */
export interface ItemIntakeDeps {
  db: Kysely<Database>;
  sealer: Pick<Sealer, 'seal'>;
  secretBox: SecretBox;
  places: Pick<PlaceDirectory, 'requirePlace'>;
  now: () => Date;
}

/** Where an item came from, as the channel's route or handler knows it. */
export interface ItemOrigin {
  channel: Channel;
  /** Staff user id, device's user, partner token id, or 'anonymous'. */
  collectedBy: string;
  /** A capture's or CSV row's id; a new UUIDv7 otherwise. */
  id?: string;
  /** When the mission received it; now otherwise. */
  receivedAt?: string;
  /** SHA-256 (hex) of an anonymous reporter's receipt code. */
  receiptSha256?: string;
  /** The device that signed a capture, and its signature (sealed with the entry). */
  device?: { deviceId: string; signature: string };
}

/** The content an input describes, with the account sealed under `box`. */
export function itemContent(input: ItemInput, receivedAt: string, box: SecretBox): ItemContent {
  return {
    sourceId: input.sourceId ?? null,
    proximity: input.proximity ?? null,
    language: input.language,
    accountSealed: box.seal(input.account),
    receivedAt,
    occurredAt: input.occurredAt ?? null,
    placeId: input.placeId ?? null,
    eventType: input.eventType ?? null,
    access: input.access,
  };
}

/**
 * The record sealed for an item version: everything but the account itself, for which the
 * digest of its sealed form stands (so the entry proves which ciphertext was stored).
 */
export function itemSealRecord(item: InfoItem, actor: string): Record<string, unknown> {
  const { accountSealed, receiptSha256, ...rest } = item;
  const accountSha256 = createHash('sha256').update(accountSealed).digest('hex');
  return { ...rest, accountSha256, hasReceipt: receiptSha256 !== null, actor };
}

/** Takes in items from every channel. */
export class ItemIntake {
  readonly #deps: ItemIntakeDeps;
  readonly #committer: ItemCommitter;

  constructor(deps: ItemIntakeDeps) {
    this.#deps = deps;
    this.#committer = new ItemCommitter(deps.db);
  }

  /** Checks that the place and the source an input names exist ('invalid_request'). */
  async checkReferences(input: Pick<ItemInput, 'placeId' | 'sourceId'>): Promise<void> {
    if (input.placeId !== undefined) await this.#deps.places.requirePlace(input.placeId, 'placeId');
    if (input.sourceId === undefined) return;
    const source = await new KyselySourceRepository(this.#deps.db).get(input.sourceId);
    if (source === undefined) {
      throw new DomainError('invalid_request', 'sourceId names no known source', {
        details: [{ path: 'sourceId', code: 'unknown_reference' }],
      });
    }
  }

  /** The new item of `input` (references not checked) and its sealed entry. */
  async prepare(input: ItemInput, origin: ItemOrigin): Promise<PreparedItem> {
    const now = this.#deps.now().toISOString();
    const item: InfoItem = {
      id: origin.id ?? newRecordId(),
      channel: origin.channel,
      credibility: 6,
      ...itemContent(input, origin.receivedAt ?? now, this.#deps.secretBox),
      collectedBy: origin.collectedBy,
      receiptSha256: origin.receiptSha256 ?? null,
      status: 'new',
      statusReason: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const seal = await this.#deps.sealer.seal({
      kind: 'info_item.received',
      id: item.id,
      version: 1,
      record: { ...itemSealRecord(item, origin.collectedBy), ...origin.device },
    });
    return { item, seal };
  }

  /** Checks, seals and stores one item; answers it as stored. */
  async submit(input: ItemInput, origin: ItemOrigin): Promise<InfoItem> {
    await this.checkReferences(input);
    const prepared = await this.prepare(input, origin);
    await this.#committer.commit([prepared]);
    return prepared.item;
  }
}
