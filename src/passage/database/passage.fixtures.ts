// Test data for the passage store's contract suites: valid records with every field set, so a
// round trip through either engine proves each column is stored and read back. Synthetic only.
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { DomainError } from '../../errors/domain-error.ts';
import type { ErrorCode } from '../../errors/error-catalogue.ts';
import type { Alert } from './alert.repository.ts';
import type { CheckpointPassage } from './checkpoint-passage.repository.ts';
import type { Household, Member } from './household.repository.ts';
import type { Journey } from './journey.repository.ts';
import type { Operation } from './operation.repository.ts';
import type { Place } from './place.repository.ts';

/** D0 of the simulated operation (DOMAIN.md §7): 24 Sep 2023, 00:00 UTC. */
const D0 = Date.UTC(2023, 8, 24);

/** The ISO-8601 instant `hours` after D0. */
export function hoursAfterD0(hours: number): string {
  return new Date(D0 + hours * 3_600_000).toISOString();
}

/** A fresh UUID. */
export function newId(): string {
  return randomUUID();
}

/** Asserts that `promise` rejects with a DomainError of `code`. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

/** A checkpoint on the corridor. */
export function aPlace(overrides: Partial<Place> = {}): Place {
  return {
    id: newId(),
    kind: 'checkpoint',
    names: {
      en: 'Bridge checkpoint',
      hy: 'Կամրջի անցակետ',
      az: 'Körpü keçid məntəqəsi',
      ru: 'КПП у моста',
    },
    lat: 39.512345678901,
    lon: 46.341234567891,
    adminCode: 'AM-SU',
    createdAt: hoursAfterD0(-48),
    version: 1,
    ...overrides,
  };
}

/** A convoy in transit. */
export function anOperation(overrides: Partial<Operation> = {}): Operation {
  return {
    id: newId(),
    kind: 'convoy',
    name: 'Convoy 7',
    state: 'in_transit',
    stateReason: null,
    originPlaceId: newId(),
    destinationPlaceId: newId(),
    windowStart: hoursAfterD0(6),
    windowEnd: hoursAfterD0(18),
    version: 1,
    updatedAt: hoursAfterD0(6),
    ...overrides,
  };
}

/** A household that intends to leave. */
export function aHousehold(overrides: Partial<Household> = {}): Household {
  return {
    id: newId(),
    referenceCode: `HH${newId().slice(0, 8).toUpperCase()}`,
    intention: 'leave',
    registeredAt: hoursAfterD0(-12),
    originPlaceId: newId(),
    memberCount: 3,
    version: 1,
    ...overrides,
  };
}

/** A member of `householdId`. */
export function aMember(householdId: string, overrides: Partial<Member> = {}): Member {
  return {
    personRef: newId(),
    householdId,
    sex: 'female',
    ageBand: '18-45',
    flags: ['pregnant'],
    familyGroupId: newId(),
    ...overrides,
  };
}

/** A journey that has passed the bridge checkpoint and is due at the centre. */
export function aJourney(overrides: Partial<Journey> = {}): Journey {
  return {
    id: newId(),
    personRef: newId(),
    householdId: newId(),
    vehicleId: newId(),
    operationId: newId(),
    state: 'passed',
    version: 1,
    sex: 'male',
    ageBand: '18-45',
    departedAt: hoursAfterD0(10),
    firstCheckpointId: newId(),
    lastPlaceId: newId(),
    lastSeenAt: hoursAfterD0(14),
    expectedBy: hoursAfterD0(58),
    arrivedAt: null,
    registeredAt: null,
    ...overrides,
  };
}

/** A car passing a checkpoint outbound after a document check. */
export function aPassage(overrides: Partial<CheckpointPassage> = {}): CheckpointPassage {
  return {
    id: newId(),
    deviceId: newId(),
    signature: Buffer.alloc(64, 7).toString('base64'),
    checkpointId: newId(),
    direction: 'out',
    vehicleId: newId(),
    journeyIds: [newId(), newId()],
    occupants: 2,
    queueInAt: hoursAfterD0(11),
    screeningStartAt: hoursAfterD0(12),
    screeningEndAt: hoursAfterD0(12.25),
    screeningTypes: ['document_check', 'face_capture'],
    outcome: 'passed',
    recordedAt: hoursAfterD0(12.25),
    recordedBy: newId(),
    ...overrides,
  };
}

/** An overdue-journey alert. */
export function anAlert(overrides: Partial<Alert> = {}): Alert {
  const subjectId = newId();
  return {
    id: newId(),
    type: 'journey_overdue',
    severity: 'warning',
    subjectType: 'journey',
    subjectId,
    dedupeKey: `journey_overdue:${subjectId}`,
    raisedAt: hoursAfterD0(60),
    details: { expectedBy: hoursAfterD0(58), lastPlaceId: null },
    acknowledgedAt: null,
    acknowledgedBy: null,
    ...overrides,
  };
}
