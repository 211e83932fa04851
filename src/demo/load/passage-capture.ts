// A scenario checkpoint passage as the demo monitor's device would have captured it: the
// 'checkpoint_passage' payload of the field slice, signed with the device's Ed25519 key exactly
// as a device signs (src/sync/capture-signature.ts), so every stored passage carries a signature
// that verifies against the registered device.
import { sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { PassageOutcome, ScreeningType } from '../../passage/database/passage-vocabulary.ts';
import { captureSignatureMessage } from '../../sync/capture-signature.ts';
import type { CheckpointPassageEvent } from '../scenario-events.types.ts';

/** The capture type of a checkpoint passage. */
export const CHECKPOINT_PASSAGE = 'checkpoint_passage';

// The generator's screening words in the passage vocabulary; a headcount is not a screening.
const SCREENING: Readonly<
  Record<CheckpointPassageEvent['screeningTypes'][number], ScreeningType | null>
> = {
  document_check: 'document_check',
  face_capture: 'face_capture',
  vehicle_search: 'search',
  interview: 'interrogation',
  headcount: null,
};

/** The screening types of a scenario passage in the passage vocabulary, without repeats. */
export function screeningTypesOf(event: CheckpointPassageEvent): ScreeningType[] {
  const types = event.screeningTypes.map((type) => SCREENING[type]);
  return [...new Set(types.filter((type) => type !== null))];
}

/** The payload a device sends for `event` (the field's CheckpointPassagePayload). */
export interface PassagePayload {
  checkpointId: string;
  direction: 'out';
  vehicleId: string;
  occupants: number;
  queueInAt: string;
  screeningStartAt: string;
  screeningEndAt: string;
  screeningTypes: ScreeningType[];
  outcome: PassageOutcome;
  people: { journeyId: string; outcome: 'passed' }[];
}

/**
 * The payload of `event`: who passed on, by journey id; 'secondary' when someone aboard was
 * taken aside at this checkpoint.
 *
 * @example passagePayload(event, journeyIds, false).outcome // 'passed'
 */
export function passagePayload(
  event: CheckpointPassageEvent,
  journeyIds: readonly string[],
  hadSecondary: boolean,
): PassagePayload {
  return {
    checkpointId: event.placeId,
    direction: 'out',
    vehicleId: event.vehicleId,
    occupants: event.headcount,
    queueInAt: event.queueInAt,
    screeningStartAt: event.screeningStartAt,
    screeningEndAt: event.screeningEndAt,
    screeningTypes: screeningTypesOf(event),
    outcome: hadSecondary ? 'secondary' : 'passed',
    people: journeyIds.map((journeyId) => ({ journeyId, outcome: 'passed' })),
  };
}

/** Signs captures as one registered device. */
export class DeviceSigner {
  readonly deviceId: string;
  /** The device's Ed25519 private key (it never leaves the demo build). */
  readonly privateKey: KeyObject;

  constructor(deviceId: string, privateKey: KeyObject) {
    this.deviceId = deviceId;
    this.privateKey = privateKey;
  }

  /** The base64 Ed25519 signature of a capture, as the device makes it. */
  sign(capture: { id: string; type: string; capturedAt: string; payload: unknown }): string {
    const message = captureSignatureMessage({ deviceId: this.deviceId, ...capture });
    return sign(null, message, this.privateKey).toString('base64');
  }
}
