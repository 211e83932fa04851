// The response shapes of the incident routes (OpenAPI and serialisation).
import { z } from 'zod';
import { INCIDENT_STATES } from '../model/vocabulary.ts';
import { CASE_KINDS } from './incident.repository.ts';
import { ContentViewSchema } from './incident.schemas.ts';

const state = z.enum(INCIDENT_STATES);

/** An incident as listed (no narrative). */
export const IncidentSummarySchema = ContentViewSchema.extend({
  id: z.string(),
  state,
  mergedInto: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  eventType: z.string(),
  acled: z.object({ disorderType: z.string(), eventType: z.string(), subEventType: z.string() }),
});

/** One state change with who, when and why. */
export const TransitionSchema = z.object({
  version: z.number(),
  from: state,
  to: state,
  reason: z.string(),
  at: z.string(),
  actor: z.string(),
  proposedBy: z.string().nullable(),
});

/** The first half of a two-person step. */
export const ApprovalSchema = z.object({
  toState: state,
  version: z.number(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  reason: z.string(),
});

/** An incident with its whole history and links. */
export const IncidentViewSchema = z.object({
  incident: IncidentSummarySchema,
  versions: z.array(
    z.object({
      version: z.number(),
      content: ContentViewSchema,
      reason: z.string(),
      at: z.string(),
      actor: z.string(),
    }),
  ),
  transitions: z.array(TransitionSchema),
  approvals: z.array(ApprovalSchema.extend({ live: z.boolean() })),
  items: z.array(z.object({ itemId: z.string(), linkedAt: z.string(), actor: z.string() })),
  cases: z.array(
    z.object({
      caseKind: z.enum(CASE_KINDS),
      caseId: z.string(),
      linkedAt: z.string(),
      actor: z.string(),
    }),
  ),
});

/** A page of incidents and the cursor of the next page (null at the end). */
export const IncidentPageSchema = z.object({
  incidents: z.array(IncidentSummarySchema),
  next: z.string().nullable(),
});
