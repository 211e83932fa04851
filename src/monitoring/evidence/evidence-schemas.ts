// The evidence API's response shapes.
import { z } from 'zod';

/** An evidence item (EvidenceView). */
export const EvidenceViewSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number(),
  mediaType: z.string(),
  hasFileName: z.boolean(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  legalHold: z.boolean(),
  deletedAt: z.string().nullable(),
  incidents: z.array(z.string()),
  version: z.number(),
});

/** One custody event (CustodyView). */
export const CustodyViewSchema = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.string(),
  at: z.string(),
  result: z.string().nullable(),
  detail: z.string().nullable(),
  logIndex: z.number(),
});
