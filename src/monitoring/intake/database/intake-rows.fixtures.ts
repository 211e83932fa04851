// Test data of the intake tables: a source and an item, each overridable.
import { hoursAfterD0, newId } from '../../../passage/database/passage.fixtures.ts';
import type { InfoItem } from './info-item.repository.ts';
import type { Source } from './source.repository.ts';

/** A source graded F, not at risk, with no contact. */
export function aSource(overrides: Partial<Source> = {}): Source {
  return {
    id: newId(),
    kind: 'witness',
    label: `S-${newId().slice(0, 8)}`,
    reliability: 'F',
    atRisk: false,
    contactPersonRef: null,
    createdAt: hoursAfterD0(30),
    updatedAt: hoursAfterD0(30),
    version: 1,
    ...overrides,
  };
}

/** A new partner report received at D0 + `hours` (default 30). */
export function anItem(overrides: Partial<InfoItem> = {}, hours = 30): InfoItem {
  return {
    id: newId(),
    channel: 'partner_report',
    sourceId: null,
    proximity: 'hearsay',
    credibility: 6,
    language: 'hy',
    accountSealed: 'sealed-account',
    receivedAt: hoursAfterD0(hours),
    occurredAt: null,
    placeId: null,
    eventType: 'checkpoint_detention',
    collectedBy: 'partner-token',
    access: { privateInterview: true, escorted: null, placeDenied: false },
    receiptSha256: null,
    status: 'new',
    statusReason: null,
    createdAt: hoursAfterD0(hours),
    updatedAt: hoursAfterD0(hours),
    version: 1,
    ...overrides,
  };
}
